const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu

/**
 * The form text is indexed and searched in: NFKC (full-width → half-width, compatibility forms),
 * lower case, and Latin diacritics folded (é → e), so "Ｊｉａｎｇｍｅｎ" and "jiangmen" meet.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, '$1')
    .normalize('NFC')
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
