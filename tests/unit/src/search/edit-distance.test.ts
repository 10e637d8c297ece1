import { describe, expect, it } from 'vitest'
import { editDistance, TypoLookup } from '../../../../src/search/edit-distance.ts'

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

describe('TypoLookup', () => {
  // Every term of up to four letters over a small alphabet, so near misses abound.
  const alphabet = ['a', 'b', 'c', 'q', '碉']
  const terms = alphabet.flatMap(function grow(prefix: string): string[] {
    return prefix.length === 4 ? [prefix] : [prefix, ...alphabet.flatMap((c) => grow(prefix + c))]
  })

  it.each([
    ['abca', 1],
    ['qq', 2],
    ['碉abc', 1],
    ['cccc', 3],
  ])(
    'finds exactly the terms near "%s" (at most %i edits) that a full comparison finds',
    (term, max) => {
      const lookup = new TypoLookup(terms)
      const expected = terms
        .filter((other) => other !== term && editDistance(term, other, max) <= max)
        .sort()
      const found = lookup.near(term, max)
      expect(found.map((f) => f.term).sort()).toEqual(expected)
      for (const { term: other, distance } of found) {
        expect(distance).toBe(editDistance(term, other, max))
      }
    },
  )

  it('finds typos of a real word and leaves unrelated ones out', () => {
    const lookup = new TypoLookup(['jiangmen', 'jiangmens', 'taishan', 'kaiping', 'jiangsu'])
    expect(lookup.near('jiangmne', 2)).toEqual([
      { term: 'jiangmen', distance: 2 },
      { term: 'jiangmens', distance: 2 },
    ])
  })
})
