import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { useReaderStore } from '../stores/reader.ts'

/**
 * Follows the scroll position of the reading column: the first block still visible at the top,
 * and how far into it, is the reading position; a pending position is scrolled to once rendered.
 */
export function useReadingPosition(container: Ref<HTMLElement | null>) {
  const reader = useReaderStore()

  function blockElements(): HTMLElement[] {
    return [...(container.value?.querySelectorAll<HTMLElement>('[data-block-id]') ?? [])]
  }

  function measure(): void {
    const root = container.value
    const doc = reader.document
    if (!root || !doc) return
    const top = root.getBoundingClientRect().top
    const elements = blockElements()
    const index = elements.findIndex((el) => el.getBoundingClientRect().bottom > top + 1)
    if (index < 0) return
    const element = elements[index]!
    const rect = element.getBoundingClientRect()
    const offset = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0
    const atEnd = root.scrollTop + root.clientHeight >= root.scrollHeight - 2
    const progress = atEnd ? 1 : Math.min(1, (index + offset) / doc.blocks.length)
    reader.track({ blockId: element.dataset['blockId']!, offset, progress })
  }

  let frame = 0
  /** Measured in the next frame: after a scroll, or once a document is first painted. */
  function onScroll(): void {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(measure)
  }

  function scrollToBlock(blockId: string, offset = 0, focus = false): void {
    const root = container.value
    const element = root?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(blockId)}"]`)
    if (!root || !element) return
    const delta = element.getBoundingClientRect().top - root.getBoundingClientRect().top
    root.scrollTop += delta + offset * element.offsetHeight
    if (focus) element.focus({ preventScroll: true })
    onScroll()
  }

  watch(
    () => [reader.pendingScroll, reader.status] as const,
    async ([pending, status]) => {
      if (!pending || status !== 'ready') return
      await nextTick()
      const root = container.value
      if (pending.at) scrollToBlock(pending.at.blockId, pending.at.offset, true)
      else if (root) {
        root.scrollTop = 0
        root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true })
        onScroll()
      }
      reader.pendingScroll = null
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    cancelAnimationFrame(frame)
    void reader.persist()
  })

  return { onScroll, scrollToBlock }
}
