import { describe, expect, it } from 'vitest'
import type { Block } from '../../../../electron/shared/model.ts'
import { minutesLeft, readingMinutes, READING_SPEED } from '../../../../src/reader/reading-time.ts'

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
const block = (id: string, en: string, zh: string): Block => ({ id, type: 'paragraph', en, zh })

describe('reading time', () => {
  it('counts English words and Chinese characters at their own speeds', () => {
    expect(readingMinutes(words(READING_SPEED.en), 'en')).toBeCloseTo(1)
    expect(readingMinutes("Jiangmen's well-known diaolou.", 'en')).toBeCloseTo(3 / READING_SPEED.en)
    expect(readingMinutes('江门，侨乡。', 'zh')).toBeCloseTo(4 / READING_SPEED.zh)
    expect(readingMinutes('开平碉楼 UNESCO 2007', 'zh')).toBeCloseTo(6 / READING_SPEED.zh)
  })

  it('counts what is left from the position, in the language each block is read in', () => {
    const blocks = [
      block('b1', words(238), '字'.repeat(255)),
      block('b2', words(476), '字'.repeat(510)),
      block('b3', words(238), '字'.repeat(255)),
    ]
    expect(minutesLeft(blocks, 0, 0, () => 'en')).toBeCloseTo(4)
    expect(minutesLeft(blocks, 1, 0.5, () => 'en')).toBeCloseTo(2)
    expect(minutesLeft(blocks, 2, 1, () => 'zh')).toBeCloseTo(0)
    expect(minutesLeft(blocks, 0, 0, (b) => (b.id === 'b2' ? 'zh' : 'en'))).toBeCloseTo(4)
  })
})
