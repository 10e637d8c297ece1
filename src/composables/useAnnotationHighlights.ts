import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { counterpartOf } from '../../electron/shared/align/counterpart.ts'
import { HighlightColor } from '../../electron/shared/annotations.ts'
import { otherLang } from '../../electron/shared/citation.ts'
import type { ContentLang } from '../../electron/shared/model.ts'
import { useAnnotationsStore } from '../stores/annotations.ts'
import { useChineseStore } from '../stores/chinese.ts'
import { useReaderStore } from '../stores/reader.ts'
import { paintHighlight, rangeAt } from './textRanges.ts'

const NAMES = HighlightColor.options.flatMap((c) => [`hl-${c}`, `hl-${c}-mirror`])

/**
 * Paints the current document's highlights, in their colors, on whatever text is shown; and,
 * lighter (`hl-<color>-mirror`), on the aligned sentences of the other language, or on its whole
 * paragraph where the block has no alignment.
 */
export function useAnnotationHighlights(column: Ref<HTMLElement | null>): void {
  const annotations = useAnnotationsStore()
  const reader = useReaderStore()
  const chinese = useChineseStore()

  async function paint(): Promise<void> {
    await nextTick()
    const root = column.value
    const doc = reader.document
    const byName = new Map<string, Range[]>(NAMES.map((name) => [name, []]))
    const paintIn = (
      name: string,
      blockId: string,
      lang: ContentLang,
      start: number,
      end: number,
    ) => {
      const text = root?.querySelector(
        `[data-block-id="${CSS.escape(blockId)}"] .text.lang-${lang}`,
      )
      const range = text && rangeAt(text, start, end)
      if (range) byName.get(name)!.push(range)
    }
    for (const { annotation, placement } of doc ? annotations.forDocument(doc.id) : []) {
      const { blockId, start, end } = placement
      const block = doc?.blocks.find((b) => b.id === blockId)
      if (annotation.kind !== 'highlight' || !annotation.color || !block) continue
      const lang = annotation.anchor.lang
      paintIn(`hl-${annotation.color}`, block.id, lang, start, end)
      const other = otherLang(lang)
      const mirror = counterpartOf(block, lang, { start, end })?.range ?? {
        start: 0,
        end: block[other].length,
      }
      paintIn(`hl-${annotation.color}-mirror`, block.id, other, mirror.start, mirror.end)
    }
    for (const [name, ranges] of byName)
      paintHighlight(name, ranges, name.endsWith('-mirror') ? -1 : 0)
  }

  watch(
    () =>
      [
        annotations.items,
        reader.document,
        reader.mode,
        reader.flipped,
        reader.status,
        chinese.revision,
        column.value,
      ] as const,
    () => void paint(),
    { immediate: true },
  )
  onBeforeUnmount(() => {
    for (const name of NAMES) paintHighlight(name, [])
  })
}
