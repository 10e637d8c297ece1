import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { HighlightColor } from '../../electron/shared/annotations.ts'
import { useAnnotationsStore } from '../stores/annotations.ts'
import { useReaderStore } from '../stores/reader.ts'
import { paintHighlight, rangeAt } from './textRanges.ts'

const LANG_ATTR = { en: 'en', zh: 'zh-CN' } as const

/** Paints the current document's highlights, in their colors, on whatever text is shown. */
export function useAnnotationHighlights(column: Ref<HTMLElement | null>): void {
  const annotations = useAnnotationsStore()
  const reader = useReaderStore()

  async function paint(): Promise<void> {
    await nextTick()
    const root = column.value
    const doc = reader.document
    const byColor = new Map<string, Range[]>(HighlightColor.options.map((c) => [c, []]))
    if (root && doc) {
      for (const { annotation, placement } of annotations.forDocument(doc.id)) {
        if (annotation.kind !== 'highlight' || !annotation.color || !placement.blockId) continue
        const text = root.querySelector(
          `[data-block-id="${CSS.escape(placement.blockId)}"] .text[lang="${LANG_ATTR[annotation.anchor.lang]}"]`,
        )
        const range = text && rangeAt(text, placement.start, placement.end)
        if (range) byColor.get(annotation.color)!.push(range)
      }
    }
    for (const [color, ranges] of byColor) paintHighlight(`hl-${color}`, ranges)
  }

  watch(
    () =>
      [
        annotations.items,
        reader.document,
        reader.mode,
        reader.flipped,
        reader.status,
        column.value,
      ] as const,
    () => void paint(),
    { immediate: true },
  )
  onBeforeUnmount(() => {
    for (const color of HighlightColor.options) paintHighlight(`hl-${color}`, [])
  })
}
