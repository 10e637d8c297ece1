import { toSource, toView, type ScriptView } from '../chinese/script.ts'

/**
 * Finds text across the rendered reading column and paints it with the CSS Custom Highlight API,
 * which marks ranges without touching the DOM (no wrapper elements, no HTML).
 *
 * Offsets given and returned here are in the authored text of an element: where Chinese is shown in
 * another script, the element is registered with `showsText`, and offsets are mapped to and from what
 * is shown. Readings over the text (`<rt>`) are not part of it.
 */

const shown = new WeakMap<Element, { source: string; view: ScriptView }>()

/** Records that `element` shows `source` as `view` (another script), or as written (`null`). */
export function showsText(element: Element, source: string, view: ScriptView | null): void {
  if (view?.resized.length || (view && view.text !== source)) shown.set(element, { source, view })
  else shown.delete(element)
}

const viewOffset = (element: Element, offset: number, edge: 'start' | 'end') => {
  const entry = shown.get(element)
  return entry ? toView(entry.view, offset, edge) : offset
}
const sourceOffset = (element: Element, offset: number, edge: 'start' | 'end') => {
  const entry = shown.get(element)
  return entry ? toSource(entry.view, offset, edge) : offset
}

/** The visible text of one element, with where each character came from. */
function textOf(element: Element): { text: string; nodes: Array<{ node: Text; start: number }> } {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[role="tooltip"], button, rt, rp')
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

function occurrences(text: string, wanted: string): number[] {
  const lower = text.toLowerCase()
  const found: number[] = []
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length))
    found.push(at)
  return found
}

/**
 * Case-insensitive occurrences of `needle` in each `.text` element under `root`, in order: in the
 * text as shown, and in the authored text where it is shown in another script (a Simplified word
 * is found in Traditional text, and the reverse).
 */
export function findTextRanges(root: Element, needle: string): Range[] {
  const wanted = needle.trim().toLowerCase()
  if (!wanted) return []
  const ranges: Range[] = []
  for (const element of root.querySelectorAll('.text')) {
    const { nodes } = textOf(element)
    const source = shown.get(element)
    const starts = new Map<number, number>()
    for (const at of occurrences(source?.view.text ?? textOf(element).text, wanted))
      starts.set(at, at + wanted.length)
    for (const at of source ? occurrences(source.source, wanted) : [])
      starts.set(toView(source!.view, at, 'start'), toView(source!.view, at + wanted.length, 'end'))
    for (const [from, to] of [...starts].sort(([a], [b]) => a - b)) {
      const start = pointAt(nodes, from, false)
      const end = pointAt(nodes, to, true)
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

/** A DOM range over characters [start, end) of an element's authored text. */
export function rangeAt(element: Element, start: number, end: number): Range | null {
  const { text, nodes } = textOf(element)
  ;[start, end] = [viewOffset(element, start, 'start'), viewOffset(element, end, 'end')]
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

/** Where a DOM range falls in an element's authored text, if it lies inside it. */
export function offsetsIn(element: Element, range: Range): { start: number; end: number } | null {
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null
  const start = sourceOffset(
    element,
    offsetOf(element, range.startContainer, range.startOffset),
    'start',
  )
  const end = sourceOffset(element, offsetOf(element, range.endContainer, range.endOffset), 'end')
  return end > start ? { start, end } : null
}

/** The offset in an element's authored text of the character under a point of the window. */
export function offsetAtPoint(element: Element, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint?.(x, y)
  if (!caret || !element.contains(caret.offsetNode)) return null
  // On a reading (<rt>), the character it reads.
  const rt = caret.offsetNode.parentElement?.closest('rt')
  const node = rt?.parentElement?.firstChild ?? caret.offsetNode
  return sourceOffset(element, offsetOf(element, node, rt ? 0 : caret.offset), 'start')
}
