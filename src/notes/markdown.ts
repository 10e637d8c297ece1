/**
 * The Markdown subset notes may use: paragraphs, "- " lists, **bold**, *italic*, `code` and
 * [links](https://…). The result is a tree of plain values that components render as text nodes:
 * nothing here ever becomes HTML, and only https links become links.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'code'; text: string }
  | { type: 'link'; text: string; href: string }

export type NoteBlock = { type: 'p'; lines: Inline[][] } | { type: 'ul'; items: Inline[][] }

const INLINE = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g

export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null
  } catch {
    return null
  }
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let at = 0
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) out.push({ type: 'text', text: text.slice(at, match.index) })
    const [whole, strong, em, code, label, href] = match
    if (strong !== undefined) out.push({ type: 'strong', text: strong })
    else if (em !== undefined) out.push({ type: 'em', text: em })
    else if (code !== undefined) out.push({ type: 'code', text: code })
    else {
      const safe = safeHref(href!)
      out.push(safe ? { type: 'link', text: label!, href: safe } : { type: 'text', text: whole })
    }
    at = match.index + whole.length
  }
  if (at < text.length) out.push({ type: 'text', text: text.slice(at) })
  return out
}

export function parseNote(note: string): NoteBlock[] {
  const blocks: NoteBlock[] = []
  for (const chunk of note.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((l) => l.trim())
    if (!lines.length) continue
    if (lines.every((l) => /^\s*[-*] /.test(l))) {
      blocks.push({ type: 'ul', items: lines.map((l) => parseInline(l.replace(/^\s*[-*] /, ''))) })
    } else {
      blocks.push({ type: 'p', lines: lines.map(parseInline) })
    }
  }
  return blocks
}
