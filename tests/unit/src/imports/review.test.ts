import { describe, expect, it } from 'vitest'
import type { ProposedBlock } from '../../../../electron/shared/imports.ts'
import {
  mergeBlocks,
  mergePairs,
  shiftChinese,
  splitBlock,
  splitPair,
} from '../../../../src/imports/review.ts'

const block: ProposedBlock = {
  type: 'paragraph',
  en: 'One is here. Two is here.  Three is here.',
  zh: '一在这里。二在这里。三在这里。',
  confidence: 0.8,
  pairs: [
    { en: 'One is here.', zh: '一在这里。二在这里。', confidence: 0.4 },
    { en: 'Two is here.  Three is here.', zh: '三在这里。', confidence: 0.3 },
  ],
}
const sides = (b: ProposedBlock) => b.pairs.map((p) => [p.en, p.zh, p.confidence])

describe('review edits', () => {
  it('moves a Chinese sentence across a pair boundary, both ways, and refuses to empty a pair', () => {
    const down = shiftChinese([block], 0, 0, 'down')!
    expect(sides(down[0]!)).toEqual([
      ['One is here.', '一在这里。', 1],
      ['Two is here.  Three is here.', '二在这里。三在这里。', 1],
    ])
    expect(sides(shiftChinese(down, 0, 0, 'up')![0]!)).toEqual([
      ['One is here.', '一在这里。二在这里。', 1],
      ['Two is here.  Three is here.', '三在这里。', 1],
    ])
    expect(shiftChinese(down, 0, 0, 'down')).toBeNull()
    expect(shiftChinese([block], 0, 1, 'down')).toBeNull()
  })

  it('splits a pair after the first sentence of each side, and merges it back as the block writes it', () => {
    const split = splitPair(shiftChinese([block], 0, 0, 'down')!, 0, 1)!
    expect(sides(split[0]!)).toEqual([
      ['One is here.', '一在这里。', 1],
      ['Two is here.', '二在这里。', 1],
      ['Three is here.', '三在这里。', 1],
    ])
    expect(sides(mergePairs(split, 0, 1)![0]!)[1]).toEqual([
      'Two is here.  Three is here.',
      '二在这里。三在这里。',
      1,
    ])
    expect(splitPair(split, 0, 0)).toBeNull()
    expect(mergePairs(split, 0, 2)).toBeNull()
  })

  it('merges two blocks and splits one before a pair', () => {
    const heading: ProposedBlock = {
      type: 'heading',
      en: 'Title',
      zh: '标题',
      confidence: 0.9,
      pairs: [{ en: 'Title', zh: '标题', confidence: 0.9 }],
    }
    const merged = mergeBlocks([heading, block], 0)!
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({
      type: 'paragraph',
      en: `Title ${block.en}`,
      zh: `标题${block.zh}`,
    })
    const [first, second] = splitBlock(merged, 0, 1)!
    expect([first!.en, first!.zh]).toEqual(['Title', '标题'])
    expect([second!.en, second!.zh]).toEqual([block.en, block.zh])
    expect(splitBlock(merged, 0, 0)).toBeNull()
    expect(mergeBlocks([heading], 0)).toBeNull()
  })
})
