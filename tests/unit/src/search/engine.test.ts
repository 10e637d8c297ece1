import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileBundle } from '../../../../scripts/corpus/build.ts'
import { readSource } from '../../../../scripts/corpus/source.ts'
import type { Document } from '../../../../electron/shared/model.ts'
import { Dictionary } from '../../../../src/chinese/dictionary.ts'
import { dictionaryData } from '../../../../src/chinese/dictionary-data.ts'
import { searchAcross, SearchEngine, type SearchHit } from '../../../../src/search/engine.ts'

/** Relevance on the real corpus, as shipped. */
let engine: SearchEngine
let realDocument: Document
beforeAll(async () => {
  const bundle = compileBundle(
    await readSource(join(resolve(import.meta.dirname, '../../../..'), 'content')),
  )
  engine = SearchEngine.build(bundle.documents, bundle.glossary)
  realDocument = bundle.documents[0]!
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

  it('answers a mixed-script query with blocks that have both, before those that lack one', () => {
    const hits = engine.search('碉楼 Talent Island', 5)
    const full = hits.filter((hit) => !hit.missing.length)
    expect(full.length).toBeGreaterThan(0)
    expect(hits.slice(0, full.length)).toEqual(full)
    for (const hit of full) {
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
    const loaded = SearchEngine.load(engine.serialize())
    expect(loaded!.search('碉楼', 5).map((h) => h.blockId)).toEqual(
      engine.search('碉楼', 5).map((h) => h.blockId),
    )
  })

  it('searches a loaded index as built, and refuses to change it', () => {
    const loaded = SearchEngine.load(engine.serialize())!
    expect(() => loaded.add([realDocument])).toThrow(/not changed/)
    expect(() => loaded.serialize()).toThrow(/not changed/)
  })

  it('refuses an index built with other options', () => {
    expect(SearchEngine.load(JSON.stringify({ hash: 'search-v0', index: {} }))).toBeNull()
  })

  it('forgives one typo in a word of 3 to 5 letters: "Magang gose" finds the Magang goose', () => {
    const [first] = engine.search('Magang gose', 5)
    expect(first?.en).toMatch(/Magang goose/i)
    expect(first?.missing).toEqual([])
    expect(first?.marks).toEqual(expect.arrayContaining(['Magang', 'goose']))
  })

  it.each(['開平碉樓', '鄉村振興', '僑都'])(
    'finds the Simplified text for the Traditional %s',
    (query) => {
      const simplified =
        query === '開平碉樓' ? '开平碉楼' : query === '鄉村振興' ? '乡村振兴' : '侨都'
      const hits = engine.search(query, 5)
      expect(hits.length).toBeGreaterThan(0)
      for (const hit of hits) expect(hit.zh).toContain(simplified)
      expect(hits[0]!.marks).toContain(simplified)
    },
  )

  it.each([
    ['qiaodu', '侨都'],
    ['qiao du', '侨都'],
    ['xiangcun zhenxing', '乡村振兴'],
    ['xiangcunzhenxing', '乡村振兴'],
    ['kaiping diaolou', '开平'],
  ])('finds the Chinese for the toneless pinyin "%s"', (query, chinese) => {
    const hits = engine.search(query, 5)
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(`${hit.en} ${hit.zh}`).toMatch(new RegExp(`${chinese}|Kaiping`))
    expect(hits.some((hit) => hit.zh.includes(chinese))).toBe(true)
  })

  it('finds a Chinese word whose characters stand with a gap: 深水港 in 深水大港', () => {
    const [first] = engine.search('深水港', 5)
    expect(first?.zh).toContain('深水大港')
    expect(first?.snippets.zh.ranges.map(([s, e]) => first.snippets.zh.text.slice(s, e))).toEqual([
      '深水大港',
    ])
  })

  it('returns the blocks that match most words when none match all, naming the missing one', () => {
    const hits = engine.search('Talent Island zebra', 10)
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(hit.missing).toEqual(['zebra'])
      expect(`${hit.en}${hit.zh}`).toMatch(/Talent Island|人才岛/)
    }
  })
})

describe('search tiers: exact matches first, then looser readings, then partial matches', () => {
  const doc = (id: string, en: string, zh: string, title = realDocument.title): Document => ({
    ...realDocument,
    id,
    title,
    blocks: [{ id: 'b001', type: 'paragraph', en, zh }],
  })
  const ids = (hits: SearchHit[]) => hits.map((hit) => hit.docId)
  // Long texts around the exact words, short ones around the looser matches: by score alone, the
  // looser ones would come first.
  const padding =
    'The city council met on Monday to discuss several plans for the year ahead. '.repeat(12)
  const small = () =>
    SearchEngine.build([
      doc(
        'exact',
        `${padding} A goose walked past the Diaolou towers.`,
        `${'会议'.repeat(40)}深水港`,
      ),
      doc('typo', 'Gooses, gooses, gooses!', '鹅', { en: 'Gooses', zh: '鹅' }),
      doc('pinyin', 'Old towers.', '碉楼碉楼。'),
      doc('gapped', 'A harbour.', '深水大港'),
      doc('partial', 'Diaolou, Diaolou.', '楼'),
    ])

  it('ranks an exact match above a typo match that scores higher', () => {
    const hits = small().search('goose ', 10)
    expect(ids(hits).slice(0, 2)).toEqual(['exact', 'typo'])
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score)
  })

  it('ranks an exact match above a match through pinyin', () => {
    const hits = small().search('diaolou ', 10)
    expect(ids(hits)).toEqual(['partial', 'exact', 'pinyin'])
  })

  it('ranks a contiguous Chinese word above the same characters with a gap', () => {
    const hits = small().search('深水港', 10)
    expect(ids(hits)).toEqual(['exact', 'gapped'])
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score)
  })

  it('ranks full matches above partial ones, which name the words they lack', () => {
    const hits = small().search('goose Diaolou ', 10)
    expect(ids(hits)[0]).toBe('exact')
    expect(hits[0]!.missing).toEqual([])
    const partial = hits.find((hit) => hit.docId === 'partial')!
    expect(partial.missing).toEqual(['goose'])
  })

  it('keeps to the documents and the language asked for', () => {
    const engine = small()
    expect(ids(engine.search('diaolou ', 10, { docIds: ['pinyin', 'exact'] }))).toEqual([
      'exact',
      'pinyin',
    ])
    expect(ids(engine.search('diaolou ', 10, { lang: 'zh' }))).toEqual(['pinyin'])
    expect(ids(engine.search('diaolou ', 10, { lang: 'en' }))).toEqual(['partial', 'exact'])
    // A block whose English matched the words typed still counts when its Chinese matches their pinyin.
    const both = SearchEngine.build([doc('both', 'Diaolou towers.', '碉楼。')])
    expect(ids(both.search('diaolou ', 10, { lang: 'zh' }))).toEqual(['both'])
  })
})

describe('the dictionary across languages, where the glossary has no entry', () => {
  const doc = (id: string, en: string, zh: string): Document => ({
    ...realDocument,
    id,
    blocks: [{ id: 'b001', type: 'paragraph', en, zh }],
  })
  const ids = (hits: SearchHit[]) => hits.map((hit) => hit.docId)
  let dictionary: Dictionary
  // Parsing CC-CEDICT and indexing its English take seconds on a busy machine.
  beforeAll(() => {
    dictionary = Dictionary.parse(dictionaryData())
    dictionary.english('goose')
  }, 60_000)
  const engine = () => {
    const built = SearchEngine.build([
      doc('english', 'The goose swims in the river.', '它在河里游泳。'),
      doc('chinese', 'It swims in the river.', '鹅在河里游泳。'),
    ])
    built.useDictionary(dictionary)
    return built
  }

  it('finds the Chinese for an English word, after the blocks with the word itself', () => {
    expect(ids(engine().search('goose ', 10))).toEqual(['english', 'chinese'])
  })

  it('finds the English for a Chinese word, after the blocks with the word itself', () => {
    const hits = engine().search('鹅 ', 10)
    expect(ids(hits)).toEqual(['chinese', 'english'])
    expect(hits[1]!.marks).toEqual(['goose'])
  })

  it('crosses no language without the dictionary', () => {
    const plain = SearchEngine.build([doc('chinese', 'It swims in the river.', '鹅在河里游泳。')])
    expect(plain.search('goose ', 10)).toEqual([])
  })
})

describe("the person's own documents: added to and removed from an index of their own", () => {
  const doc = (id: string, en: string, zh: string): Document => ({
    ...realDocument,
    id,
    origin: 'user',
    blocks: [{ id: 'p1', type: 'paragraph', en, zh }],
  })
  const ids = (hits: SearchHit[]) => hits.map((hit) => `${hit.docId}#${hit.blockId}`)
  const harbour = () =>
    doc('mine-harbour', 'Junks moored at the wharf of Chikan.', '帆船停泊在赤坎码头。')

  it('finds an added document at once, and no longer once it is removed', () => {
    const own = SearchEngine.build([])
    expect(own.search('wharf', 10)).toEqual([])
    own.add([harbour()])
    expect(ids(own.search('wharf', 10))).toEqual(['mine-harbour#p1'])
    expect(ids(own.search('码头', 10))).toEqual(['mine-harbour#p1'])
    expect(ids(own.search('matou ', 10))).toEqual(['mine-harbour#p1'])
    own.remove(['mine-harbour'])
    expect(own.search('wharf', 10)).toEqual([])
    expect(own.search('码头', 10)).toEqual([])
    expect(own.blockCount).toBe(0)
  })

  it('replaces a document added again, and keeps the others', () => {
    const own = SearchEngine.build([])
    own.add([harbour(), doc('mine-rice', 'Rice from Taishan.', '台山大米。')])
    const changed = harbour()
    own.add([{ ...changed, blocks: [{ ...changed.blocks[0]!, en: 'Boats at the quay.' }] }])
    expect(own.search('wharf', 10)).toEqual([])
    expect(ids(own.search('quay', 10))).toEqual(['mine-harbour#p1'])
    expect(ids(own.search('Taishan', 10))).toEqual(['mine-rice#p1'])
    expect(own.blockCount).toBe(2)
  })

  it('searches with the bundled corpus, each tier from both before the next', () => {
    const own = SearchEngine.build([])
    own.add([doc('mine-goose', 'A goose.', '一只鹅。')])
    // The bundled corpus has "Magang goose" many times over; "gose" finds it only as a typo.
    const found = searchAcross([engine, own], 'goose ', 100)
    expect(ids(found)).toContain('mine-goose#p1')
    const typo = searchAcross([engine, own], 'gose ', 100)
    expect(ids(typo)).toContain('mine-goose#p1')
    // An exact match in an own document comes before a typo match in the bundled corpus.
    const exactOwn = SearchEngine.build([])
    exactOwn.add([doc('mine-gose', 'Gose is a sour beer.', '一种酸啤酒。')])
    const mixed = searchAcross([engine, exactOwn], 'gose ', 10)
    expect(ids(mixed)[0]).toBe('mine-gose#p1')
    expect(mixed.length).toBeGreaterThan(1)
    expect(mixed.slice(1).every((hit) => hit.docId !== 'mine-gose')).toBe(true)
  })

  it('gives the same results as the engine alone when the own index is empty', () => {
    const own = SearchEngine.build([])
    for (const query of ['Talent Island', '碉楼', 'Magang gose', 'qiaodu', 'Talent Island zebra']) {
      expect(ids(searchAcross([engine, own], query, 60))).toEqual(ids(engine.search(query, 60)))
    }
  })
})
