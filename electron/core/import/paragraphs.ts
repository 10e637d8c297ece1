import type { BlockType, ContentLang } from '../../shared/model.ts'

/** A paragraph of one language as a file holds it, before it is paired with its translation. */
export interface Paragraph {
  type: BlockType
  text: string
}

const HAN = /\p{Script=Han}/gu
const LETTER = /\p{L}/gu

/**
 * The language a text is written in: Chinese when Han characters make up a fifth of its letters
 * (a Chinese paragraph names many things in Latin letters, GDP or a URL, and each letter counts).
 */
export function languageOf(text: string): ContentLang {
  const letters = text.match(LETTER)?.length ?? 0
  const han = text.match(HAN)?.length ?? 0
  return letters > 0 && han / letters >= 0.2 ? 'zh' : 'en'
}

/** Runs of whitespace (line breaks inside a paragraph included) become one space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Plain text: paragraphs are separated by blank lines, or, where there are none, by line breaks. */
export function plainTextParagraphs(text: string): Paragraph[] {
  const normalized = text.replace(/\r\n?/g, '\n')
  const chunks = /\n[ \t]*\n/.test(normalized)
    ? normalized.split(/\n[ \t]*\n/)
    : normalized.split('\n')
  return chunks
    .map(collapseWhitespace)
    .filter(Boolean)
    .map((text) => ({ type: 'paragraph', text }))
}
