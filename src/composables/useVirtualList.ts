import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * Renders only the rows of a long, fixed-row-height list that can be seen (plus a margin), so a
 * library of thousands of documents costs the same as a screenful.
 */
export function useVirtualList(
  container: Ref<HTMLElement | null>,
  count: () => number,
  rowHeight: number,
  overscan = 6,
) {
  const scrollTop = ref(0)
  const viewport = ref(800)

  const range = computed(() => {
    const total = count()
    const start = Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan)
    const end = Math.min(
      total,
      Math.ceil((scrollTop.value + viewport.value) / rowHeight) + overscan,
    )
    return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight }
  })

  function sync(): void {
    const el = container.value
    if (!el) return
    scrollTop.value = el.scrollTop
    viewport.value = el.clientHeight || viewport.value
  }

  let observer: ResizeObserver | null = null
  onMounted(() => {
    sync()
    if (typeof ResizeObserver !== 'undefined' && container.value) {
      observer = new ResizeObserver(sync)
      observer.observe(container.value)
    }
  })
  onBeforeUnmount(() => observer?.disconnect())

  return { range, onScroll: sync }
}
