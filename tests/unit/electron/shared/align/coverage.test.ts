import { describe, expect, it } from 'vitest'
import { locateParts } from '../../../../../electron/shared/align/coverage.ts'

describe('locateParts', () => {
  it('finds each part where it lies, whatever whitespace separates them', () => {
    const text = ' One two.  Three.\nFour. '
    const ranges = locateParts(text, ['One two.', 'Three.', 'Four.'])
    expect(ranges?.map((r) => text.slice(r.start, r.end))).toEqual(['One two.', 'Three.', 'Four.'])
  })

  it('locates Chinese parts written without spaces', () => {
    expect(locateParts('第一句。第二句。', ['第一句。', '第二句。'])).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
    ])
  })

  it.each([
    ['a part is missing', ['One.', 'Three.']],
    ['text is left over', ['One.', 'Two.']],
    ['parts are reordered', ['Two.', 'One.', 'Three.']],
    ['a part is changed', ['One.', 'Too.', 'Three.']],
    ['a part is empty', ['One.', '', 'Two. Three.']],
    ['a part carries whitespace', ['One.', ' Two.', 'Three.']],
  ])('returns null when %s', (_, parts) => {
    expect(locateParts('One. Two. Three.', parts)).toBeNull()
  })
})
