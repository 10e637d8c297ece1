import { pinyin } from 'pinyin-pro'
import type { Readings } from './pinyin.ts'

// Apart from the pinyin splitting queries need, so that what runs in the page does not carry
// pinyin-pro: readings are made with the index (and by the engine for an index without them).

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
