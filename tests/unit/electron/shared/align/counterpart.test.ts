import { describe, expect, it } from 'vitest'
import {
  counterpartOf,
  pairAt,
  pairSpans,
  pairsTouching,
} from '../../../../../electron/shared/align/counterpart.ts'

const block = {
  en: 'One. Two and three.  Four.',
  zh: '一。二，三。四。',
  pairs: [
    { en: 'One.', zh: '一。' },
    { en: 'Two and three.', zh: '二，三。' },
    { en: 'Four.', zh: '四。' },
  ],
}

describe('pair spans', () => {
  it('finds each pair in both languages', () => {
    expect(pairSpans(block)).toEqual({
      en: [
        { start: 0, end: 4 },
        { start: 5, end: 19 },
        { start: 21, end: 26 },
      ],
      zh: [
        { start: 0, end: 2 },
        { start: 2, end: 6 },
        { start: 6, end: 8 },
      ],
    })
  })

  it('is null without pairs, or with pairs that do not make up the text', () => {
    expect(pairSpans({ en: 'One.', zh: '一。' })).toBeNull()
    expect(pairSpans({ ...block, pairs: [{ en: 'One.', zh: '一。' }] })).toBeNull()
  })

  it('gives the pair under a character, the whitespace after a pair counting as its own', () => {
    const { en } = pairSpans(block)!
    expect([0, 4, 5, 18, 20, 25].map((at) => pairAt(en, at))).toEqual([0, 0, 1, 1, 1, 2])
    expect(pairAt([], 3)).toBe(-1)
  })

  it('lists the pairs a range touches', () => {
    const { en } = pairSpans(block)!
    expect(pairsTouching(en, { start: 2, end: 7 })).toEqual([0, 1])
    expect(pairsTouching(en, { start: 19, end: 21 })).toEqual([])
  })
})

describe('the counterpart of a selection', () => {
  it('is the other language of the pairs it touches', () => {
    expect(counterpartOf(block, 'en', { start: 9, end: 12 })).toEqual({
      pairs: [1],
      range: { start: 2, end: 6 },
      text: '二，三。',
    })
    expect(counterpartOf(block, 'zh', { start: 3, end: 7 })).toEqual({
      pairs: [1, 2],
      range: { start: 5, end: 26 },
      text: 'Two and three.  Four.',
    })
  })

  it('is null where the block has no alignment or the range falls between pairs', () => {
    expect(counterpartOf({ en: 'A.', zh: '甲。' }, 'en', { start: 0, end: 1 })).toBeNull()
    expect(counterpartOf(block, 'en', { start: 19, end: 21 })).toBeNull()
  })
})
