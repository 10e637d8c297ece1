import { describe, expect, it } from 'vitest'
import { normalize } from '../../../../src/search/normalize.ts'
import { tokenizeForIndex, tokenizeQuery } from '../../../../src/search/tokenize.ts'

describe('normalize', () => {
  it('folds full-width forms, case and Latin diacritics', () => {
    expect(normalize('ＪＩＡＮＧＭＥＮ　２０２０')).toBe('jiangmen 2020')
    expect(normalize('Café Ōsaka')).toBe('cafe osaka')
    expect(normalize('江门，开平')).toBe('江门,开平')
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

  it('drops punctuation, emoji and control characters', () => {
    expect(tokenizeForIndex('“Hi!” 💥 \u0000 — ok?')).toEqual(['hi', 'ok'])
  })
})

describe('tokenizeQuery', () => {
  it('turns a Chinese run into the bigrams that must all match', () => {
    expect(tokenizeQuery('开平碉楼')).toEqual([
      { kind: 'han', terms: ['开平', '平碉', '碉楼'], text: '开平碉楼' },
    ])
    expect(tokenizeQuery('侨')).toEqual([{ kind: 'han', terms: ['侨'], text: '侨' }])
  })

  it('keeps the order of mixed-script words', () => {
    expect(tokenizeQuery('碉楼 Talent Island')).toEqual([
      { kind: 'han', terms: ['碉楼'], text: '碉楼' },
      { kind: 'word', term: 'talent' },
      { kind: 'word', term: 'island' },
    ])
  })

  it('reads full-width input as half-width', () => {
    expect(tokenizeQuery('Ｔａｌｅｎｔ')).toEqual([{ kind: 'word', term: 'talent' }])
  })
})
