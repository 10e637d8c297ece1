import { popcount } from './bits.ts'

// Two rows reused across calls: a typo lookup measures hundreds of terms per keystroke.
let rows = [new Uint8Array(64), new Uint8Array(64)]

/** Levenshtein distance between two strings, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (rows[0]!.length <= b.length)
    rows = [new Uint8Array(b.length + 1), new Uint8Array(b.length + 1)]
  let [previous, current] = rows as [Uint8Array, Uint8Array]
  // Distances are capped at max + 1, which is all an answer needs, so they fit a byte.
  const cap = Math.min(max + 1, 255)
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, cap)
  for (let i = 1; i <= a.length; i++) {
    current[0] = Math.min(i, cap)
    let rowMin = current[0]
    const char = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const distance = Math.min(
        previous[j - 1]! + (char === b.charCodeAt(j - 1) ? 0 : 1),
        previous[j]! + 1,
        current[j - 1]! + 1,
        cap,
      )
      current[j] = distance
      if (distance < rowMin) rowMin = distance
    }
    if (rowMin > max) return max + 1
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}

/** The characters a string contains, hashed into the 32 bits of a number. */
function charMask(text: string): number {
  let mask = 0
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31)
  return mask
}

/**
 * A list of terms to look typos up in. Terms are grouped by length, and each carries the set of its
 * characters: every character one string has and the other lacks takes an edit, so comparing two
 * sets rules out most terms before their edit distance is measured.
 */
export class TypoLookup {
  private readonly byLength: Array<{ terms: string[]; masks: Uint32Array }> = []

  constructor(terms: Iterable<string>) {
    const grouped: string[][] = []
    for (const term of terms) (grouped[term.length] ??= []).push(term)
    grouped.forEach((group, length) => {
      this.byLength[length] = { terms: group, masks: Uint32Array.from(group, charMask) }
    })
  }

  /** The terms at most `max` edits away from `term` (other than `term` itself), with their distance. */
  near(term: string, max: number): Array<{ term: string; distance: number }> {
    const found: Array<{ term: string; distance: number }> = []
    const mask = charMask(term)
    const longest = Math.min(term.length + max, this.byLength.length - 1)
    for (let length = Math.max(1, term.length - max); length <= longest; length++) {
      const group = this.byLength[length]
      if (!group) continue
      const { terms, masks } = group
      for (let i = 0; i < terms.length; i++) {
        if (popcount(mask & ~masks[i]!) > max || popcount(masks[i]! & ~mask) > max) continue
        const candidate = terms[i]!
        if (candidate === term) continue
        const distance = editDistance(term, candidate, max)
        if (distance <= max) found.push({ term: candidate, distance })
      }
    }
    return found
  }
}
