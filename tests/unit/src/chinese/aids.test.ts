import { describe, expect, it } from 'vitest'
import { ReadingAids } from '../../../../src/chinese/aids.ts'
import { dictionaryData } from '../../../../src/chinese/dictionary-data.ts'

const aids = new ReadingAids(async () => dictionaryData())

describe('dictionary lookups as the reader shows them', () => {
  it('offers the words under a character, longest first, with pinyin marks and Jyutping', async () => {
    const text = '开平碉楼与村落'
    const words = await aids.wordsAt(text, 2)
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['开平碉楼', '碉楼', '碉'])
    const [tower] = words[1]!.entries
    expect(tower).toMatchObject({ simplified: '碉楼', traditional: '碉樓', pinyin: 'diāo lóu' })
    expect(tower!.jyutping).toBe('diu1 lau4')
  })

  it('reads a polyphone by its word: 行 in 银行 and in 行走', async () => {
    const bank = (await aids.wordsAt('去银行', 2))[0]!
    expect(bank.entries[0]).toMatchObject({ simplified: '银行', pinyin: 'yín háng' })
    expect(bank.entries[0]!.english.join(' ')).toMatch(/bank/)
    const walk = (await aids.wordsAt('行走', 0))[0]!
    expect(walk.entries[0]!.pinyin).toBe('xíng zǒu')
  })

  it('finds nothing on punctuation, digits or Latin', async () => {
    expect(await aids.wordsAt('江门，2023 ABC', 2)).toEqual([])
    expect(await aids.wordsAt('江门，2023 ABC', 4)).toEqual([])
    expect(await aids.wordsAt('江门，2023 ABC', 9)).toEqual([])
  })

  it('cuts text into the dictionary’s words, skipping what is not Chinese', async () => {
    const text = '江门市2023年实现经济发展'
    const words = (await aids.segment(text)).map((w) => text.slice(w.start, w.end))
    expect(words).toEqual(['江门市', '年', '实现', '经济发展'])
  })

  it('gives an English word the Chinese the aligned sentence uses', async () => {
    const found = await aids.english('bank', '江门农商银行支持乡村振兴。')
    expect(found.map((e) => e.simplified)).toEqual(['银行'])
    // Without it in the Chinese, the common words, capped.
    const any = await aids.english('bank', '')
    expect(any.length).toBeGreaterThan(1)
    expect(any.length).toBeLessThanOrEqual(5)
    expect(any[0]!.simplified).toBe('银行')
  })
})
