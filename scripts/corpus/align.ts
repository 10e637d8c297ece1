import { alignSentences, type TermFinder } from '../../electron/shared/align/align.ts'
import type { Document, SentencePair } from '../../electron/shared/model.ts'

/** One block's sentence alignment, as `corpus align --json` prints it. */
export interface BlockAlignment {
  docId: string
  blockId: string
  pairs: SentencePair[]
}

export interface AlignerScore {
  /** Authored pairs the aligner proposed exactly, over all documents. */
  exact: number
  pairs: number
  /** exact / pairs, 0–1 (1 when there is nothing to compare). */
  share: number
  documents: Array<{ docId: string; exact: number; pairs: number; share: number }>
}

/** The authored pairs of every block, in document and block order. */
export function authoredAlignments(documents: readonly Document[]): BlockAlignment[] {
  return documents.flatMap((document) =>
    document.blocks.map((block) => ({
      docId: document.id,
      blockId: block.id,
      pairs: (block.pairs ?? []).map(({ en, zh }) => ({ en, zh })),
    })),
  )
}

/** What the automatic aligner proposes for every block, with its confidence per pair. */
export function proposedAlignments(
  documents: readonly Document[],
  glossary: TermFinder,
): Array<BlockAlignment & { pairs: Array<SentencePair & { confidence: number }> }> {
  return documents.flatMap((document) =>
    document.blocks.map((block) => ({
      docId: document.id,
      blockId: block.id,
      pairs: alignSentences(block.en, block.zh, { glossary }),
    })),
  )
}

/**
 * The share of authored pairs the aligner proposes exactly (same sentences on both sides), per
 * document: how far an imported document's proposed alignment can be trusted.
 */
export function measureAligner(documents: readonly Document[], glossary: TermFinder): AlignerScore {
  const perDocument = documents.map((document) => {
    let exact = 0
    let pairs = 0
    for (const block of document.blocks) {
      if (!block.pairs) continue
      const proposed = new Set(
        alignSentences(block.en, block.zh, { glossary }).map((pair) => pairKey(pair)),
      )
      pairs += block.pairs.length
      exact += block.pairs.filter((pair) => proposed.has(pairKey(pair))).length
    }
    return { docId: document.id, exact, pairs, share: share(exact, pairs) }
  })
  const exact = perDocument.reduce((total, d) => total + d.exact, 0)
  const pairs = perDocument.reduce((total, d) => total + d.pairs, 0)
  return { exact, pairs, share: share(exact, pairs), documents: perDocument }
}

function pairKey({ en, zh }: SentencePair): string {
  return `${en.replace(/\s+/g, ' ')}\u0000${zh.replace(/\s+/g, '')}`
}

function share(exact: number, pairs: number): number {
  return pairs ? Math.round((exact / pairs) * 1000) / 1000 : 1
}
