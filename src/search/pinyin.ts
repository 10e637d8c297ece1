import { pinyin } from 'pinyin-pro'

/**
 * Each toneless pinyin syllable, with the Han characters of an index read that way: what a word
 * typed in pinyin can stand for. Built with the index (pinyin-pro takes a tenth of a millisecond a
 * character) and shipped with it.
 */
export type Readings = Record<string, string>

/** pinyin-pro writes ü as v (lv); people also type u (lu). */
const typedForms = (syllable: string): string[] =>
  syllable.includes('v') ? [syllable, syllable.replaceAll('v', 'u')] : [syllable]

/**
 * The readings of the given Han characters. Every reading of a character counts, not only the one
 * pinyin-pro picks in context: it reads 侨都 "qiao dou", where people type "qiaodu".
 */
export function readingsOf(chars: Iterable<string>): Readings {
  const readings: Record<string, string> = {}
  for (const char of chars) {
    const syllables = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true })
    for (const syllable of new Set(syllables.flatMap(typedForms))) {
      if (/^[a-z]+$/.test(syllable)) readings[syllable] = (readings[syllable] ?? '') + char
    }
  }
  return readings
}

/** The longest pinyin syllable ("zhuang", "shuang", "chuang"). */
const LONGEST_SYLLABLE = 6

/**
 * A Latin word as the fewest syllables among `syllables` ("xiangcun" → xiang cun, not xi ang cun),
 * or null where it is not pinyin.
 */
export function splitPinyin(word: string, syllables: ReadonlySet<string>): string[] | null {
  // fewest[i]: the fewest syllables that spell the word's first i letters; from[i]: where the last starts.
  const fewest = new Array<number>(word.length + 1).fill(Number.POSITIVE_INFINITY)
  const from = new Array<number>(word.length + 1).fill(-1)
  fewest[0] = 0
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
      if (fewest[start]! + 1 < fewest[end]! && syllables.has(word.slice(start, end))) {
        fewest[end] = fewest[start]! + 1
        from[end] = start
      }
    }
  }
  if (from[word.length] === -1) return null
  const split: string[] = []
  for (let end = word.length; end > 0; end = from[end]!) split.unshift(word.slice(from[end]!, end))
  return split
}
