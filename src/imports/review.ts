import { locateParts } from '../../electron/shared/align/coverage.ts'
import { splitSentences } from '../../electron/shared/align/sentences.ts'
import type {
  AcceptedDocument,
  ImportProposal,
  ProposedBlock,
  ProposedPair,
} from '../../electron/shared/imports.ts'
import type { ContentLang } from '../../electron/shared/model.ts'

/**
 * The review step's edits of a proposed import, as pure functions: each answers the new blocks, or
 * null where the edit does not apply (nothing to merge with, one sentence to split). A pair the
 * person made gets confidence 1: they vouch for it. Texts are cut from the block, never rebuilt, so
 * the pairs always make up the block's texts exactly.
 */

/** Joins pair `k` of block `b` with the pair after it. */
export function mergePairs(
  blocks: readonly ProposedBlock[],
  b: number,
  k: number,
): ProposedBlock[] | null {
  const block = blocks[b]
  if (!block || k < 0 || k + 1 >= block.pairs.length) return null
  const joined = { en: span(block, 'en', k, k + 1), zh: span(block, 'zh', k, k + 1), confidence: 1 }
  return replace(blocks, b, { ...block, pairs: block.pairs.toSpliced(k, 2, joined) })
}

/** Cuts pair `k` of block `b` in two after the first sentence of each side. */
export function splitPair(
  blocks: readonly ProposedBlock[],
  b: number,
  k: number,
): ProposedBlock[] | null {
  const pair = blocks[b]?.pairs[k]
  if (!pair) return null
  const en = cutAfterFirst(pair.en, 'en')
  const zh = cutAfterFirst(pair.zh, 'zh')
  if (!en || !zh) return null
  const halves: ProposedPair[] = [
    { en: en[0], zh: zh[0], confidence: 1 },
    { en: en[1], zh: zh[1], confidence: 1 },
  ]
  return replace(blocks, b, { ...blocks[b]!, pairs: blocks[b]!.pairs.toSpliced(k, 1, ...halves) })
}

/**
 * Re-pairs the Chinese across the boundary after pair `k`: `down` moves its last Chinese sentence
 * into the next pair, `up` brings the next pair's first Chinese sentence into it.
 */
export function shiftChinese(
  blocks: readonly ProposedBlock[],
  b: number,
  k: number,
  direction: 'up' | 'down',
): ProposedBlock[] | null {
  const block = blocks[b]
  if (!block || k < 0 || k + 1 >= block.pairs.length) return null
  const [first, second] = [block.pairs[k]!, block.pairs[k + 1]!]
  const sentences = [...splitSentences(first.zh, 'zh'), ...splitSentences(second.zh, 'zh')]
  const firstCount = splitSentences(first.zh, 'zh').length + (direction === 'up' ? 1 : -1)
  if (firstCount < 1 || firstCount >= sentences.length) return null
  const zh = span(block, 'zh', k, k + 1)
  const ranges = locateParts(zh, sentences)
  if (!ranges) return null
  const cut = ranges[firstCount]!.start
  const pairs = block.pairs.toSpliced(
    k,
    2,
    { en: first.en, zh: zh.slice(0, cut).trim(), confidence: 1 },
    { en: second.en, zh: zh.slice(cut).trim(), confidence: 1 },
  )
  return replace(blocks, b, { ...block, pairs })
}

/** Joins block `b` with the next: two paragraphs the aligner should have kept together. */
export function mergeBlocks(blocks: readonly ProposedBlock[], b: number): ProposedBlock[] | null {
  const [first, second] = [blocks[b], blocks[b + 1]]
  if (!first || !second) return null
  const merged: ProposedBlock = {
    type: first.type === second.type ? first.type : 'paragraph',
    en: `${first.en} ${second.en}`,
    zh: `${first.zh}${second.zh}`,
    confidence: 1,
    pairs: [...first.pairs, ...second.pairs],
  }
  return blocks.toSpliced(b, 2, merged)
}

/** Cuts block `b` in two before its pair `k`. */
export function splitBlock(
  blocks: readonly ProposedBlock[],
  b: number,
  k: number,
): ProposedBlock[] | null {
  const block = blocks[b]
  if (!block || k < 1 || k >= block.pairs.length) return null
  const part = (from: number, to: number): ProposedBlock => ({
    type: block.type,
    en: span(block, 'en', from, to),
    zh: span(block, 'zh', from, to),
    confidence: 1,
    pairs: block.pairs.slice(from, to + 1),
  })
  return blocks.toSpliced(b, 1, part(0, k - 1), part(k, block.pairs.length - 1))
}

/** What is sent to be saved: the blocks as reviewed, without the aligner's figures. */
export function acceptedDocument(
  proposal: ImportProposal,
  blocks: readonly ProposedBlock[],
): AcceptedDocument {
  return {
    title: proposal.title,
    date: proposal.date,
    files: proposal.files,
    blocks: blocks.map(({ type, en, zh, pairs }) => ({
      type,
      en,
      zh,
      pairs: pairs.map((pair) => ({ en: pair.en, zh: pair.zh })),
    })),
  }
}

/** The text of pairs `from`…`to` of a block in one language, as the block writes it. */
function span(block: ProposedBlock, lang: ContentLang, from: number, to: number): string {
  // The pipeline's pairs, and every edit's, make up the block: they are always found.
  const ranges = locateParts(
    block[lang],
    block.pairs.map((pair) => pair[lang]),
  )!
  return block[lang].slice(ranges[from]!.start, ranges[to]!.end)
}

function cutAfterFirst(text: string, lang: ContentLang): [string, string] | null {
  const sentences = splitSentences(text, lang)
  const ranges = sentences.length > 1 ? locateParts(text, sentences) : null
  if (!ranges) return null
  return [text.slice(0, ranges[0]!.end), text.slice(ranges[1]!.start)]
}

function replace(
  blocks: readonly ProposedBlock[],
  b: number,
  block: ProposedBlock,
): ProposedBlock[] {
  return blocks.toSpliced(b, 1, block)
}
