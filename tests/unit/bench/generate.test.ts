import { describe, expect, it } from 'vitest'
import {
  alignedSentences,
  generateCorpus,
  loadRealCorpus,
  MAX_BLOCKS,
  MIN_BLOCKS,
} from '../../../bench/generate.ts'
import { LinearScan } from '../../../bench/linear-scan.ts'
import { QUERIES, QUERY_CATEGORIES } from '../../../bench/queries.ts'
import { Document } from '../../../electron/shared/model.ts'
import { HAN } from '../../../src/search/normalize.ts'

const real = loadRealCorpus()
const SEED = 7
const corpus = generateCorpus(40, SEED, real)

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives the same corpus, another seed another', () => {
    expect(generateCorpus(40, SEED, real)).toEqual(corpus)
    expect(generateCorpus(40, SEED + 1, real)).not.toEqual(corpus)
    // Documents come from one random stream, so a smaller corpus is the start of a bigger one.
    expect(generateCorpus(10, SEED, real)).toEqual(corpus.slice(0, 10))
  })

  it('makes documents that pass the Document schema, with unique kebab-case ids', () => {
    expect(corpus).toHaveLength(40)
    for (const doc of corpus) expect(Document.safeParse(doc).success).toBe(true)
    expect(corpus[0]!.id).toBe('synthetic-00001')
    expect(corpus[39]!.id).toBe('synthetic-00040')
    expect(new Set(corpus.map((d) => d.id)).size).toBe(corpus.length)
  })

  it('numbers blocks b001… uniquely, 8 to 16 per document, mixing the block types', () => {
    const types = new Set<string>()
    for (const doc of corpus) {
      expect(doc.blocks.length).toBeGreaterThanOrEqual(MIN_BLOCKS)
      expect(doc.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS)
      const ids = doc.blocks.map((b) => b.id)
      expect(new Set(ids).size).toBe(ids.length)
      ids.forEach((id, i) => expect(id).toBe(`b${String(i + 1).padStart(3, '0')}`))
      for (const block of doc.blocks) types.add(block.type)
    }
    for (const type of ['heading', 'paragraph', 'list-item', 'caption'])
      expect(types).toContain(type)
  })

  it('writes Chinese in every zh and English in every en', () => {
    for (const block of corpus.flatMap((d) => d.blocks)) {
      expect(block.zh).toMatch(HAN)
      expect(block.en).toMatch(/[A-Za-z]/)
    }
  })

  it('inserts glossary terms in both languages of the same block', () => {
    const blocks = corpus.flatMap((d) => d.blocks)
    const paired = real.glossary.filter((term) =>
      blocks.some((b) => b.en.includes(term.en) && b.zh.includes(term.zh)),
    )
    expect(paired.length).toBeGreaterThanOrEqual(20)
  })

  it('aligns English and Chinese sentences only when their counts agree', () => {
    expect(alignedSentences({ en: 'One. Two.', zh: '一。二。' })).toEqual([
      { en: 'One.', zh: '一。' },
      { en: 'Two.', zh: '二。' },
    ])
    expect(alignedSentences({ en: 'One. Two.', zh: '一二。' })).toBeNull()
    // A decimal point does not end a sentence; a closing quote stays with its sentence.
    expect(
      alignedSentences({
        en: 'It rose 320.1 billion. It is “good.” Yes.',
        zh: '增长3201亿。“好。”是。',
      }),
    ).toEqual([
      { en: 'It rose 320.1 billion.', zh: '增长3201亿。' },
      { en: 'It is “good.”', zh: '“好。”' },
      { en: 'Yes.', zh: '是。' },
    ])
  })
})

describe('LinearScan', () => {
  const scan = new LinearScan(corpus)
  const blocks = corpus.flatMap((d) => d.blocks.map((b) => ({ ...b, id: `${d.id}#${b.id}` })))

  it('finds the blocks a glossary term was inserted into, in either language', () => {
    const term = real.glossary.find((t) =>
      blocks.some((b) => b.en.includes(t.en) && b.zh.includes(t.zh) && t.en.length > 6),
    )
    expect(term).toBeDefined()
    const inserted = blocks.filter((b) => b.en.includes(term!.en) && b.zh.includes(term!.zh))
    const byZh = scan.search(term!.zh)
    const byBoth = scan.search(`${term!.zh} ${term!.en}`)
    for (const block of inserted) {
      expect(byZh).toContain(block.id)
      expect(byBoth).toContain(block.id)
    }
  })

  it('returns exactly the blocks containing every part of the query', () => {
    const expected = blocks
      .filter((b) => `${b.en}\n${b.zh}`.includes('江门') && /jiangmen/i.test(`${b.en}\n${b.zh}`))
      .map((b) => b.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(scan.search('江门 Jiangmen')).toEqual(expected)
    expect(scan.search('ＪＩＡＮＧＭＥＮ  江门 ')).toEqual(expected)
    expect(scan.search('   ')).toEqual([])
    expect(scan.size).toBe(blocks.length)
  })
})

describe('the query mix', () => {
  it('has at least 8 queries in every category', () => {
    for (const category of QUERY_CATEGORIES) {
      expect(QUERIES.filter((q) => q.category === category).length).toBeGreaterThanOrEqual(8)
    }
  })
})
