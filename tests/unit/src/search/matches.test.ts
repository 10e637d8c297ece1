import { describe, expect, it } from 'vitest'
import { popcount } from '../../../../src/search/bits.ts'
import {
  Accumulator,
  BlockSet,
  blocksMeeting,
  DocBitmap,
  Joiner,
  MatchesPool,
  topK,
  type Matches,
  type Postings,
  type Weighted,
} from '../../../../src/search/matches.ts'

const SIZE = 64
const pool = new MatchesPool(SIZE)

function matches(entries: Array<[doc: number, score: number, sources: number]>): Matches {
  const set = pool.take()
  entries.forEach(([doc, score, sources], i) => {
    set.docs[i] = doc
    set.scores[i] = score
    set.sources[i] = sources
  })
  set.length = entries.length
  return set
}

function postings(
  entries: Array<[doc: number, impact: number]>,
  { bitmap = false } = {},
): Postings {
  const docs = Int32Array.from(entries, ([doc]) => doc)
  return {
    docs,
    impacts: Float32Array.from(entries, ([, impact]) => impact),
    bitmap: bitmap ? DocBitmap.of(docs, SIZE) : null,
  }
}

const entriesOf = (set: Matches) =>
  Array.from({ length: set.length }, (_, i) => [set.docs[i], set.scores[i], set.sources[i]])

describe('Accumulator', () => {
  it.each([
    ['a few blocks (sorted)', [9, 2, 30]],
    ['many blocks (read in order)', Array.from({ length: 40 }, (_, i) => 63 - i)],
  ])('sums scores and joins terms per block, ascending, for %s', (_, docs) => {
    const sums = new Accumulator(SIZE)
    for (let round = 0; round < 2; round++) {
      sums.begin()
      for (const doc of docs) sums.add(doc, 1, 0b01)
      for (const doc of docs.slice(0, 2)) sums.add(doc, 0.5, 0b10)
      const out = pool.take()
      sums.collect(out)
      // A new round starts from nothing, whatever the last one left.
      const twice = new Set(docs.slice(0, 2))
      expect(entriesOf(out)).toEqual(
        [...docs]
          .sort((a, b) => a - b)
          .map((doc) => (twice.has(doc) ? [doc, 1.5, 0b11] : [doc, 1, 0b01])),
      )
      pool.give(out)
    }
  })
})

describe('DocBitmap', () => {
  it('finds the position of every block of a list, and no other block', () => {
    // Across 32-bit word edges, in an index whose size is not a multiple of 32.
    const size = 100
    for (const docs of [[], [0], [31, 32, 33], [0, 1, 2, 30, 31, 63, 64, 65, 98, 99]]) {
      const bitmap = DocBitmap.of(Int32Array.from(docs), size)
      for (let doc = 0; doc < size; doc++) expect(bitmap.positionOf(doc)).toBe(docs.indexOf(doc))
    }
  })
})

describe('BlockSet', () => {
  it('hands its blocks back once each, ascending, and starts the next round empty', () => {
    const set = new BlockSet(100)
    for (const doc of [99, 0, 31, 32, 5, 31, 64]) set.add(doc)
    const out = pool.take()
    set.drain(out)
    expect(entriesOf(out)).toEqual([0, 5, 31, 32, 64, 99].map((doc) => [doc, 0, 0]))
    set.add(7)
    set.drain(out)
    expect(entriesOf(out)).toEqual([[7, 0, 0]])
    pool.give(out)
  })
})

describe('blocksMeeting', () => {
  let seed = 11
  const next = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff
  /** A random list of a random share of the index; with a bitmap when it is long, as in the index. */
  const randomList = (): Weighted => {
    const share = next() * 0.8
    const docs = Array.from({ length: SIZE }, (_, doc) => doc).filter(() => next() < share)
    return {
      weight: 1,
      postings: postings(
        docs.map((doc) => [doc, 1]),
        { bitmap: docs.length > 8 },
      ),
    }
  }
  const sizes = (n: number) => 1 + Math.floor(next() * n)
  const sets = [0, 1, 2, 3].map(() => new BlockSet(SIZE))

  it('finds exactly the blocks that meet every clause, for queries of any shape', () => {
    for (let round = 0; round < 200; round++) {
      const query = Array.from({ length: sizes(3) }, () =>
        Array.from({ length: sizes(3) }, () =>
          Array.from({ length: sizes(3) }, () => Array.from({ length: sizes(3) }, randomList)),
        ),
      )
      const has = (lists: Weighted[], doc: number) =>
        lists.some(({ postings: p }) => p.docs.includes(doc))
      const expected = Array.from({ length: SIZE }, (_, doc) => doc).filter((doc) =>
        query.every((clause) => clause.some((terms) => terms.every((lists) => has(lists, doc)))),
      )
      const out = pool.take()
      blocksMeeting(query, sets, out)
      expect(entriesOf(out)).toEqual(expected.map((doc) => [doc, 0, 0]))
      pool.give(out)
    }
  })
})

describe('Joiner', () => {
  const joiner = new Joiner(SIZE)
  const base = matches([
    [3, 10, 0b001],
    [8, 20, 0b001],
    [20, 30, 0b001],
  ])
  // Longer than eight times the base: searched block by block; the short one is walked alongside.
  const longEntries = Array.from({ length: 30 }, (_, i): [number, number] => [i * 2, i])
  const long = postings(longEntries)
  const short = postings([
    [3, 100],
    [5, 200],
    [20, 300],
  ])

  it.each([
    ['searched', long],
    ['looked up in its bitmap', postings(longEntries, { bitmap: true })],
  ])(
    'keeps the blocks of the base that any list contains, adding weighted scores (long list %s)',
    (_, longList) => {
      const out = pool.take()
      joiner.restrict(
        base,
        [
          { postings: longList, weight: 2 },
          { postings: short, weight: 1 },
        ],
        0b100,
        true,
        out,
      )
      expect(entriesOf(out)).toEqual([
        [3, 10 + 100, 0b101],
        [8, 20 + 4 * 2, 0b101],
        [20, 30 + 10 * 2 + 300, 0b101],
      ])
      joiner.restrict(base, [{ postings: short, weight: 1 }], 0b100, false, out)
      expect(entriesOf(out)).toEqual([
        [3, 100, 0b100],
        [20, 300, 0b100],
      ])
      pool.give(out)
    },
  )

  it('joins sets found within the base, adding their scores and terms to the base’s', () => {
    const out = pool.take()
    joiner.join(
      base,
      [
        matches([
          [3, 1, 0b010],
          [20, 2, 0b010],
        ]),
        matches([[20, 4, 0b100]]),
      ],
      out,
    )
    expect(entriesOf(out)).toEqual([
      [3, 11, 0b011],
      [20, 36, 0b111],
    ])
    pool.give(out)
  })
})

describe('topK', () => {
  it('ranks by score times the number of terms matched, ties to the earlier block', () => {
    const set = matches([
      [1, 2, 0b1],
      [2, 1, 0b11],
      [3, 3, 0b1],
      [4, 2, 0b1],
      [5, 0.5, 0b111],
    ])
    expect(topK(set, 3)).toEqual([
      { doc: 3, score: 3 },
      { doc: 1, score: 2 },
      { doc: 2, score: 2 },
    ])
    expect(topK(set, 10).map((r) => r.doc)).toEqual([3, 1, 2, 4, 5])
    expect(topK(set, 0)).toEqual([])
  })

  it('keeps what sorting every block would keep, with many ties, for any limit', () => {
    let seed = 7
    const next = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff
    const entries = Array.from(
      { length: SIZE },
      (_, i) => [i * 3, 1 + Math.floor(next() * 4), 1 + Math.floor(next() * 3)] as const,
    )
    const set = matches(entries.map(([doc, score, sources]) => [doc, score, sources]))
    const sorted = entries
      .map(([doc, score, sources]) => ({ doc, score: score * popcount(sources) }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
    for (const limit of [1, 2, 7, 20, 21, SIZE - 1, SIZE, SIZE + 1]) {
      expect(topK(set, limit)).toEqual(sorted.slice(0, limit))
    }
  })
})
