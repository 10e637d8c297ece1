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

/** A literal string as a regular-expression pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
