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

/** The fuzzy search's view of a text: lower-cased, every run of white space one space (`\s+`). */
function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ')
}

/** What `\s` matches, tested on one code point. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * The quote's side of a Dice coefficient over character bigrams, counted once per anchor, so that
 * the many windows of text it is compared with are scored without building anything per window:
 * the fuzzy search scores hundreds of thousands of them, and their garbage paused the event loop.
 */
class QuoteGrams {
  private readonly quote: string
  /** Bigrams in the quote, repeats included. */
  private readonly total: number
  /** The quote's code points, numbered; a bigram with any other code point is not the quote's. */
  private readonly letters = new Map<number, number>()
  /** The quote's bigrams, numbered, by `first letter × letters + second letter`. */
  private readonly grams = new Map<number, number>()
  private readonly counts: Int32Array
  /** How many of each bigram the window being scored has matched so far. */
  private readonly used: Int32Array

  constructor(quote: string) {
    this.quote = quote
    const codes = Array.from(normalize(quote), (char) => char.codePointAt(0)!)
    for (const code of codes) if (!this.letters.has(code)) this.letters.set(code, this.letters.size)
    const counts: number[] = []
    for (let i = 0; i + 1 < codes.length; i++) {
      const key =
        this.letters.get(codes[i]!)! * this.letters.size + this.letters.get(codes[i + 1]!)!
      let gram = this.grams.get(key)
      if (gram === undefined) this.grams.set(key, (gram = counts.push(0) - 1))
      counts[gram]!++
    }
    this.total = Math.max(0, codes.length - 1)
    this.counts = Int32Array.from(counts)
    this.used = new Int32Array(counts.length)
  }

  /**
   * Dice between the quote and `text.slice(start, end)`. `lowered` is `text` lower-cased when that
   * is the same as lower-casing any slice of it, so the window is read in place; null when not.
   */
  score(text: string, lowered: string | null, start: number, end: number): number {
    const source = lowered ?? normalize(text.slice(start, end))
    let from = lowered === null ? 0 : start
    const to = lowered === null ? source.length : end
    const { letters, grams, counts, used } = this
    let common = 0
    let count = 0
    let previous = -1
    let inSpace = false
    while (from < to) {
      let code = source.charCodeAt(from++)
      if (code >= 0xd800 && code <= 0xdbff && from < to) {
        const low = source.charCodeAt(from)
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
          from++
        }
      }
      if (isSpace(code)) {
        if (inSpace) continue
        inSpace = true
        code = 0x20
      } else inSpace = false
      count++
      const letter = letters.get(code) ?? -1
      if (previous >= 0 && letter >= 0) {
        const gram = grams.get(previous * letters.size + letter)
        if (gram !== undefined && used[gram]! < counts[gram]!) {
          used[gram]!++
          common++
        }
      }
      previous = letter
    }
    used.fill(0)
    const total = this.total + Math.max(0, count - 1)
    return total ? (2 * common) / total : this.quote === text.slice(start, end) ? 1 : 0
  }
}

/** Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  return new QuoteGrams(a).score(b, null, 0, b.length)
}

/** Texts whose lower case cannot be read window by window: a final sigma, a surrogate pair. */
const CASED_IN_CONTEXT = /[\u03a3\ud800-\udfff]/
const loweredTexts = {
  en: new WeakMap<Block, string | null>(),
  zh: new WeakMap<Block, string | null>(),
}

/** A block's text lower-cased once, when every window of it lower-cases to the same span of it. */
function lowered(block: Block, lang: ContentLang): string | null {
  const known = loweredTexts[lang].get(block)
  if (known !== undefined) return known
  const text = block[lang]
  const lower = text.toLowerCase()
  const inPlace = lower.length === text.length && !CASED_IN_CONTEXT.test(text) ? lower : null
  loweredTexts[lang].set(block, inPlace)
  return inPlace
}

const FUZZY_THRESHOLD = 0.75
/** Where the pieces of a quote agree most, in one block: more would only score the same windows. */
const MAX_FUZZY_STARTS = 16

type Found = { start: number; end: number; score: number }

/** Votes per start in the block being searched; zero again before the search yields. */
let votes = new Int32Array(4096)
const voted: number[] = []

/**
 * Where pieces of the quote that survived verbatim say it starts, most voted first (then the
 * earliest), counted in place: a map and a sorted copy of it per block and anchor were much of the garbage.
 */
function mostVoted(text: string, quote: string): number[] {
  if (votes.length < text.length) votes = new Int32Array(text.length)
  const pieceLength = Math.max(2, Math.floor(quote.length / 4))
  for (let offset = 0; offset + pieceLength <= quote.length; offset += pieceLength) {
    const piece = quote.slice(offset, offset + pieceLength)
    for (let at = text.indexOf(piece), n = 0; at >= 0 && n < 50; at = text.indexOf(piece, at + 1)) {
      n++
      const start = Math.max(0, at - offset)
      if (votes[start]!++ === 0) voted.push(start)
    }
  }
  const ahead = (a: number, b: number) => votes[a]! > votes[b]! || (votes[a] === votes[b] && a < b)
  const top: number[] = []
  for (const start of voted) {
    let at = top.length
    while (at > 0 && ahead(start, top[at - 1]!)) at--
    if (at < MAX_FUZZY_STARTS) top.splice(at, 0, start)
    if (top.length > MAX_FUZZY_STARTS) top.pop()
  }
  for (const start of voted) votes[start] = 0
  voted.length = 0
  return top
}

/**
 * The best approximate occurrence of the quote in one text: pieces of it that survived verbatim vote
 * for where it starts, and the windows of similar length around the most voted starts are scored.
 * Yields after each start, so a caller can spread the work over many turns of the event loop.
 */
function* fuzzyFind(
  block: Block,
  lang: ContentLang,
  quote: string,
  grams: QuoteGrams,
): Generator<void, Found | null> {
  const text = block[lang]
  const lower = lowered(block, lang)
  const L = quote.length
  const starts = mostVoted(text, quote)
  let best: Found | null = null
  const step = Math.max(1, Math.floor(L / 20))
  const lengths = [L, Math.round(L * 0.85), Math.round(L * 1.15)]
  for (const start of starts) {
    for (let s = Math.max(0, start - step * 2); s <= start + step * 2; s += step) {
      for (const length of lengths) {
        const end = Math.min(text.length, s + length)
        const score = grams.score(text, lower, s, end)
        if (!best || score > best.score) best = { start: s, end, score }
      }
    }
    yield
  }
  return best && best.score >= FUZZY_THRESHOLD ? best : null
}

export const ORPHANED: Placement = { status: 'orphaned', blockId: null, start: 0, end: 0 }

/** The cheap case, most annotations: the recorded offsets in the recorded block still hold the quote. */
export function holdsExactly(anchor: TextAnchor, block: Block | undefined): block is Block {
  // startsWith compares in place: no copy of the span for each of (many) thousands of anchors.
  return (
    block !== undefined &&
    anchor.end - anchor.start === anchor.quote.length &&
    block[anchor.lang].startsWith(anchor.quote, anchor.start)
  )
}

function placeExactly(anchor: TextAnchor, block: Block | undefined): Placement | null {
  if (!holdsExactly(anchor, block)) return null
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

  const grams = new QuoteGrams(quote)
  let fuzzy: ({ block: Block } & Found) | null = null
  const candidates = home ? [home, ...document.blocks.filter((b) => b !== home)] : document.blocks
  for (const block of candidates) {
    const found = yield* fuzzyFind(block, lang, quote, grams)
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
