import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { pairAt, pairSpans } from '../../electron/shared/align/counterpart.ts'
import type { ContentLang } from '../../electron/shared/model.ts'
import { useChineseStore } from '../stores/chinese.ts'
import { useReaderStore } from '../stores/reader.ts'
import { useSentencesStore } from '../stores/sentences.ts'
import { offsetAtPoint, paintHighlight, rangeAt } from './textRanges.ts'

const langOfText = (text: Element): ContentLang =>
  text.classList.contains('lang-zh') ? 'zh' : 'en'

/**
 * Lights the aligned sentence under the pointer, or stepped to with the keyboard, in every language
 * shown; in a single-language mode a click on a sentence lights it for its translation to be peeked.
 * Painted with the CSS Custom Highlight API: backgrounds only, so no text moves.
 */
export function useSentenceLighting(column: Ref<HTMLElement | null>): void {
  const reader = useReaderStore()
  const sentences = useSentencesStore()
  const chinese = useChineseStore()

  function sentenceAt(event: MouseEvent): { blockId: string; index: number } | null {
    const text = event.target instanceof Element ? event.target.closest('.text') : null
    const blockId = text?.closest<HTMLElement>('[data-block-id]')?.dataset['blockId']
    const block = reader.document?.blocks.find((b) => b.id === blockId)
    const spans = block && pairSpans(block)
    const offset = text ? offsetAtPoint(text, event.clientX, event.clientY) : null
    if (!text || !block || !spans || offset === null) return null
    return { blockId: block.id, index: pairAt(spans[langOfText(text)], offset) }
  }

  function onMove(event: MouseEvent): void {
    if (sentences.lit?.by === 'click') return
    const hit = sentenceAt(event)
    if (hit) sentences.light(hit.blockId, hit.index, 'pointer')
    else sentences.clear('pointer')
  }
  const onLeave = () => sentences.clear('pointer')
  function onClick(event: MouseEvent): void {
    const onControl = event.target instanceof Element && event.target.closest('.term, .text-mark')
    const hit = !reader.bilingual && !onControl && window.getSelection()?.isCollapsed !== false
    const at = hit ? sentenceAt(event) : null
    if (at) sentences.light(at.blockId, at.index, 'click')
    else sentences.clear('click')
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') sentences.clear()
  }

  async function paint(): Promise<void> {
    await nextTick()
    const lit = sentences.lit
    const element =
      lit && column.value?.querySelector(`[data-block-id="${CSS.escape(lit.blockId)}"]`)
    const block = lit && reader.document?.blocks.find((b) => b.id === lit.blockId)
    const spans = block && pairSpans(block)
    if (!lit || !element || !spans) return paintHighlight('sentence', [])
    const ranges = [...element.querySelectorAll('.text')].flatMap((text) => {
      const span = spans[langOfText(text)][lit.index]
      return (span && rangeAt(text, span.start, span.end)) ?? []
    })
    paintHighlight('sentence', ranges, -2)
  }

  watch(
    () =>
      [
        sentences.lit,
        reader.mode,
        reader.flipped,
        reader.status,
        reader.document,
        chinese.revision,
      ] as const,
    () => void paint(),
  )
  // Stepping with the keyboard belongs to the focused paragraph: leaving it puts the light out.
  watch(
    () => reader.focusedBlockId,
    (id) => {
      if (sentences.lit?.by === 'key' && sentences.lit.blockId !== id) sentences.clear('key')
    },
  )
  const events = [
    ['mousemove', onMove],
    ['mouseleave', onLeave],
    ['click', onClick],
  ] as const
  watch(
    column,
    (now, before) => {
      for (const [name, handler] of events) {
        before?.removeEventListener(name, handler)
        now?.addEventListener(name, handler)
      }
    },
    { immediate: true },
  )
  document.addEventListener('keydown', onKey)
  onBeforeUnmount(() => {
    for (const [name, handler] of events) column.value?.removeEventListener(name, handler)
    document.removeEventListener('keydown', onKey)
    sentences.clear()
    paintHighlight('sentence', [])
  })
}
