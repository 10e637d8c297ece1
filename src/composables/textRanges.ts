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

/** Paints ranges under a highlight name; a lower `priority` paints beneath the others. */
export function paintHighlight(name: string, ranges: Range[], priority = 0): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  if (!ranges.length) {
    CSS.highlights.delete(name)
    return
  }
  const highlight = new Highlight(...ranges)
  highlight.priority = priority
  CSS.highlights.set(name, highlight)
}

/** A DOM range over characters [start, end) of an element's visible text. */
export function rangeAt(element: Element, start: number, end: number): Range | null {
  const { text, nodes } = textOf(element)
  if (end > text.length || start >= end) return null
  const from = pointAt(nodes, start, false)
  const to = pointAt(nodes, end, true)
  if (!from || !to) return null
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}

/** The offset in an element's visible text of a DOM boundary point inside it. */
function offsetOf(element: Element, container: Node, offset: number): number {
  const { nodes } = textOf(element)
  const entry = nodes.find((n) => n.node === container)
  if (entry) return entry.start + offset
  // A boundary between nodes: the length of the visible text that ends before it.
  const boundary = document.createRange()
  boundary.setStart(container, offset)
  return nodes
    .filter(({ node }) => boundary.comparePoint(node, node.data.length) <= 0)
    .reduce((sum, { node }) => sum + node.data.length, 0)
}

/** Where a DOM range falls in an element's visible text, if it lies inside it. */
export function offsetsIn(element: Element, range: Range): { start: number; end: number } | null {
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null
  const start = offsetOf(element, range.startContainer, range.startOffset)
  const end = offsetOf(element, range.endContainer, range.endOffset)
  return end > start ? { start, end } : null
}

/** The offset in an element's visible text of the character under a point of the window. */
export function offsetAtPoint(element: Element, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint?.(x, y)
  if (!caret || !element.contains(caret.offsetNode)) return null
  return offsetOf(element, caret.offsetNode, caret.offset)
}
