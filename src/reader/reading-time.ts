import type { Block, ContentLang } from '../../electron/shared/model.ts'

/**
 * Typical silent reading speeds of adults: about 238 English words a minute (Brysbaert 2019,
 * https://doi.org/10.1016/j.jml.2019.104047) and about 255 Chinese characters a minute (the same
 * study's figure for Chinese). Good enough for "about 6 minutes left".
 */
export const READING_SPEED: Record<ContentLang, number> = { en: 238, zh: 255 }

const HAN_CHARS = /\p{Script=Han}/gu

/** How long a text takes to read, in minutes: words for English, characters for Chinese. */
export function readingMinutes(text: string, lang: ContentLang): number {
  if (lang === 'zh') {
    const han = text.match(HAN_CHARS)?.length ?? 0
    const latinWords = text.replace(HAN_CHARS, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
    return (han + latinWords) / READING_SPEED.zh
  }
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0) / READING_SPEED.en
}

/**
 * Minutes left from a reading position to the end of a document: the rest of the current block
 * (from `offset`, 0–1) and every block after it, each in the language the reader sees it in.
 */
export function minutesLeft(
  blocks: readonly Block[],
  index: number,
  offset: number,
  langOf: (block: Block) => ContentLang,
): number {
  let minutes = 0
  for (let i = Math.max(0, index); i < blocks.length; i++) {
    const block = blocks[i]!
    const whole = readingMinutes(block[langOf(block)], langOf(block))
    minutes += i === index ? whole * (1 - offset) : whole
  }
  return minutes
}
