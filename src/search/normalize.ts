import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs'
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters'

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu

/** OpenCC's character table ("from to|from to…"; the first of several candidates) as a map. */
function table(dictionary: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ')
    // A character whose Simplified form has another length stays, so that indexes still hold.
    if (from && to && from.length === to.length) map.set(from, to)
  }
  return map
}
/**
 * OpenCC's Traditional-to-Simplified conversion of one character: its compatibility forms
 * normalized, then its character table (phrases never apply to one character). Made on first use:
 * two maps of a few thousand entries, where OpenCC's converter builds its phrase tries too.
 */
let tables: [Map<string, string>, Map<string, string>] | null = null

function simplifiedChar(char: string): string {
  tables ??= [table(CJK_COMPATIBILITY), table(TS_CHARACTERS)]
  const normal = tables[0].get(char) ?? char
  return tables[1].get(normal) ?? normal
}

/**
 * Traditional characters in Simplified, one character at a time so that every index into the text
 * still holds (OpenCC's phrase rules could change a text's length). Only code units from U+2E80,
 * where the Han script begins, are looked at; a text with nothing to convert is returned as is.
 */
function toSimplified(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x2e80) continue
    const char = text[i]!
    const simplified = simplifiedChar(char)
    if (simplified === char) continue
    out += text.slice(from, i) + simplified
    from = i + 1
  }
  return from ? out + text.slice(from) : text
}

/**
 * The form text is indexed and searched in: NFKC (full-width → half-width, compatibility forms),
 * lower case, Latin diacritics folded (é → e) and Traditional Chinese in Simplified (開平 → 开平),
 * so "Ｊｉａｎｇｍｅｎ" and "jiangmen", 僑都 and 侨都 meet.
 */
export function normalize(text: string): string {
  return toSimplified(
    text
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(LATIN_WITH_MARKS, '$1')
      .normalize('NFC'),
  )
}

export const HAN = /\p{Script=Han}/u
export const HAN_RUN = /\p{Script=Han}+/gu
/** A word: letters and digits, possibly joined by inner hyphens, dots, commas or apostrophes. */
export const WORD = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu

const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** The length of the letter or digit starting at `at` (a code point: 1 or 2), or 0 if none is there. */
export function wordCharAt(text: string, at: number): number {
  if (at >= text.length) return 0
  const code = text.charCodeAt(at)
  if (code < 0x80) return isAsciiWordChar(code) ? 1 : 0
  const char = String.fromCodePoint(text.codePointAt(at)!)
  return WORD_CHAR.test(char) ? char.length : 0
}

/** Whether a letter or a digit ends just before `at`. */
export function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false
  const code = text.charCodeAt(at - 1)
  if (code < 0x80) return isAsciiWordChar(code)
  const lowSurrogate = code >= 0xdc00 && code <= 0xdfff && at >= 2
  return wordCharAt(text, lowSurrogate ? at - 2 : at - 1) > 0
}

function isAsciiWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a)
  )
}
