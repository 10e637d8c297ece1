import { describe, expect, it } from 'vitest'
import { dictionaryData } from '../../../../src/chinese/dictionary-data.ts'
import {
  Dictionary,
  formatDictionary,
  pinyinMarks,
  type DictionaryEntry,
  type WordSpan,
} from '../../../../src/chinese/dictionary.ts'

// The real data, as the app ships it: made and parsed once for the whole file.
const dictionary = Dictionary.parse(dictionaryData())

const words = (text: string, spans: WordSpan[]) =>
  spans.map(({ start, end }) => [text.slice(start, end), start, end])
const readings = (word: string) => dictionary.lookup(word).map((entry) => entry.pinyin)

describe('formatDictionary and Dictionary.parse', () => {
  const entry = (simplified: string, pinyin: string, english: string[]): DictionaryEntry => ({
    simplified,
    traditional: simplified,
    pinyin,
    english,
  })

  it('writes one sorted line per entry, duplicates dropped, and reads every field back', () => {
    const water = entry('水', 'shui3', ['water', 'river'])
    const person = entry('人', 'ren2', ['person; people'])
    const data = formatDictionary([water, person, water])
    expect(data).toBe('人\t人\tren2\tperson; people\n水\t水\tshui3\twater/river')
    expect(Dictionary.parse(data).lookup('水')).toEqual([water])
  })

  it('reads an empty text as an empty dictionary', () => {
    const empty = Dictionary.parse('')
    expect(empty.lookup('水')).toEqual([])
    expect(empty.segment('水')).toEqual([{ start: 0, end: 1, entries: [] }])
  })
})

describe('Dictionary.lookup', () => {
  it('reads polyphones by the word they are in', () => {
    expect(readings('银行')).toEqual(['yin2 hang2'])
    expect(dictionary.lookup('银行')[0]!.english).toContain('bank')
    expect(readings('行业')).toEqual(['hang2 ye4'])
    expect(readings('行')).toEqual(expect.arrayContaining(['hang2', 'xing2']))
    expect(readings('重庆')).toEqual(['Chong2 qing4'])
  })

  it('finds a Traditional headword under the entry of its Simplified form', () => {
    const [entry] = dictionary.lookup('僑鄉')
    expect(entry).toEqual({
      traditional: '僑鄉',
      simplified: '侨乡',
      pinyin: 'qiao2 xiang1',
      english: ['hometown of overseas Chinese'],
    })
    expect(dictionary.lookup('侨乡')).toEqual([entry])
  })

  it('gathers the entries of every form a character stands for', () => {
    const traditionals = dictionary.lookup('干').map((entry) => entry.traditional)
    expect(traditionals).toEqual(expect.arrayContaining(['干', '乾', '幹']))
  })

  it('finds nothing for a word it does not have, nor for part of a headword', () => {
    expect(dictionary.lookup('江门开')).toEqual([])
    expect(dictionary.lookup('')).toEqual([])
  })
})

describe('Dictionary.wordsAt', () => {
  it('offers every word covering the character, longest first', () => {
    expect(words('开平碉楼', dictionary.wordsAt('开平碉楼', 2))).toEqual([
      ['开平碉楼', 0, 4],
      ['碉楼', 2, 4],
      ['碉', 2, 3],
    ])
    expect(words('开平碉楼', dictionary.wordsAt('开平碉楼', 0))).toEqual([
      ['开平碉楼', 0, 4],
      ['开平', 0, 2],
      ['开', 0, 1],
    ])
  })

  it('lists words of the same length leftmost first, each with every reading', () => {
    const spans = dictionary.wordsAt('在银行业务', 2)
    expect(words('在银行业务', spans)).toEqual([
      ['银行业', 1, 4],
      ['银行', 1, 3],
      ['行业', 2, 4],
      ['行', 2, 3],
    ])
    expect(spans[2]!.entries.map((entry) => entry.pinyin)).toEqual(['hang2 ye4'])
    expect(spans[3]!.entries.map((entry) => entry.pinyin)).toEqual(
      expect.arrayContaining(['hang2', 'xing2']),
    )
  })

  it('works in Traditional text too', () => {
    expect(words('開平碉樓', dictionary.wordsAt('開平碉樓', 3))).toEqual([
      ['開平碉樓', 0, 4],
      ['碉樓', 2, 4],
      ['樓', 3, 4],
    ])
  })

  it('keeps to the run of Chinese around the offset', () => {
    const text = 'Visit 开平。碉楼 (diaolou)'
    expect(words(text, dictionary.wordsAt(text, 9))).toEqual([
      ['碉楼', 9, 11],
      ['碉', 9, 10],
    ])
    expect(dictionary.wordsAt(text, 8)).toEqual([])
    expect(dictionary.wordsAt(text, 0)).toEqual([])
  })
})

describe('Dictionary.segment', () => {
  it('splits the Chinese of mixed text by longest match, skipping numbers, Latin and punctuation', () => {
    const text = '2024年，江门GDP增长5.2%。开平碉楼与村落（Kaiping）'
    const spans = dictionary.segment(text)
    expect(words(text, spans)).toEqual([
      ['年', 4, 5],
      ['江门', 6, 8],
      ['增长', 11, 13],
      ['开平碉楼', 18, 22],
      ['与', 22, 23],
      ['村落', 23, 25],
    ])
    expect(spans[1]!.entries[0]!.pinyin).toBe('Jiang1 men2')
  })

  it('prefers the longest word at each step: 中华人民共和国 is one word', () => {
    const text = '中华人民共和国成立'
    expect(words(text, dictionary.segment(text))).toEqual([
      ['中华人民共和国', 0, 7],
      ['成立', 7, 9],
    ])
  })

  it('gives a character it does not know a span of its own, whole even beyond the BMP', () => {
    const text = '水𠀀㐀水'
    expect(
      dictionary.segment(text).map(({ start, end, entries }) => [start, end, entries.length]),
    ).toEqual([
      [0, 1, 2],
      [1, 3, 0],
      [3, 4, 0],
      [4, 5, 2],
    ])
  })
})

// The first English lookup builds the reverse index: half a second, several on a busy machine.
describe('Dictionary.english', { timeout: 20_000 }, () => {
  it('finds the Chinese for an English word, the common word first', () => {
    const bank = dictionary.english('bank').map((entry) => entry.simplified)
    expect(bank[0]).toBe('银行')
    expect(bank).toContain('岸')
  })

  it('ignores case, a verb’s "to" and notes in brackets, and caps the results', () => {
    const walk = dictionary.english('Walk').map((entry) => entry.simplified)
    expect(walk).toEqual(expect.arrayContaining(['走', '行走']))
    expect(dictionary.english('to walk')).toEqual(dictionary.english('walk'))
    expect(dictionary.english('walk').map((entry) => entry.pinyin)).toContain('xing2')
    expect(dictionary.english('walk', 3)).toHaveLength(3)
  })

  it('matches whole definitions or senses, not words inside them', () => {
    expect(dictionary.english('hometown of overseas Chinese').map((e) => e.simplified)).toEqual([
      '侨乡',
    ])
    expect(dictionary.english('overseas')).not.toContainEqual(dictionary.lookup('侨乡')[0])
    expect(dictionary.english('no such gloss anywhere')).toEqual([])
  })
})

describe('pinyinMarks', () => {
  it('puts the tone on the vowel pinyin marks', () => {
    expect(pinyinMarks('qiao2 xiang1')).toBe('qiáo xiāng')
    expect(pinyinMarks('yin2 hang2')).toBe('yín háng')
    expect(pinyinMarks('dou4 fu5 gui4 shui3')).toBe('dòu fu guì shuǐ')
  })

  it('writes u: as ü, with its tone', () => {
    expect(pinyinMarks('lu:3')).toBe('lǚ')
    expect(pinyinMarks('nu:3 lu:e4 lu:')).toBe('nǚ lüè lü')
  })

  it('leaves the neutral tone unmarked and keeps capitals', () => {
    expect(pinyinMarks('le5')).toBe('le')
    expect(pinyinMarks('hua1 r5')).toBe('huā r')
    expect(pinyinMarks('Chong2 qing4')).toBe('Chóng qìng')
    expect(pinyinMarks('Ou1 zhou1 Er4 Lu:3')).toBe('Ōu zhōu Èr Lǚ')
  })

  it('marks syllables without a vowel and leaves what is not a syllable', () => {
    expect(pinyinMarks('m2 n4 ng3')).toBe('ḿ ǹ ňg')
    expect(pinyinMarks('san1 C')).toBe('sān C')
    expect(pinyinMarks('yi1 bu4 zuo4 , er4 bu4 xiu1')).toBe('yī bù zuò , èr bù xiū')
  })
})
