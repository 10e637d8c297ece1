import { describe, expect, it } from 'vitest'
import { normalize } from '../../../../src/search/normalize.ts'
import { tokenizeForIndex, tokenizeQuery } from '../../../../src/search/tokenize.ts'

describe('normalize', () => {
  it('folds full-width forms, case and Latin diacritics', () => {
    expect(normalize('ＪＩＡＮＧＭＥＮ　２０２０')).toBe('jiangmen 2020')
    expect(normalize('Café Ōsaka')).toBe('cafe osaka')
    expect(normalize('江门，开平')).toBe('江门,开平')
  })

  it('writes Traditional Chinese in Simplified, character for character', () => {
    expect(normalize('開平碉樓 鄉村振興 僑都')).toBe('开平碉楼 乡村振兴 侨都')
    expect(normalize('開平碉樓').length).toBe('開平碉樓'.length)
  })
})

describe('tokenizeForIndex', () => {
  it('indexes Chinese by characters and bigrams, so sub-words are found', () => {
    const terms = tokenizeForIndex('开平碉楼与村落')
    expect(terms).toEqual(expect.arrayContaining(['碉', '楼', '碉楼', '开平', '村落', '楼与']))
  })

  it('adds the longer words a segmenter finds', () => {
    expect(tokenizeForIndex('习近平新时代中国特色社会主义思想')).toEqual(
      expect.arrayContaining(['新时代']),
    )
  })

  it('keeps numbers whole, with thousands separators removed', () => {
    const terms = tokenizeForIndex('GDP reached 320.1 billion yuan, with 1,800 firms and 3-5 years')
    expect(terms).toEqual(expect.arrayContaining(['320.1', '1800', '3-5', '3', '5', 'billion']))
    expect(terms).not.toContain('320')
  })

  it('makes hyphenated words searchable whole and in parts', () => {
    expect(tokenizeForIndex('high-quality development')).toEqual([
      'high-quality',
      'high',
      'quality',
      'development',
    ])
  })

  it('handles mixed scripts in one text', () => {
    expect(tokenizeForIndex('Jiangmen人才岛Talent')).toEqual(
      expect.arrayContaining(['jiangmen', '人才', '才岛', 'talent']),
    )
  })

  it('indexes a Traditional text under the terms of its Simplified form, as a query is read', () => {
    expect(tokenizeForIndex('開平碉樓與村落')).toEqual(tokenizeForIndex('开平碉楼与村落'))
    expect(tokenizeQuery('僑都')).toEqual(tokenizeQuery('侨都'))
  })

  it('drops punctuation, emoji and control characters', () => {
    expect(tokenizeForIndex('“Hi!” 💥 \u0000 — ok?')).toEqual(['hi', 'ok'])
  })
})

describe('tokenizeQuery', () => {
  it('turns a Chinese run into the bigrams that must all match', () => {
    expect(tokenizeQuery('开平碉楼')).toEqual([
      { kind: 'han', terms: ['开平', '平碉', '碉楼'], text: '开平碉楼', start: 0, end: 4 },
    ])
    expect(tokenizeQuery('侨')).toEqual([
      { kind: 'han', terms: ['侨'], text: '侨', start: 0, end: 1 },
    ])
  })

  it('keeps the order of mixed-script words, and where each stands in the query', () => {
    expect(tokenizeQuery('碉楼 Talent Island')).toEqual([
      { kind: 'han', terms: ['碉楼'], text: '碉楼', start: 0, end: 2 },
      { kind: 'word', term: 'talent', start: 3, end: 9 },
      { kind: 'word', term: 'island', start: 10, end: 16 },
    ])
    expect(tokenizeQuery('“high-quality”, 1,800 江门市!')).toEqual([
      { kind: 'word', term: 'high-quality', start: 1, end: 13 },
      { kind: 'word', term: '1800', start: 16, end: 21 },
      { kind: 'han', terms: ['江门', '门市'], text: '江门市', start: 22, end: 25 },
    ])
  })

  it('reads full-width input as half-width', () => {
    expect(tokenizeQuery('Ｔａｌｅｎｔ')).toEqual([
      { kind: 'word', term: 'talent', start: 0, end: 6 },
    ])
  })
})
