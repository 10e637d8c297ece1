import { collapseWhitespace, type Paragraph } from './paragraphs.ts'

const HEADING = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/
const FENCE = /^ {0,3}(?:```|~~~)/

/**
 * The paragraphs of a Markdown file as a reader shows them: ATX headings (`#`), list items, and
 * paragraphs separated by blank lines, with inline markup reduced to its text. Code blocks, tables'
 * rules, thematic breaks, HTML comments and front matter are not prose and are left out.
 */
export function markdownParagraphs(source: string): Paragraph[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
  const paragraphs: Paragraph[] = []
  let open: Paragraph | null = null
  let inFence = false
  const close = () => {
    if (open) {
      const text = inlineText(open.text)
      if (text) paragraphs.push({ type: open.type, text })
    }
    open = null
  }
  for (const line of lines) {
    if (FENCE.test(line)) {
      close()
      inFence = !inFence
      continue
    }
    if (inFence) continue
    const heading = HEADING.exec(line)
    const item = LIST_ITEM.exec(line)
    if (
      !line.trim() ||
      /^ {0,3}(?:[-*_]\s*){3,}$/.test(line) ||
      /^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(line)
    )
      close()
    else if (heading) {
      close()
      open = { type: 'heading', text: heading[1]! }
      close()
    } else if (item) {
      close()
      open = { type: 'list-item', text: item[1]! }
    } else if (open) open.text += `\n${line}`
    else open = { type: 'paragraph', text: line.replace(/^ {0,3}>\s?/, '') }
  }
  close()
  return paragraphs
}

/** Emphasis, code spans, links and images reduced to their words; escapes undone. */
function inlineText(markdown: string): string {
  return collapseWhitespace(
    markdown
      .replace(/^ {0,3}>\s?/gm, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/`+([^`]+)`+/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/\|/g, ' ')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'),
  )
}
