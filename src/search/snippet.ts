import type { ContentLang } from '../../electron/shared/model.ts'
import { HAN, wordCharAt, wordCharBefore } from './normalize.ts'

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

/** Whether `text` from `from` on is letters and digits only: the rest of a word, to its end. */
export function isWordTail(text: string, from: number): boolean {
  for (let at = from, n = 0; at < text.length; at += n) {
    n = wordCharAt(text, at)
    if (!n) return false
  }
  return true
}

/**
 * Whether a term has a Chinese character, so it matches anywhere, not only at a word start: a scan
 * for a code unit at or above U+2E80 (where the Han script begins) turns away Latin terms without
 * the regular expression.
 */
function hasHan(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) >= 0x2e80) return HAN.test(term)
  return false
}

/**
 * Where matched terms occur in a text, merged where they overlap or touch. Words match at a word
 * start and extend to the word's end (so a prefix or a fuzzy match highlights the whole word);
 * Chinese terms match anywhere. Plain string search, no regular expressions: a search highlights a
 * page of blocks on every keystroke. `lower` is the text in lower case, for a caller that keeps it.
 */
export function matchRanges(
  text: string,
  terms: readonly string[],
  lower = text.toLowerCase(),
): Range[] {
  let ranges: Range[] = []
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!
    // A hit's terms are a handful, often repeated: looking back costs less than a set.
    if (!term || terms.indexOf(term) < i) continue
    const found = occurrences(lower, term)
    if (found.length) ranges = mergeSorted(ranges, found)
  }
  return ranges
}

/** The most characters a Chinese word's own may have between them when it matches with a gap. */
const MAX_GAP = 2

/**
 * Where a Chinese word's characters occur in order with at most `MAX_GAP` others between each two
 * (深水港 in 深水大港), ascending and apart: each occurrence from its first character to its last.
 */
export function gappedRanges(text: string, word: string): Range[] {
  const chars = [...word]
  const found: Range[] = []
  /** Where the rest of the word ends after its `i`-th character ended at `end`, or -1. */
  const rest = (i: number, end: number): number => {
    if (i === chars.length) return end
    for (let at = end, skipped = 0; at < text.length && skipped <= MAX_GAP; skipped++) {
      const next = text.indexOf(chars[i]!, at)
      if (next < 0 || next - end > MAX_GAP) return -1
      const last = rest(i + 1, next + chars[i]!.length)
      if (last >= 0) return last
      at = next + 1
    }
    return -1
  }
  for (let at = text.indexOf(chars[0]!); at >= 0;) {
    const end = rest(1, at + chars[0]!.length)
    if (end >= 0) found.push([at, end])
    at = text.indexOf(chars[0]!, end >= 0 ? end : at + 1)
  }
  return found
}

/** Where one term occurs in a lower-case text, ascending and apart (see `matchRanges`). */
function occurrences(lower: string, term: string): Range[] {
  const found: Range[] = []
  const anywhere = hasHan(term)
  for (let at = lower.indexOf(term); at >= 0;) {
    if (!anywhere && wordCharBefore(lower, at)) {
      at = lower.indexOf(term, at + 1)
      continue
    }
    let end = at + term.length
    if (!anywhere) for (let n = wordCharAt(lower, end); n > 0; n = wordCharAt(lower, end)) end += n
    found.push([at, end])
    at = lower.indexOf(term, end)
  }
  return found
}

/**
 * Two ascending lists of ranges as one, ranges that overlap or touch merged: a term's matches come
 * in order, so a merge walks them once where sorting them all would compare each several times.
 */
function mergeSorted(a: Range[], b: Range[]): Range[] {
  const merged: Range[] = []
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const next = j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!
    const last = merged.at(-1)
    if (last && next[0] <= last[1]) last[1] = Math.max(last[1], next[1])
    else merged.push(next)
  }
  return merged
}

/**
 * The match that starts the window showing the most different matched words. The ranges are merged,
 * so they are ordered by end as well as by start, and each window's ranges are a contiguous run.
 */
function bestStart(lower: string, ranges: Range[], width: number): Range | undefined {
  // When the first window holds every match, no later window shows more.
  if (!ranges.length || ranges.at(-1)![1] <= ranges[0]![0] + width) return ranges[0]
  const words = ranges.map(([s, e]) => lower.slice(s, e))
  // Nor when every match is the same word.
  if (words.every((word) => word === words[0])) return ranges[0]
  const inWindow = new Map<string, number>()
  let best: Range | undefined
  let bestScore = -1
  let next = 0
  for (let i = 0; i < ranges.length; i++) {
    const limit = ranges[i]![0] + width
    next = Math.max(next, i)
    for (; next < ranges.length && ranges[next]![1] <= limit; next++) {
      inWindow.set(words[next]!, (inWindow.get(words[next]!) ?? 0) + 1)
    }
    if (inWindow.size > bestScore) {
      best = ranges[i]
      bestScore = inWindow.size
    }
    if (next > i) {
      const left = inWindow.get(words[i]!)! - 1
      if (left) inWindow.set(words[i]!, left)
      else inWindow.delete(words[i]!)
    }
  }
  return best
}

/**
 * A window of the text around its best cluster of matches, with the matches inside it. `lower` is
 * the text in lower case, for a caller that keeps it.
 */
export function makeSnippet(
  text: string,
  ranges: Range[],
  lang: ContentLang,
  lower?: string,
): Snippet {
  // About as much to read either way: a Chinese character carries more than a Latin letter.
  const radius = lang === 'zh' ? 40 : 90
  if (text.length <= radius * 2) return { text, ranges, cutStart: false, cutEnd: false }
  // With no match in this language, the block's opening stands for it.
  const first = bestStart(lower ?? text.toLowerCase(), ranges, radius * 1.5) ?? ([0, 0] as Range)
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
