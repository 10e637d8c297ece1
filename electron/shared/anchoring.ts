import { CONTEXT_LENGTH, MAX_QUOTE, type Placement, type TextAnchor } from './annotations.ts'
import type { Block, ContentLang, Document } from './model.ts'

/** The anchor for `text.slice(start, end)` of a block, with context for re-anchoring later. */
export function makeAnchor(
  docId: string,
  block: Block,
  lang: ContentLang,
  start: number,
  end: number,
): TextAnchor {
  const text = block[lang]
  const clampedEnd = Math.min(end, start + MAX_QUOTE, text.length)
  return {
    docId,
    blockId: block.id,
    lang,
    start,
    end: clampedEnd,
    quote: text.slice(start, clampedEnd),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(clampedEnd, clampedEnd + CONTEXT_LENGTH),
  }
}

/** A whole block, for bookmarks and block notes: its opening stands for it if the block moves. */
export function blockAnchor(docId: string, block: Block, lang: ContentLang): TextAnchor {
  return makeAnchor(docId, block, lang, 0, Math.min(block[lang].length, 500))
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at)
  return found
}

/** How well the text around `at` agrees with the anchor's recorded prefix and suffix. */
function contextScore(text: string, at: number, anchor: TextAnchor): number {
  let score = 0
  const before = text.slice(Math.max(0, at - anchor.prefix.length), at)
  for (let i = 1; i <= Math.min(before.length, anchor.prefix.length); i++) {
    if (before.at(-i) !== anchor.prefix.at(-i)) break
    score++
  }
  const after = text.slice(at + anchor.quote.length)
  for (let i = 0; i < Math.min(after.length, anchor.suffix.length); i++) {
    if (after[i] !== anchor.suffix[i]) break
    score++
  }
  return score
}

function bestOccurrence(text: string, anchor: TextAnchor): { at: number; score: number } | null {
  let best: { at: number; score: number } | null = null
  for (const at of occurrences(text, anchor.quote)) {
    // Context first; then nearness to where it was, for repeated phrases.
    const score = contextScore(text, at, anchor) * 10_000 - Math.abs(at - anchor.start) / 1_000
    if (!best || score > best.score) best = { at, score }
  }
  return best
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const chars = [...text.toLowerCase().replace(/\s+/g, ' ')]
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

function bigramCount(counts: Map<string, number>): number {
  let total = 0
  for (const n of counts.values()) total += n
  return total
}

/** Dice over bigrams, with the quote's side counted once per anchor rather than once per window. */
function diceWith(x: Map<string, number>, xTotal: number, a: string, b: string): number {
  const y = bigrams(b)
  let common = 0
  for (const [gram, n] of x) common += Math.min(n, y.get(gram) ?? 0)
  const total = xTotal + bigramCount(y)
  return total ? (2 * common) / total : a === b ? 1 : 0
}

/** Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a)
  return diceWith(x, bigramCount(x), a, b)
}

const FUZZY_THRESHOLD = 0.75
/** Where the pieces of a quote agree most, in one block: more would only score the same windows. */
const MAX_FUZZY_STARTS = 16

type Found = { start: number; end: number; score: number }

/**
 * The best approximate occurrence of the quote in one text: pieces of it that survived verbatim vote
 * for where it starts, and the windows of similar length around the most voted starts are scored.
 * Yields after each start, so a caller can spread the work over many turns of the event loop.
 */
function* fuzzyFind(
  text: string,
  quote: string,
  quoteGrams: Map<string, number>,
  quoteTotal: number,
): Generator<void, Found | null> {
  const L = quote.length
  const pieceLength = Math.max(2, Math.floor(L / 4))
  const votes = new Map<number, number>()
  for (let offset = 0; offset + pieceLength <= L; offset += pieceLength) {
    for (const at of occurrences(text, quote.slice(offset, offset + pieceLength)).slice(0, 50)) {
      const start = Math.max(0, at - offset)
      votes.set(start, (votes.get(start) ?? 0) + 1)
    }
  }
  const starts = [...votes]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_FUZZY_STARTS)
    .map(([start]) => start)
  let best: Found | null = null
  const step = Math.max(1, Math.floor(L / 20))
  for (const start of starts) {
    for (let s = Math.max(0, start - step * 2); s <= start + step * 2; s += step) {
      for (const length of [L, Math.round(L * 0.85), Math.round(L * 1.15)]) {
        const end = Math.min(text.length, s + length)
        const score = diceWith(quoteGrams, quoteTotal, quote, text.slice(s, end))
        if (!best || score > best.score) best = { start: s, end, score }
      }
    }
    yield
  }
  return best && best.score >= FUZZY_THRESHOLD ? best : null
}

export const ORPHANED: Placement = { status: 'orphaned', blockId: null, start: 0, end: 0 }

/** The cheap case, most annotations: the recorded offsets in the recorded block still hold the quote. */
export function placeExactly(anchor: TextAnchor, block: Block | undefined): Placement | null {
  // startsWith compares in place: no copy of the span for each of (many) thousands of anchors.
  const holds =
    block !== undefined &&
    anchor.end - anchor.start === anchor.quote.length &&
    block[anchor.lang].startsWith(anchor.quote, anchor.start)
  if (!holds) return null
  return { status: 'exact', blockId: block.id, start: anchor.start, end: anchor.end }
}

/**
 * Finds an annotation in the current content: offsets still right → the quote in its block → the
 * quote in another block (moved or split) → an approximate quote anywhere in the document.
 * What cannot be placed is reported orphaned; the annotation itself is never changed or dropped.
 * Yields after each block or fuzzy candidate, so that no single step holds the thread for long.
 */
export function* placeStepwise(
  anchor: TextAnchor,
  document: Document | undefined,
): Generator<void, Placement> {
  if (!document) return ORPHANED
  const { quote, lang } = anchor
  const home = document.blocks.find((b) => b.id === anchor.blockId)
  const exact = placeExactly(anchor, home)
  if (exact) return exact
  if (home) {
    const found = bestOccurrence(home[lang], anchor)
    if (found)
      return { status: 'quote', blockId: home.id, start: found.at, end: found.at + quote.length }
  }
  let moved: { block: Block; at: number; score: number } | null = null
  for (const block of document.blocks) {
    if (block === home) continue
    const found = bestOccurrence(block[lang], anchor)
    if (found && (!moved || found.score > moved.score)) moved = { block, ...found }
    yield
  }
  if (moved)
    return {
      status: 'moved',
      blockId: moved.block.id,
      start: moved.at,
      end: moved.at + quote.length,
    }

  const grams = bigrams(quote)
  const total = bigramCount(grams)
  let fuzzy: ({ block: Block } & Found) | null = null
  const candidates = home ? [home, ...document.blocks.filter((b) => b !== home)] : document.blocks
  for (const block of candidates) {
    const found = yield* fuzzyFind(block[lang], quote, grams, total)
    if (found && (!fuzzy || found.score > fuzzy.score + 0.02)) fuzzy = { block, ...found }
  }
  if (fuzzy) return { status: 'fuzzy', blockId: fuzzy.block.id, start: fuzzy.start, end: fuzzy.end }
  return ORPHANED
}

/** `placeStepwise` run to the end at once. */
export function placeAnchor(anchor: TextAnchor, document: Document | undefined): Placement {
  const steps = placeStepwise(anchor, document)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
