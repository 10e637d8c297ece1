import { describe, expect, it } from 'vitest'
import type { GlossaryTerm } from '../../../../electron/shared/model.ts'
import { GlossaryMatcher } from '../../../../src/search/glossary.ts'
import { parseQuery, type Query } from '../../../../src/search/query.ts'

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

  it('reads nothing into a query with no words', () => {
    expect(parseQuery('  ', glossary)).toBeNull()
    expect(parseQuery('!!! 💥', glossary)).toBeNull()
  })
})
