import { describe, expect, it } from 'vitest'
import { gappedRanges, makeSnippet, matchRanges } from '../../../../src/search/snippet.ts'

describe('matchRanges', () => {
  it('extends a prefix to the whole word and ignores matches inside words', () => {
    const text = 'Revitalization of the vital rural areas'
    expect(matchRanges(text, ['revital'])).toEqual([[0, 14]])
    expect(matchRanges(text, ['vital']).map(([s, e]) => text.slice(s, e))).toEqual(['vital'])
  })

  it('finds Chinese terms anywhere and merges overlaps', () => {
    expect(matchRanges('开平碉楼与村落', ['碉楼', '楼与'])).toEqual([[2, 5]])
    expect(matchRanges('江门江门 门江', ['江门'])).toEqual([[0, 4]])
    expect(matchRanges('碉楼 and 开平碉楼', ['开平碉楼', '碉楼', '碉楼'])).toEqual([
      [0, 2],
      [7, 11],
    ])
  })

  it('finds every occurrence, in any case, and stops a word at its end', () => {
    expect(matchRanges('江门 and Jiangmen: 江门', ['江门', 'jiangmen'])).toEqual([
      [0, 2],
      [7, 15],
      [17, 19],
    ])
    expect(matchRanges('JIANGMEN, 江门', ['jiangmen', '江门'])).toEqual([
      [0, 8],
      [10, 12],
    ])
  })

  it('tells word boundaries beyond ASCII: accents, Chinese, and characters outside the BMP', () => {
    expect(matchRanges('Ébène ebene', ['ebene'])).toEqual([[6, 11]])
    expect(matchRanges('éxpo expo', ['xpo'])).toEqual([])
    expect(matchRanges('𝐀xpo xpo', ['xpo'])).toEqual([[6, 9]])
    expect(matchRanges('bay区 bay', ['bay'])).toEqual([
      [0, 4],
      [5, 8],
    ])
  })

  it('orders the matches of several terms by where they are', () => {
    expect(matchRanges('bay area, area bay, bayarea', ['area', 'bay'])).toEqual([
      [0, 3],
      [4, 8],
      [10, 14],
      [15, 18],
      [20, 27],
    ])
  })

  it('treats regex characters in terms literally', () => {
    expect(matchRanges('a (b) c', ['(b)'])).toEqual([[2, 5]])
    expect(() => matchRanges('x', ['[', '(', '*'])).not.toThrow()
  })
})

describe('makeSnippet', () => {
  it('shows a short text whole', () => {
    expect(makeSnippet('short text', [[0, 5]], 'en')).toEqual({
      text: 'short text',
      ranges: [[0, 5]],
      cutStart: false,
      cutEnd: false,
    })
  })

  it('cuts a long text around the matches, keeping the ranges aligned', () => {
    const text = `${'lorem ipsum '.repeat(40)}Talent Island ${'dolor sit '.repeat(40)}`
    const at = text.indexOf('Talent')
    const snippet = makeSnippet(text, [[at, at + 6]], 'en')
    expect(snippet.cutStart && snippet.cutEnd).toBe(true)
    const [[s, e]] = snippet.ranges as [[number, number]]
    expect(snippet.text.slice(s, e)).toBe('Talent')
  })

  it('shows the stretch with the most different matched words, not the first match', () => {
    const filler = 'lorem ipsum '.repeat(30)
    const text = `Talent ${filler}Talent Island ${filler}end`
    const ranges = matchRanges(text, ['talent', 'island'])
    const snippet = makeSnippet(text, ranges, 'en')
    expect(snippet.cutStart).toBe(true)
    expect(snippet.ranges.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Talent', 'Island'])
  })

  it('shows the first match when every match is the same word', () => {
    const text = `${'lorem ipsum '.repeat(20)}Jiangmen ${'dolor sit '.repeat(30)}Jiangmen end`
    const snippet = makeSnippet(text, matchRanges(text, ['jiangmen']), 'en')
    expect(snippet.text).toContain('ipsum Jiangmen dolor')
  })

  it('opens with the start of the text when nothing matched in it', () => {
    const snippet = makeSnippet('word '.repeat(100), [], 'en')
    expect(snippet.text.startsWith('word')).toBe(true)
    expect(snippet.cutEnd).toBe(true)
  })
})

describe('gappedRanges', () => {
  it('finds a word’s characters in order with at most two others between each two', () => {
    const text = '建设深水大港，深水港，深圳市的水运港'
    expect(gappedRanges(text, '深水港').map(([s, e]) => text.slice(s, e))).toEqual([
      '深水大港',
      '深水港',
    ])
  })

  it('finds nothing where the characters are out of order or too far apart', () => {
    expect(gappedRanges('港水深', '深水港')).toEqual([])
    expect(gappedRanges('深水之大大大港', '深水港')).toEqual([])
  })

  it('tries a later character when the nearest one leads nowhere', () => {
    const text = '深水水口大港'
    expect(gappedRanges(text, '深水港').map(([s, e]) => text.slice(s, e))).toEqual(['深水水口大港'])
  })
})
