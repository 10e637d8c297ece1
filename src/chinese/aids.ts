import type { ChineseScript, RubySystem } from '../../electron/shared/model.ts'
import { jyutpingReader, pinyinReader, readingsOf, type Reader, type Reading } from './readings.ts'
import { convertText, identityView, type ScriptView } from './script.ts'

/** OpenCC's presets for each script: phrase-level for Taiwan (軟體, 記憶體), Hong Kong's variants. */
const PRESETS = {
  'hant-tw': { from: 'cn', to: 'twp' },
  'hant-hk': { from: 'cn', to: 'hk' },
} as const

/** What the reading aids answer; each request names its method and arguments. */
export interface AidsMethods {
  views(script: ChineseScript, texts: string[]): Promise<ScriptView[]>
  readings(script: ChineseScript, system: RubySystem, texts: string[]): Promise<Reading[][]>
}

/**
 * Script conversion and readings over Chinese text. The converters and readers are large (OpenCC's
 * dictionaries take seconds to build), so each is loaded on first use; the app runs this in a worker.
 */
export class ReadingAids implements AidsMethods {
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
