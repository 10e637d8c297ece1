import { describe, expect, it } from 'vitest'
import type { GlossaryTerm } from '../../../../electron/shared/model.ts'
import { GlossaryMatcher } from '../../../../src/search/glossary.ts'
import { clauseWords, parseQuery, typoEdits, type Query } from '../../../../src/search/query.ts'

const glossary = new GlossaryMatcher([
  { id: 'talent-island', en: 'Talent Island', zh: '人才岛' } as GlossaryTerm,
])

/** A query as its terms: clauses of alternatives of terms, the typed prefix marked with `*`. */
const terms = (query: Query | null) =>
  query?.map((clause) =>
    clause.map((leaves) => leaves.map((leaf) => `${leaf.term}${leaf.prefix ? '*' : ''}`)),
  )

describe('parseQuery', () => {
  it('requires every word, the last one as the prefix being typed', () => {
    expect(terms(parseQuery('Jiangmen bri', null, { typos: false }))).toEqual([
      [['jiangmen']],
      [['bri*']],
    ])
    expect(terms(parseQuery('Jiangmen bri ', null, { typos: false }))).toEqual([
      [['jiangmen']],
      [['bri']],
    ])
  })

  it('lets a glossary term stand for the words it covers, in either language', () => {
    expect(terms(parseQuery('Talent Island 人才岛 ', glossary, { typos: false }))).toEqual([
      [['talent', 'island'], ['g:talent-island']],
      [['人才', '才岛'], ['g:talent-island']],
    ])
  })

  it('merges only the words inside the term, not the same word elsewhere in the query', () => {
    expect(terms(parseQuery('talent island for talent ', glossary, { typos: false }))).toEqual([
      [['talent', 'island'], ['g:talent-island']],
      [['talent']],
    ])
  })

  it('finds a glossary term written with full-width punctuation in a query, which is normalized', () => {
    const zones = new GlossaryMatcher([
      {
        id: 'eu-zone',
        en: 'China-EU (Jiangmen) SME Cooperation Zone',
        zh: '中欧（江门）中小企业国际合作区',
      } as GlossaryTerm,
    ])
    const query = terms(parseQuery('中欧（江门）中小企业国际合作区 ', zones, { typos: false }))
    expect(query).toHaveLength(1)
    expect(query![0]!.at(-1)).toEqual(['g:eu-zone'])
  })

  it('allows typos as Elasticsearch’s AUTO: none up to 2 characters, 1 up to 5, 2 beyond', () => {
    expect(
      ['of', 'bay', 'gose', 'goose', 'magang', 'revitalizaton', '2025'].map(typoEdits),
    ).toEqual([false, 1, 1, 1, 2, 2, false])
    const fuzzy = (text: string, typos: boolean) =>
      parseQuery(text, null, { typos })!.map((clause) => clause[0]![0]!.fuzzy)
    expect(fuzzy('Magang gose ', true)).toEqual([2, 1])
    expect(fuzzy('Magang gose ', false)).toEqual([false, false])
  })

  it('reads a run of pinyin words as the bigrams of its syllables, spaced or not', () => {
    const syllables = new Set(['xiang', 'cun', 'zhen', 'xing', 'xi', 'ang', 'qiao', 'du'])
    const pinyin = (text: string) =>
      parseQuery(text, null, { typos: false, syllables })!.map((clause) =>
        clause.map((leaves) => leaves.map((leaf) => `${leaf.term}${leaf.loose ? '~' : ''}`)),
      )
    expect(pinyin('xiangcun zhenxing ')).toEqual([
      [
        ['xiangcun', 'zhenxing'],
        ['xiang cun~', 'cun zhen~', 'zhen xing~'],
      ],
    ])
    expect(pinyin('xiangcunzhenxing ')).toEqual([
      [['xiangcunzhenxing'], ['xiang cun~', 'cun zhen~', 'zhen xing~']],
    ])
    expect(pinyin('qiao du ')).toEqual([[['qiao', 'du'], ['qiao du~']]])
    // One syllable is too little to go on; a word that is not pinyin breaks the run.
    expect(pinyin('du ')).toEqual([[['du']]])
    expect(pinyin('qiaodu bridge ')).toEqual([[['qiaodu'], ['qiao du~']], [['bridge']]])
  })

  it('lets a Chinese word of three characters or more match its characters with a gap', () => {
    const gapped = (text: string) =>
      parseQuery(text, null, { typos: false, gaps: true })!.map((clause) =>
        clause.map((leaves) => leaves.map((leaf) => `${leaf.term}${leaf.loose ? '~' : ''}`)),
      )
    expect(gapped('深水港')).toEqual([
      [
        ['深水', '水港'],
        ['深~', '水~', '港~'],
      ],
    ])
    expect(gapped('碉楼')).toEqual([[['碉楼']]])
  })

  it('names each clause by the words typed, a glossary term by the words it covers', () => {
    const query = parseQuery('Talent Island 深水港 zebra ', glossary, { typos: false })!
    expect(query.map(clauseWords)).toEqual(['talent island', '深水港', 'zebra'])
  })

  it('reads nothing into a query with no words', () => {
    expect(parseQuery('  ', glossary)).toBeNull()
    expect(parseQuery('!!! 💥', glossary)).toBeNull()
  })
})
