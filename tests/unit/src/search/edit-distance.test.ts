import { describe, expect, it } from 'vitest'
import { editDistance } from '../../../../src/search/edit-distance.ts'

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('jiangmen', 'jiangmen', 2)).toBe(0)
    expect(editDistance('jiangmne', 'jiangmen', 2)).toBe(2)
    expect(editDistance('diaoluo', 'diaolou', 2)).toBe(2)
    expect(editDistance('investmnet', 'investment', 2)).toBe(2)
    expect(editDistance('developement', 'development', 2)).toBe(1)
    expect(editDistance('kitten', 'sitting', 3)).toBe(3)
  })

  it('stops at max + 1 once the distance must exceed the maximum', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3)
    expect(editDistance('a', 'abcdef', 2)).toBe(3)
    expect(editDistance('revitalization', 'manufacturing', 3)).toBe(4)
  })
})
