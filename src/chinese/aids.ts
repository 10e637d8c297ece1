import type { ChineseScript, RubySystem } from '../../electron/shared/model.ts'
import { Dictionary, pinyinMarks, type DictionaryEntry } from './dictionary.ts'
import { jyutpingReader, pinyinReader, readingsOf, type Reader, type Reading } from './readings.ts'
import { convertText, identityView, type ScriptView } from './script.ts'

/** OpenCC's presets for each script: phrase-level for Taiwan (軟體, 記憶體), Hong Kong's variants. */
const PRESETS = {
  'hant-tw': { from: 'cn', to: 'twp' },
  'hant-hk': { from: 'cn', to: 'hk' },
} as const

/** A dictionary entry as the reader shows it: pinyin with tone marks, and the Cantonese reading. */
export interface Entry {
  simplified: string
  traditional: string
  pinyin: string
  jyutping: string
  english: string[]
}

/** A word of a text (`start`, `end` in the authored text) and its entries. */
export interface Word {
  start: number
  end: number
  entries: Entry[]
}

/** What the reading aids answer; each request names its method and arguments. */
export interface AidsMethods {
  views(script: ChineseScript, texts: string[]): Promise<ScriptView[]>
  readings(script: ChineseScript, system: RubySystem, texts: string[]): Promise<Reading[][]>
  /** The dictionary's words of `text` covering `offset`, longest first (开平碉楼, 碉楼, 碉). */
  wordsAt(text: string, offset: number): Promise<Word[]>
  /** The Chinese text cut into the dictionary's words, longest match first, in order. */
  segment(text: string): Promise<Array<{ start: number; end: number }>>
  /**
   * The entries that translate an English word, those whose headword is in `chinese` (the aligned
   * Chinese of where the word was read) first and alone if there are any.
   */
  english(word: string, chinese: string): Promise<Entry[]>
}

/**
 * Script conversion and readings over Chinese text. The converters and readers are large (OpenCC's
 * dictionaries take seconds to build), so each is loaded on first use; the app runs this in a worker.
 */
export class ReadingAids implements AidsMethods {
  private dictionary: Promise<Dictionary> | null = null

  private readonly loadDictionary: () => Promise<string>

  /** `loadDictionary` gives the dictionary's data (a fetch in the app, a file in Node). */
  constructor(loadDictionary: () => Promise<string>) {
    this.loadDictionary = loadDictionary
  }

  private readonly converters = new Map<ChineseScript, Promise<(text: string) => string>>()
  private readonly readers = new Map<RubySystem, Promise<Reader>>()

  private converter(script: Exclude<ChineseScript, 'hans'>): Promise<(text: string) => string> {
    let converter = this.converters.get(script)
    if (!converter) {
      converter = import('opencc-js/cn2t').then((OpenCC) => OpenCC.Converter(PRESETS[script]))
      this.converters.set(script, converter)
    }
    return converter
  }

  private reader(system: RubySystem): Promise<Reader> {
    let reader = this.readers.get(system)
    if (!reader) {
      reader =
        system === 'pinyin'
          ? import('pinyin-pro').then(({ pinyin }) =>
              pinyinReader((text) => pinyin(text, { type: 'all', toneType: 'symbol' })),
            )
          : import('to-jyutping').then(({ default: ToJyutping }) =>
              jyutpingReader((text) => ToJyutping.getJyutpingList(text)),
            )
      this.readers.set(system, reader)
    }
    return reader
  }

  private words(): Promise<Dictionary> {
    this.dictionary ??= this.loadDictionary().then((data) => Dictionary.parse(data))
    this.dictionary.catch(() => (this.dictionary = null))
    return this.dictionary
  }

  private async entries(found: DictionaryEntry[]): Promise<Entry[]> {
    const read = await this.reader('jyutping')
    return found.map((entry) => ({
      simplified: entry.simplified,
      traditional: entry.traditional,
      pinyin: pinyinMarks(entry.pinyin),
      jyutping: read(entry.traditional).filter(Boolean).join(' '),
      english: entry.english,
    }))
  }

  async wordsAt(text: string, offset: number): Promise<Word[]> {
    const dictionary = await this.words()
    return Promise.all(
      dictionary.wordsAt(text, offset).map(async ({ start, end, entries }) => ({
        start,
        end,
        entries: await this.entries(entries),
      })),
    )
  }

  async segment(text: string): Promise<Array<{ start: number; end: number }>> {
    return (await this.words()).segment(text).map(({ start, end }) => ({ start, end }))
  }

  async english(word: string, chinese: string): Promise<Entry[]> {
    const found = (await this.words()).english(word, 30)
    const aligned = found.filter((e) => chinese.includes(e.simplified))
    return this.entries((aligned.length ? aligned : found).slice(0, 5))
  }

  async views(script: ChineseScript, texts: string[]): Promise<ScriptView[]> {
    if (script === 'hans') return texts.map(identityView)
    const convert = await this.converter(script)
    return texts.map((text) => convertText(text, convert))
  }

  async readings(script: ChineseScript, system: RubySystem, texts: string[]): Promise<Reading[][]> {
    const [views, read] = await Promise.all([this.views(script, texts), this.reader(system)])
    return texts.map((text, i) => readingsOf(text, views[i]!, read))
  }
}
