import { makeAnchor } from '../electron/shared/anchoring.ts'
import type { Annotation, TextAnchor } from '../electron/shared/annotations.ts'
import type { ContentLang, Document } from '../electron/shared/model.ts'
import { mulberry32 } from './random.ts'

export interface WorkloadShares {
  /** Quotes edited since they were made (a letter changed): found only by the fuzzy search. */
  fuzzy: number
  /** Quotes found nowhere; half of them the short, spaced letters that made the fuzzy search crawl. */
  orphans: number
}

/** The attack of issue 19: a short quote of common letters that matches nothing verbatim. */
export const HOSTILE_QUOTE = 'e t e a e s'

/**
 * `count` annotations over `documents`, deterministic for a seed: highlights of a sentence-sized span,
 * placed exactly but for the given shares of edited quotes and orphans.
 */
export function annotationWorkload(
  documents: readonly Document[],
  count: number,
  shares: WorkloadShares,
  seed = 20240601,
): Annotation[] {
  const next = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const stamp = '2026-01-01T00:00:00.000Z'
  const fuzzyCount = Math.round(count * shares.fuzzy)
  const orphanCount = Math.round(count * shares.orphans)
  return Array.from({ length: count }, (_, i) => {
    const document = pick(documents)
    const block = pick(document.blocks)
    const lang: ContentLang = next() < 0.5 ? 'en' : 'zh'
    const text = block[lang]
    const length = Math.min(text.length, 20 + Math.floor(next() * 60))
    const start = Math.floor(next() * (text.length - length + 1))
    let anchor: TextAnchor = makeAnchor(document.id, block, lang, start, start + length)
    if (i < fuzzyCount && anchor.quote.length >= 20) {
      const at = Math.floor(anchor.quote.length / 2)
      anchor = { ...anchor, quote: `${anchor.quote.slice(0, at)}~${anchor.quote.slice(at + 1)}` }
    } else if (i >= fuzzyCount && i < fuzzyCount + orphanCount) {
      const quote = i % 2 ? HOSTILE_QUOTE : `nowhere ${i.toString(36)} to be found`
      anchor = { ...anchor, quote, end: anchor.start + quote.length }
    }
    return {
      id: `bench-${String(i).padStart(7, '0')}`,
      kind: 'highlight' as const,
      anchor,
      color: 'yellow' as const,
      note: '',
      createdAt: stamp,
      updatedAt: stamp,
      deletedAt: null,
    }
  })
}
