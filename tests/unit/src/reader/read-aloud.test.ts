import { describe, expect, it } from 'vitest'
import type { Block, ContentLang } from '../../../../electron/shared/model.ts'
import {
  isCantonese,
  readingQueue,
  sentenceRanges,
  voiceFor,
  type VoiceInfo,
} from '../../../../src/reader/read-aloud.ts'

const aligned: Block = {
  id: 'b1',
  type: 'paragraph',
  en: 'Jiangmen is a port. It has 3.5 million people. Many live abroad.',
  zh: '江门是港口城市，有350万人。许多人旅居海外。',
  // The authored alignment groups the first two English sentences with the first Chinese one.
  pairs: [
    { en: 'Jiangmen is a port. It has 3.5 million people.', zh: '江门是港口城市，有350万人。' },
    { en: 'Many live abroad.', zh: '许多人旅居海外。' },
  ],
}
const unaligned: Block = {
  id: 'b2',
  type: 'paragraph',
  en: 'Mr. Chen came home.  He stayed!',
  zh: '陈先生回乡了。他留了下来！',
}
const heading: Block = { id: 'b3', type: 'heading', en: 'Overseas Chinese', zh: '华侨' }
const blocks = [aligned, unaligned, heading]

const texts = (lang: ContentLang, block: Block) =>
  sentenceRanges(block, lang).map(({ start, end }) => block[lang].slice(start, end))

describe('sentenceRanges', () => {
  it('follows the authored sentence alignment where the block has one', () => {
    expect(texts('en', aligned)).toEqual([
      'Jiangmen is a port. It has 3.5 million people.',
      'Many live abroad.',
    ])
    expect(texts('zh', aligned)).toEqual(['江门是港口城市，有350万人。', '许多人旅居海外。'])
  })

  it('splits an unaligned block into sentences, keeping abbreviations and decimals whole', () => {
    expect(texts('en', unaligned)).toEqual(['Mr. Chen came home.', 'He stayed!'])
    expect(sentenceRanges(unaligned, 'en')[1]).toEqual({ start: 21, end: 31 })
    expect(texts('zh', unaligned)).toEqual(['陈先生回乡了。', '他留了下来！'])
  })

  it('reads an alignment that no longer fits the text as if there were none', () => {
    const stale = { ...unaligned, pairs: [{ en: 'Something else.', zh: '别的。' }] }
    expect(texts('en', stale)).toEqual(['Mr. Chen came home.', 'He stayed!'])
  })
})

describe('readingQueue', () => {
  it('reads one paragraph, sentence by sentence, with offsets in the authored text', () => {
    expect(readingQueue(blocks, 'b2', 'block', () => ['en'])).toEqual([
      { blockId: 'b2', lang: 'en', start: 0, end: 19, text: 'Mr. Chen came home.' },
      { blockId: 'b2', lang: 'en', start: 21, end: 31, text: 'He stayed!' },
    ])
  })

  it('reads from a block to the end, each block in the language it shows', () => {
    const shown = (b: Block): ContentLang[] => (b.id === 'b2' ? ['zh'] : ['en'])
    const queue = readingQueue(blocks, 'b2', 'to-end', shown)
    expect(queue.map((u) => [u.blockId, u.lang, u.text])).toEqual([
      ['b2', 'zh', '陈先生回乡了。'],
      ['b2', 'zh', '他留了下来！'],
      ['b3', 'en', 'Overseas Chinese'],
    ])
  })

  it('reads both languages of each block, English first, when both are shown', () => {
    const queue = readingQueue(blocks, 'b1', 'block', () => ['en', 'zh'])
    expect(queue.map((u) => `${u.lang}:${u.text}`)).toEqual([
      'en:Jiangmen is a port. It has 3.5 million people.',
      'en:Many live abroad.',
      'zh:江门是港口城市，有350万人。',
      'zh:许多人旅居海外。',
    ])
  })

  it('reads nothing from a block that is not in the document', () => {
    expect(readingQueue(blocks, 'gone', 'to-end', () => ['en'])).toEqual([])
  })
})

const voice = (name: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  name,
  lang,
  default: false,
  localService: true,
  ...extra,
})

describe('voiceFor', () => {
  const system = [
    voice('Karen', 'en-AU'),
    voice('Samantha', 'en-US'),
    voice('Tingting', 'zh-CN'),
    voice('Meijia', 'zh-TW'),
    voice('Sinji', 'zh-HK'),
  ]

  it('picks an English voice for English, American or British first', () => {
    expect(voiceFor(system, 'en', 'mandarin')?.name).toBe('Samantha')
    expect(voiceFor([voice('Karen', 'en-AU')], 'en', 'mandarin')?.name).toBe('Karen')
  })

  it('picks Mandarin for Chinese unless Cantonese is chosen', () => {
    expect(voiceFor(system, 'zh', 'mandarin')?.name).toBe('Tingting')
    expect(voiceFor(system, 'zh', 'cantonese')?.name).toBe('Sinji')
  })

  it('reads Cantonese tags as the systems write them, and never picks Cantonese for Mandarin', () => {
    const espeak = [voice('Cantonese', 'yue'), voice('Chinese (Mandarin)', 'cmn')]
    expect(voiceFor(espeak, 'zh', 'cantonese')?.name).toBe('Cantonese')
    expect(voiceFor(espeak, 'zh', 'mandarin')?.name).toBe('Chinese (Mandarin)')
    expect(voiceFor([voice('Android', 'zh_HK')], 'zh', 'cantonese')?.name).toBe('Android')
    expect(voiceFor([voice('Sinji', 'zh-HK'), voice('yue', 'yue')], 'zh', 'mandarin')).toBeNull()
  })

  it('falls back to Mandarin when Cantonese is chosen but the system has no Cantonese voice', () => {
    const mandarin = voiceFor([voice('Meijia', 'zh-TW')], 'zh', 'cantonese')!
    expect(mandarin.name).toBe('Meijia')
    expect(isCantonese(mandarin)).toBe(false)
    expect(isCantonese(voice('Sinji', 'zh-HK'))).toBe(true)
  })

  it("prefers the system's default voice, then one that works offline", () => {
    const two = [
      voice('Online', 'zh-CN', { localService: false }),
      voice('Offline', 'zh-CN'),
      voice('Default', 'zh-CN', { default: true, localService: false }),
    ]
    expect(voiceFor(two, 'zh', 'mandarin')?.name).toBe('Default')
    expect(voiceFor(two.slice(0, 2), 'zh', 'mandarin')?.name).toBe('Offline')
  })

  it('finds no voice where the system has none for the language', () => {
    expect(voiceFor([], 'en', 'mandarin')).toBeNull()
    expect(voiceFor([voice('Samantha', 'en-US')], 'zh', 'cantonese')).toBeNull()
  })
})
