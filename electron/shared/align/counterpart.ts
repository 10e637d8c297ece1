import type { Block, ContentLang } from '../model.ts'
import { locateParts, type TextRange } from './coverage.ts'

/** Where each aligned pair lies in a block's English and in its Chinese. */
export interface PairSpans {
  en: TextRange[]
  zh: TextRange[]
}

/** Each pair's character ranges in the block, or null when the block has no alignment that fits it. */
export function pairSpans(block: Pick<Block, 'en' | 'zh' | 'pairs'>): PairSpans | null {
  if (!block.pairs?.length) return null
  const en = locateParts(
    block.en,
    block.pairs.map((p) => p.en),
  )
  const zh = locateParts(
    block.zh,
    block.pairs.map((p) => p.zh),
  )
  return en && zh ? { en, zh } : null
}

/** The pair whose text holds the character at `offset` (whitespace after a pair belongs to it). */
export function pairAt(spans: readonly TextRange[], offset: number): number {
  for (let i = spans.length - 1; i > 0; i--) if (offset >= spans[i]!.start) return i
  return spans.length ? 0 : -1
}

/** The pairs a range of text touches, first to last; none when it lies in no pair. */
export function pairsTouching(spans: readonly TextRange[], range: TextRange): number[] {
  return spans.flatMap((span, i) => (span.start < range.end && range.start < span.end ? [i] : []))
}

/**
 * What a range of one language corresponds to in the other: the aligned pairs it touches and the
 * stretch of the other language they cover, or null when the block has no usable alignment.
 */
export function counterpartOf(
  block: Pick<Block, 'en' | 'zh' | 'pairs'>,
  lang: ContentLang,
  range: TextRange,
): { pairs: number[]; range: TextRange; text: string } | null {
  const spans = pairSpans(block)
  if (!spans) return null
  const pairs = pairsTouching(spans[lang], range)
  if (!pairs.length) return null
  const other = lang === 'en' ? spans.zh : spans.en
  const covered = { start: other[pairs[0]!]!.start, end: other[pairs.at(-1)!]!.end }
  const text = (lang === 'en' ? block.zh : block.en).slice(covered.start, covered.end)
  return { pairs, range: covered, text }
}
