/**
 * Each toneless pinyin syllable, with the Han characters of an index read that way: what a word
 * typed in pinyin can stand for. Built with the index (pinyin-pro takes a tenth of a millisecond a
 * character) and shipped with it.
 */
export type Readings = Record<string, string>

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
