import { escapeRegExp, HAN } from './normalize.ts'

/** A half-open range [start, end) of UTF-16 indexes into a text. */
export type Range = [number, number]

export interface Snippet {
  text: string
  /** Ranges to highlight, relative to `text`. */
  ranges: Range[]
  /** The snippet starts after, or ends before, the block's text. */
  cutStart: boolean
  cutEnd: boolean
}

/**
 * Where the matched terms occur in a text. Words match at a word start and extend to the word's
 * end (so a prefix or a fuzzy match highlights the whole word); Chinese terms match anywhere.
 */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  const lower = text.toLowerCase()
  const ranges: Range[] = []
  for (const term of new Set(terms)) {
    if (!term) continue
    const pattern = HAN.test(term)
      ? new RegExp(escapeRegExp(term), 'gu')
      : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}[\\p{L}\\p{N}]*`, 'gu')
    for (const match of lower.matchAll(pattern))
      ranges.push([match.index, match.index + match[0].length])
  }
  return mergeRanges(ranges)
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** The match that starts the window showing the most different matched words. */
function bestStart(text: string, ranges: Range[], width: number): Range | undefined {
  let best: { range: Range; score: number } | undefined
  for (const range of ranges) {
    const inside = ranges.filter(([s, e]) => s >= range[0] && e <= range[0] + width)
    const score = new Set(inside.map(([s, e]) => text.slice(s, e).toLowerCase())).size
    if (!best || score > best.score) best = { range, score }
  }
  return best?.range
}

/** A window of the text around its best cluster of matches, with the matches inside it. */
export function makeSnippet(
  text: string,
  ranges: Range[],
  radius = HAN.test(text) ? 40 : 90,
): Snippet {
  if (text.length <= radius * 2) return { text, ranges, cutStart: false, cutEnd: false }
  // With no match in this language, the block's opening stands for it.
  const first = bestStart(text, ranges, radius * 1.5) ?? ([0, 0] as Range)
  let start = Math.max(0, first[0] - Math.floor(radius / 2))
  let end = Math.min(text.length, start + radius * 2)
  start = Math.max(0, end - radius * 2)
  // Cut at a space where there is one nearby, not inside a word.
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (space >= 0 && space < first[0] && space - start < 15) start = space + 1
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > first[1] && end - space < 15) end = space
  }
  return {
    text: text.slice(start, end),
    ranges: ranges
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]) => [s - start, e - start] as Range),
    cutStart: start > 0,
    cutEnd: end < text.length,
  }
}
