import { decodeEntities } from './markup.ts'
import { collapseWhitespace, type Paragraph } from './paragraphs.ts'

const HEADING_MARK = '\u0001'
const ITEM_MARK = '\u0002'
const BLOCK_TAGS =
  'p|div|section|article|main|aside|header|footer|blockquote|figure|figcaption|caption|table|thead|tbody|tr|td|th|ul|ol|dl|dt|dd|pre|hr|br|body|html|address|center'

/**
 * The paragraphs of an HTML page (or of the HTML mammoth makes of a DOCX): every block element
 * ends one, `<h1>`…`<h6>` are headings and `<li>` list items; scripts, styles, navigation and the
 * `<head>` are left out. The `<title>`, if any, is returned apart.
 */
export function htmlParagraphs(html: string): { title: string | null; paragraphs: Paragraph[] } {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)
  const title = titleMatch ? collapseWhitespace(decodeEntities(titleMatch[1]!)) || null : null
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|noscript|template|nav|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<h[1-6]\b[^>]*>/gi, `\n\n${HEADING_MARK}`)
    .replace(/<li\b[^>]*>/gi, `\n\n${ITEM_MARK}`)
    .replace(/<\/(?:h[1-6]|li)\s*>/gi, '\n\n')
    .replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n\n')
    .replace(/<[^>]*>/g, '')
  const paragraphs: Paragraph[] = []
  for (const chunk of text.split(/\n\s*\n/)) {
    const words = collapseWhitespace(decodeEntities(chunk.replace(/[\u0001\u0002]/g, '')))
    if (!words) continue
    const type = chunk.includes(HEADING_MARK)
      ? 'heading'
      : chunk.includes(ITEM_MARK)
        ? 'list-item'
        : 'paragraph'
    paragraphs.push({ type, text: words })
  }
  return { title, paragraphs }
}
