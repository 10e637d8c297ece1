import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileBundle } from '../../../../scripts/corpus/build.ts'
import { readSource } from '../../../../scripts/corpus/source.ts'
import { SearchEngine } from '../../../../src/search/engine.ts'

/** Relevance on the real corpus, as shipped. */
let engine: SearchEngine
beforeAll(async () => {
  const bundle = compileBundle(
    await readSource(join(resolve(import.meta.dirname, '../../../..'), 'content')),
  )
  engine = SearchEngine.build(bundle.documents, bundle.glossary)
})

const top = (query: string, n = 3) => engine.search(query, n).map((h) => `${h.docId}#${h.blockId}`)

describe('search relevance on the real corpus', () => {
  it('finds an English phrase in the blocks that contain it', () => {
    const hits = engine.search('Talent Island', 10)
    expect(hits.length).toBeGreaterThanOrEqual(3)
    for (const hit of hits) expect(`${hit.en} ${hit.zh}`).toMatch(/Talent Island|人才岛/)
  })

  it('finds a Chinese sub-word inside a longer name', () => {
    const hits = engine.search('碉楼', 10)
    expect(hits.map((h) => `${h.docId}#${h.blockId}`)).toContain('concerted-development#b013')
    for (const hit of hits) expect(hit.zh).toContain('碉楼')
  })

  it('tolerates a typo in a longer word and British spelling', () => {
    expect(engine.search('revitalisation', 5).length).toBeGreaterThan(0)
    expect(engine.search('revitalizaton', 5)[0]?.en).toMatch(/revitalization/)
  })

  it('matches the word being typed as a prefix', () => {
    expect(engine.search('Dia', 5).some((h) => /Diaolou/.test(h.en))).toBe(true)
    expect(engine.search('Dia ', 5).some((h) => /Diaolou/.test(h.en))).toBe(false)
  })

  it('highlights whole each word that the prefix being typed completes, compounds included', () => {
    const shown = engine
      .search('innov', 20)
      .flatMap(({ snippets: { en } }) => en.ranges.map(([s, e]) => en.text.slice(s, e)))
    expect(new Set(shown.map((word) => word.toLowerCase()))).toEqual(
      new Set(['innovation', 'innovative', 'innovation-driven']),
    )
  })

  it('finds exact numbers', () => {
    expect(top('320.1', 1)).toEqual(['striving-for-first-place#b001'])
  })

  it('crosses languages through the glossary: an English term finds Chinese and the reverse', () => {
    const zhOnly = engine.search('Magang goose', 10)
    expect(zhOnly.some((h) => h.zh.includes('马冈鹅'))).toBe(true)
    expect(engine.search('马冈鹅', 10).some((h) => /Magang goose/i.test(h.en))).toBe(true)
  })

  it('highlights a glossary term where it stands in the other language', () => {
    const highlighted = (snippet: { text: string; ranges: Array<[number, number]> }) =>
      snippet.ranges.map(([start, end]) => snippet.text.slice(start, end))
    const fromZh = engine.search('马冈鹅', 10).find((h) => /Magang goose/i.test(h.en))!
    expect(highlighted(fromZh.snippets.en).map((t) => t.toLowerCase())).toContain('magang goose')
    expect(fromZh.lang).toBe('both')
    const fromEn = engine.search('Magang goose', 10).find((h) => h.zh.includes('马冈鹅'))!
    expect(highlighted(fromEn.snippets.zh)).toContain('马冈鹅')
  })

  it('answers a mixed-script query with blocks that have both', () => {
    const hits = engine.search('碉楼 Talent Island', 5)
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(hit.zh).toContain('碉楼')
      expect(`${hit.en}${hit.zh}`).toMatch(/Talent Island|人才岛/)
    }
  })

  it('ranks a heading that names the topic above passing mentions', () => {
    expect(engine.search('Joint Development', 1)[0]).toMatchObject({ type: 'heading' })
  })

  it('reports which language matched and highlights in both', () => {
    const [hit] = engine.search('人才岛', 1)
    expect(hit!.lang).toBe('both')
    expect(hit!.snippets.zh.ranges.length).toBeGreaterThan(0)
  })

  it('pages results: the best of them, and whether the query has more', () => {
    const all = engine.search('Jiangmen', 1000)
    expect(all.length).toBeGreaterThan(5)
    expect(engine.page('Jiangmen', 5)).toEqual({ hits: all.slice(0, 5), more: true })
    expect(engine.page('Jiangmen', all.length)).toEqual({ hits: all, more: false })
    expect(engine.page('', 5)).toEqual({ hits: [], more: false })
  })

  it.each([
    ['empty', ''],
    ['whitespace', '   \t\n'],
    ['10,000 characters', 'jiangmen '.repeat(1200)],
    ['emoji', '💥🚀👍'],
    ['regex specials', '.*+?^${}()|[]\\'],
    ['control characters', '\u0000\u0001\u001b[31m'],
  ])('answers a %s query promptly without throwing', (_label, query) => {
    expect(() => engine.search(query, 10)).not.toThrow()
    expect(Array.isArray(engine.search(query, 10))).toBe(true)
  })

  it('round-trips through its serialized form', () => {
    const loaded = SearchEngine.load(JSON.parse(JSON.stringify(engine.serialize())))
    expect(loaded!.search('碉楼', 5).map((h) => h.blockId)).toEqual(
      engine.search('碉楼', 5).map((h) => h.blockId),
    )
  })

  it('refuses an index built with other options', () => {
    expect(SearchEngine.load({ hash: 'search-v0', index: {} })).toBeNull()
  })
})
