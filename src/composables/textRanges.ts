/**
 * Finds text across the rendered reading column and paints it with the CSS Custom Highlight API,
 * which marks ranges without touching the DOM (no wrapper elements, no HTML).
 */

/** The visible text of one element, with where each character came from. */
function textOf(element: Element): { text: string; nodes: Array<{ node: Text; start: number }> } {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[role="tooltip"], button')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  })
  const nodes: Array<{ node: Text; start: number }> = []
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node: node as Text, start: text.length })
    text += (node as Text).data
  }
  return { text, nodes }
}

function pointAt(nodes: Array<{ node: Text; start: number }>, offset: number, end: boolean) {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const { node, start } = nodes[i]!
    if (offset > start || (!end && offset === start) || (offset === start && i === 0)) {
      return { node, offset: Math.min(offset - start, node.data.length) }
    }
  }
  return null
}

/** Case-insensitive occurrences of `needle` in each `.text` element under `root`, in order. */
export function findTextRanges(root: Element, needle: string): Range[] {
  const wanted = needle.trim().toLowerCase()
  if (!wanted) return []
  const ranges: Range[] = []
  for (const element of root.querySelectorAll('.text')) {
    const { text, nodes } = textOf(element)
    const lower = text.toLowerCase()
    for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
      const start = pointAt(nodes, at, false)
      const end = pointAt(nodes, at + wanted.length, true)
      if (!start || !end) continue
      const range = document.createRange()
      range.setStart(start.node, start.offset)
      range.setEnd(end.node, end.offset)
      ranges.push(range)
    }
  }
  return ranges
}

export function paintHighlight(name: string, ranges: Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges))
  else CSS.highlights.delete(name)
}
