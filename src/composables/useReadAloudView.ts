import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { useReadAloudStore } from '../stores/read-aloud.ts'
import { useReaderStore } from '../stores/reader.ts'
import { paintHighlight, rangeAt } from './textRanges.ts'

const HIGHLIGHT = 'reading-aloud'

/**
 * Shows what is being read aloud: the sentence painted (CSS Custom Highlight API, so no text
 * moves) and the view following it when it leaves the column. Reading stops with the document.
 */
export function useReadAloudView(column: Ref<HTMLElement | null>): void {
  const readAloud = useReadAloudStore()
  const reader = useReaderStore()

  async function show(): Promise<void> {
    await nextTick()
    const sentence = readAloud.current
    const text =
      sentence &&
      column.value?.querySelector(
        `[data-block-id="${CSS.escape(sentence.blockId)}"] .text.lang-${sentence.lang}`,
      )
    const range = text && rangeAt(text, sentence.start, sentence.end)
    paintHighlight(HIGHLIGHT, range ? [range] : [], 1)
    if (range && column.value) follow(column.value, range)
  }

  /** Brings the sentence to the upper third of the column when any of it is out of view. */
  function follow(root: HTMLElement, range: Range): void {
    const view = root.getBoundingClientRect()
    const at = range.getBoundingClientRect()
    if (at.top >= view.top && at.bottom <= view.bottom) return
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    root.scrollBy({
      top: at.top - view.top - view.height / 3,
      behavior: reduced ? 'auto' : 'smooth',
    })
  }

  watch(
    () => [readAloud.current, reader.mode, reader.flipped] as const,
    () => void show(),
  )
  watch(
    () => reader.document,
    () => readAloud.stop(),
  )
  onBeforeUnmount(() => {
    readAloud.stop()
    paintHighlight(HIGHLIGHT, [])
  })
}
