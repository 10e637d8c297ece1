import type { Query as MiniSearchQuery, SearchOptions } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { generateCorpus, loadRealCorpus } from '../../../../bench/generate.ts'
import { QUERIES } from '../../../../bench/queries.ts'
import { indexedBlocks } from '../../../../src/search/engine.ts'
import { GlossaryMatcher } from '../../../../src/search/glossary.ts'
import { decodeIndex, encodeIndex } from '../../../../src/search/index-file.ts'
import {
  FIELD_BIT,
  INDEX_FIELDS,
  RANKING,
  type IndexedBlock,
} from '../../../../src/search/options.ts'
import { parseQuery, type Leaf, type Query } from '../../../../src/search/query.ts'
import { RankedIndex, type TermMatch } from '../../../../src/search/ranker.ts'

const { documents, glossary } = loadRealCorpus()
// The real corpus, and a synthetic one where some words are in most blocks.
const blocks = indexedBlocks([...documents, ...generateCorpus(60, 11)], glossary)
const index = RankedIndex.create(blocks)
const matcher = new GlossaryMatcher(glossary)

/** The same query as a MiniSearch query tree, for MiniSearch's own executor. */
const leafQuery = (leaf: Leaf): MiniSearchQuery => ({
  queries: [leaf.term],
  prefix: leaf.prefix,
  fuzzy: leaf.fuzzy,
})
const toMiniSearch = (query: Query): MiniSearchQuery => ({
  combineWith: 'AND',
  queries: query.map((alternatives) => ({
    combineWith: 'OR',
    queries: alternatives.map((leaves) => ({ combineWith: 'AND', queries: leaves.map(leafQuery) })),
  })),
})
const MINISEARCH_OPTIONS: SearchOptions = {
  boost: RANKING.fieldBoost,
  boostDocument: (_id, _term, stored) =>
    stored?.['type'] === 'heading' ? RANKING.headingBoost : 1,
  bm25: RANKING.bm25,
  weights: { prefix: RANKING.prefixWeight, fuzzy: RANKING.fuzzyWeight },
}

/** What a ranked block is, by its short id in an index. */
const storedOf = (ranked: RankedIndex) => {
  const stored = new Map(ranked.allStored())
  return (shortId: number) => stored.get(shortId) as Pick<IndexedBlock, 'docId' | 'blockId'>
}
const storedIn = storedOf(index)
const idOf = (shortId: number) => {
  const stored = storedIn(shortId)
  return `${stored.docId}#${stored.blockId}`
}

const TYPED = [
  ...QUERIES.map((q) => q.text),
  'Talent Island',
  'Jiangmen overseas Chinese',
  '江门 侨乡',
  '华侨华人',
  'high-quality development',
  'Diaolou and Villages',
  '碉楼与村落',
  'Magang goose',
  'the',
  'c',
  'Gu',
  '2025',
  // A short prefix after a common word: many completions, looked up among the blocks still in the running.
  'Jiangmen c',
  '江门 ove',
  'development inv',
]

/** A ranked block's matches as MiniSearch reports them: term → field names. */
const byName = (match: TermMatch[]): Array<[string, string[]]> =>
  match.map(({ term, fields }) => [term, INDEX_FIELDS.filter((field) => fields & FIELD_BIT[field])])

describe('RankedIndex', () => {
  it.each(
    TYPED.flatMap((text) => [
      { text, typos: false },
      { text, typos: true },
    ]),
  )(
    'ranks "$text" (typos: $typos) with the scores and matches of MiniSearch.search',
    ({ text, typos }) => {
      const query = parseQuery(text, matcher, { typos })!
      const ours = index.rank(query, Number.MAX_SAFE_INTEGER)
      const theirs = index.search(toMiniSearch(query), MINISEARCH_OPTIONS)

      expect(ours.length).toBe(theirs.length)
      const expected = new Map(theirs.map((r) => [String(r.id), r]))
      for (const { shortId, score, match } of ours) {
        const result = expected.get(idOf(shortId))!
        expect(result, idOf(shortId)).toBeDefined()
        // Each term's score per block is kept in single precision: seven significant digits.
        expect(Math.abs(score - result.score)).toBeLessThanOrEqual(result.score * 1e-6)
        const sorted = (m: Iterable<[string, string[]]>) =>
          Object.fromEntries([...m].map(([term, fields]) => [term, [...fields].sort()]))
        expect(sorted(byName(match))).toEqual(sorted(Object.entries(result.match)))
      }
      for (let i = 1; i < ours.length; i++) {
        expect(ours[i]!.score).toBeLessThanOrEqual(ours[i - 1]!.score)
      }
    },
  )

  it('reports the matches of the alternatives that matched, not of a word that matched alone', () => {
    const doc = (id: string, en: string, zh: string) => ({
      ...documents[0]!,
      id,
      blocks: [{ id: 'b001', type: 'paragraph' as const, en, zh }],
    })
    const small = RankedIndex.create(
      indexedBlocks(
        [
          doc('only-talent', 'A talent programme', '江门人才岛'),
          doc('both-words', 'Talent Island opens', '人才岛开放'),
        ],
        glossary,
      ),
    )
    const query = parseQuery('Talent Island ', matcher)!
    const ours = small.rank(query, 10)
    const theirs = small.search(toMiniSearch(query), MINISEARCH_OPTIONS)
    const matchOf = (docId: string) =>
      byName(ours.find((r) => storedOf(small)(r.shortId).docId === docId)!.match)
    expect(Object.fromEntries(matchOf('only-talent'))).toEqual(
      theirs.find((r) => r.id === 'only-talent#b001')!.match,
    )
    expect(matchOf('only-talent').map(([term]) => term)).toEqual(['g:talent-island'])
    expect(
      matchOf('both-words')
        .map(([term]) => term)
        .sort(),
    ).toEqual(['g:talent-island', 'island', 'talent'].sort())
  })

  it('completes no prefix to the glossary’s own terms: only a glossary match leads to them', () => {
    const termsOf = (text: string) =>
      index
        .rank(parseQuery(text, matcher)!, Number.MAX_SAFE_INTEGER)
        .flatMap((r) => r.match.map(({ term }) => term))
    // "g" would otherwise complete to every `g:<id>`.
    expect(termsOf('g').length).toBeGreaterThan(0)
    expect(termsOf('g').filter((term) => term.startsWith('g:'))).toEqual([])
    expect(termsOf('Jiangmen')).toContain('g:jiangmen')
  })

  it('finds some of the queries in many blocks, so ranking is put to work', () => {
    const jiangmen = index.rank(parseQuery('Jiangmen', matcher)!, Number.MAX_SAFE_INTEGER)
    expect(jiangmen.length).toBeGreaterThan(blocks.length / 4)
  })

  it('keeps the best `limit` blocks: the start of the full ranking, ties to the earlier block', () => {
    for (const text of ['江门', 'Jiangmen', 'development', 'revital']) {
      const query = parseQuery(text, matcher)!
      const all = index.rank(query, Number.MAX_SAFE_INTEGER)
      const ordered = [...all].sort((a, b) => b.score - a.score || a.shortId - b.shortId)
      expect(all.map((r) => r.shortId)).toEqual(ordered.map((r) => r.shortId))
      for (const limit of [0, 1, 7, 50]) {
        expect(index.rank(query, limit)).toEqual(all.slice(0, limit))
      }
    }
  })

  it.each([false, true])(
    'finds the same best few blocks from the top tiers of long lists (typos: %s)',
    (typos) => {
      // A tiny tier, so that most lists of this small corpus have one and most queries use it.
      const tiered = RankedIndex.create(blocks, 8)
      for (const text of TYPED) {
        const query = parseQuery(text, matcher, { typos })!
        const all = index.rank(query, Number.MAX_SAFE_INTEGER)
        for (const limit of [0, 1, 5, 8]) {
          expect(tiered.rank(query, limit), `${text} (${limit})`).toEqual(all.slice(0, limit))
        }
      }
    },
    // Building a second index takes seconds on a busy machine.
    20_000,
  )

  it('ranks the same after a serialize and load round trip', () => {
    const loaded = RankedIndex.fromParts(decodeIndex(encodeIndex(index.toParts('test'))))
    const query = parseQuery('Jiangmen 碉楼', matcher)!
    expect(loaded.rank(query, 20)).toEqual(index.rank(query, 20))
  })

  it('answers a term that is not in the index with nothing', () => {
    expect(index.rank(parseQuery('zzzyxq', matcher)!, 10)).toEqual([])
    expect(index.rank(parseQuery('Jiangmen zzzyxq', matcher)!, 10)).toEqual([])
  })

  it('ranks partial matches by how many clauses they meet, naming what each lacks', () => {
    const query = parseQuery('Talent Island Diaolou zebra ', matcher, { typos: false })!
    const partial = index.rankPartial(query, 200)
    expect(partial.length).toBeGreaterThan(0)
    const lacking = partial.map((r) => r.missing.length)
    expect(lacking).toEqual([...lacking].sort((a, b) => a - b))
    expect(partial[0]!.missing).toEqual(['zebra'])
    expect(lacking.at(-1)).toBe(2)
    for (const { missing } of partial) expect(missing).toContain('zebra')
    expect(index.rankPartial(parseQuery('zebra', matcher)!, 10)).toEqual([])
  })
})
