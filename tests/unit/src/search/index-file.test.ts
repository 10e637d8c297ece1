import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileBundle } from '../../../../scripts/corpus/build.ts'
import { readSource } from '../../../../scripts/corpus/source.ts'
import type { Document, GlossaryTerm } from '../../../../electron/shared/model.ts'
import { SearchEngine } from '../../../../src/search/engine.ts'
import {
  DamagedIndexError,
  decodeIndex,
  indexHash,
  type IndexParts,
} from '../../../../src/search/index-file.ts'
import { INDEX_HASH } from '../../../../src/search/options.ts'

/** Queries of every tier: exact, prefix, typo, glossary, gap, Traditional, pinyin, partial. */
const QUERIES = [
  'Jiangmen',
  'Talent Island',
  'Dia',
  'diaolou ',
  'revitalizaton',
  'Magang gose',
  'Talent Island zebra',
  '碉楼 Talent Island',
  '碉楼',
  '深水港',
  '人才岛',
  '開平碉樓',
  '僑都',
  'qiaodu',
  'xiangcun zhenxing',
  'kaiping diaolou',
  'Joint Development',
]

let engine: SearchEngine
/** The index built to ship (`SearchEngine.buildToShip`), serialized. */
let text: string
let realDocument: Document
let glossary: GlossaryTerm[]
beforeAll(async () => {
  const bundle = compileBundle(
    await readSource(join(resolve(import.meta.dirname, '../../../..'), 'content')),
  )
  glossary = bundle.glossary
  engine = SearchEngine.build(bundle.documents, glossary)
  text = SearchEngine.buildToShip(bundle.documents, glossary).serialize()
  realDocument = bundle.documents[0]!
})

/** The text with the character at `at` replaced by another base64 character. */
const altered = (source: string, at: number) =>
  source.slice(0, at) + (source[at] === 'A' ? 'B' : 'A') + source.slice(at + 1)

describe('the serialized index', () => {
  it('is ASCII: a line of JSON, then base64', () => {
    const [header, body, rest] = text.split('\n')
    expect(rest).toBeUndefined()
    expect(JSON.parse(header!)).toMatchObject({ hash: INDEX_HASH })
    expect(body).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(indexHash(text)).toBe(INDEX_HASH)
  })

  it.each(QUERIES)('loads to the same results as the index built in memory: %s', (query) => {
    const loaded = SearchEngine.load(text, glossary)!
    const built = engine.search(query, 60)
    expect(built.length).toBeGreaterThan(0)
    expect(loaded.search(query, 60)).toEqual(built)
    expect(loaded.page(query, 5, { lang: 'zh' })).toEqual(engine.page(query, 5, { lang: 'zh' }))
  })

  it('is the same built to ship as built through MiniSearch’s index, list for list', () => {
    const lists = (parts: IndexParts) => {
      const byTerm = new Map<string, unknown>()
      let start = 0
      parts.terms.forEach((term, i) => {
        const end = start + parts.counts[i]!
        byTerm.set(term, {
          docs: [...parts.docs.subarray(start, end)],
          impacts: [...parts.impacts.subarray(start, end)],
          fields: [...parts.fields.subarray(start, end)],
          rest: parts.rests[i],
        })
        start = end
      })
      return byTerm
    }
    const shipped = decodeIndex(text)
    const throughMiniSearch = decodeIndex(engine.serialize())
    expect(shipped.terms.length).toBeGreaterThan(1000)
    expect(lists(shipped)).toEqual(lists(throughMiniSearch))
    const { blocks, averageFieldLength, readings } = throughMiniSearch
    expect(shipped).toMatchObject({ blocks, averageFieldLength, readings })
  })

  it('refuses documents added to an index built to ship', () => {
    const shipping = SearchEngine.buildToShip([realDocument])
    expect(() => shipping.add([realDocument])).toThrow(/not changed/)
  })

  it('holds every block with its stored fields, in order', () => {
    const parts = decodeIndex(text)
    expect(parts.blocks.length).toBe(engine.blockCount)
    expect(parts.blocks[0]).toEqual({
      docId: expect.any(String),
      blockId: expect.any(String),
      type: expect.any(String),
      en: expect.any(String),
      zh: expect.any(String),
    })
    expect(parts.docs.length).toBe(parts.impacts.length)
  })

  it('refuses an index built with other options: null, to be rebuilt', () => {
    expect(SearchEngine.load(text.replace(INDEX_HASH, 'search-v0'))).toBeNull()
  })

  it.each([
    ['cut short', (t: string) => t.slice(0, -8)],
    ['cut in its header', (t: string) => t.slice(0, 20)],
    ['longer than its header says', (t: string) => `${t}AAAA`],
    ['altered in its postings', (t: string) => altered(t, t.indexOf('\n') + 40_000)],
    ['altered in its strings', (t: string) => altered(t, t.length - 4_000)],
    ['empty', () => ''],
    ['not an index', () => 'hello\nworld'],
  ])('is a clear error, not wrong results, when %s', (_label, damage) => {
    const damaged = damage(text)
    expect(() => SearchEngine.load(damaged, glossary)).toThrow(DamagedIndexError)
    expect(() => SearchEngine.load(damaged, glossary)).toThrow(/search index is damaged/)
  })

  it('tells a file cut short from its first line alone, for main to rebuild it', () => {
    expect(indexHash(text.slice(0, -1))).toBeNull()
    expect(indexHash(JSON.stringify({ hash: 'search-v0', index: {} }))).toBe('search-v0')
    expect(indexHash('{"hash":')).toBeNull()
  })
})
