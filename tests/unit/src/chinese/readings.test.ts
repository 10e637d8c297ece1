import { describe, expect, it } from 'vitest'
import { ReadingAids } from '../../../../src/chinese/aids.ts'
import { dictionaryData } from '../../../../src/chinese/dictionary-data.ts'
import type { Reading } from '../../../../src/chinese/readings.ts'

const aids = new ReadingAids(async () => dictionaryData())
const pinyin = async (text: string, script: 'hans' | 'hant-tw' | 'hant-hk' = 'hans') =>
  (await aids.readings(script, 'pinyin', [text]))[0]!
const jyutping = async (text: string, script: 'hans' | 'hant-hk' = 'hans') =>
  (await aids.readings(script, 'jyutping', [text]))[0]!
const words = (readings: Reading[]) => readings.filter(Boolean).join(' ')

describe('readings over Chinese text', () => {
  it('reads polyphones by the word they are in', async () => {
    expect(words(await pinyin('重庆'))).toBe('chóng qìng')
    expect(words(await pinyin('重要'))).toBe('zhòng yào')
    expect(words(await pinyin('银行'))).toBe('yín háng')
    expect(words(await pinyin('行业'))).toBe('háng yè')
    expect(words(await pinyin('行走'))).toBe('xíng zǒu')
  })

  it('gives one reading per character and none to punctuation, digits or Latin', async () => {
    const text = '江门1号，ABC。'
    const readings = await pinyin(text)
    expect(readings).toHaveLength(text.length)
    expect(readings).toEqual(['jiāng', 'mén', null, 'hào', null, null, null, null, null])
  })

  it('reads Traditional text as its Simplified source, where the words are known', async () => {
    // pinyin-pro alone reads 重慶 zhòng and 銀行 yín xíng: the authored text is read instead.
    expect(words(await pinyin('重庆银行的行业', 'hant-hk'))).toBe('chóng qìng yín háng de háng yè')
  })

  it('reads a phrase the conversion replaced as it is shown', async () => {
    // 内存 is shown as 記憶體 in Taiwan: three characters, three readings, aligned with them.
    const readings = await pinyin('内存很大', 'hant-tw')
    expect(readings).toHaveLength('記憶體很大'.length)
    expect(words(readings)).toBe('jì yì tǐ hěn dà')
  })

  it('reads Cantonese in Jyutping, in either script', async () => {
    expect(words(await jyutping('江门开平碉楼'))).toBe('gong1 mun4 hoi1 ping4 diu1 lau4')
    expect(words(await jyutping('江门开平碉楼', 'hant-hk'))).toBe('gong1 mun4 hoi1 ping4 diu1 lau4')
    expect(await jyutping('台山，2023')).toEqual(['toi4', 'saan1', null, null, null, null, null])
  })
})
