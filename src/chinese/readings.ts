import type { ScriptView } from './script.ts'

/** A character's reading (pinyin with tone marks, or Jyutping), or `null` for none (punctuation, Latin). */
export type Reading = string | null

/**
 * Reads a text: one entry per UTF-16 code unit, the reading on the first unit of each character.
 * Word-level readers get polyphones right from the context (重庆 chóng, 重要 zhòng).
 */
export type Reader = (text: string) => Reading[]

/**
 * The readings of `view`, the authored `source` as shown: read on the authored text, where a reader
 * knows the words best (pinyin-pro reads Simplified 重庆 right and Traditional 重慶 wrong), and carried
 * over character by character; a phrase the conversion replaced is read as shown.
 */
export function readingsOf(source: string, view: ScriptView, read: Reader): Reading[] {
  const authored = read(source)
  if (!view.resized.length) return authored
  const out: Reading[] = []
  let at = 0
  let shift = 0
  for (const span of view.resized) {
    for (; at < span.viewFrom; at++) out.push(authored[at - shift] ?? null)
    out.push(...read(view.text.slice(span.viewFrom, span.viewTo)))
    at = span.viewTo
    shift = span.viewTo - span.to
  }
  for (; at < view.text.length; at++) out.push(authored[at - shift] ?? null)
  return out
}

interface PinyinItem {
  origin: string
  pinyin: string
  isZh: boolean
}

/** One reading per code unit from readers that answer per item (a character or a run of others). */
function spread(items: Iterable<readonly [string, Reading]>): Reading[] {
  const out: Reading[] = []
  for (const [origin, reading] of items) {
    out.push(reading)
    for (let i = 1; i < origin.length; i++) out.push(null)
  }
  return out
}

/** A reader from pinyin-pro's `pinyin(text, { type: 'all' })`. */
export function pinyinReader(pinyin: (text: string) => PinyinItem[]): Reader {
  return (text) => spread(pinyin(text).map((item) => [item.origin, item.isZh ? item.pinyin : null]))
}

/** A reader from to-jyutping's `getJyutpingList(text)`: one [character, reading] per character. */
export function jyutpingReader(list: (text: string) => Array<[string, string | null]>): Reader {
  return (text) => spread(list(text))
}
