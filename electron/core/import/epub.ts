import { XMLValidator } from 'fast-xml-parser'
import { posix } from 'node:path'
import { ServiceError } from '../../shared/contract.ts'
import { htmlParagraphs } from './html.ts'
import { decodeEntities } from './markup.ts'
import { collapseWhitespace, type Paragraph } from './paragraphs.ts'
import { unpackChecked } from './zip.ts'

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html'])

/**
 * An EPUB's text, chapter by chapter in reading order: `META-INF/container.xml` names the package
 * (OPF), whose spine lists the chapters; each chapter's XHTML goes through the HTML reader. A
 * chapter that opens without a heading gets its `<title>` as one, so that every chapter starts a
 * section of the contents. Images, styles and notes outside the spine are left out. The archive is
 * checked (a zip bomb is refused) before anything is read from it.
 */
export function epubParagraphs(
  bytes: Uint8Array,
  name: string,
): { title: string | null; date: string | null; paragraphs: Paragraph[] } {
  const files = unpackChecked(bytes, name)
  const text = (path: string) => files.get(path)?.toString('utf8') ?? null
  const container = text('META-INF/container.xml')
  if (container === null)
    throw new ServiceError('import-unsupported', `${name}: a ZIP file, but not an EPUB`)
  checkXml(container, `${name}: META-INF/container.xml`)
  const opfPath = attribute(/<rootfile\b[^>]*>/.exec(container)?.[0] ?? '', 'full-path')
  const opf = opfPath ? text(opfPath) : null
  if (!opfPath || opf === null)
    throw new ServiceError('import-unsupported', `${name}: its package file is missing`)
  checkXml(opf, `${name}: ${opfPath}`)

  const items = new Map<string, { href: string; type: string }>()
  for (const [tag] of opf.matchAll(/<(?:\w+:)?item\b[^>]*>/g)) {
    const id = attribute(tag, 'id')
    const href = attribute(tag, 'href')
    if (id && href) items.set(id, { href, type: attribute(tag, 'media-type') ?? '' })
  }
  const base = posix.dirname(opfPath)
  const paragraphs: Paragraph[] = []
  for (const [tag] of opf.matchAll(/<(?:\w+:)?itemref\b[^>]*>/g)) {
    if (attribute(tag, 'linear') === 'no') continue
    const item = items.get(attribute(tag, 'idref') ?? '')
    if (!item || !CHAPTER_TYPES.has(item.type)) continue
    const path = posix.normalize(posix.join(base, safeDecode(item.href.replace(/#.*$/, ''))))
    const chapter = text(path)
    if (chapter === null) continue
    const read = htmlParagraphs(chapter)
    if (read.paragraphs[0] && read.paragraphs[0].type !== 'heading' && read.title)
      paragraphs.push({ type: 'heading', text: read.title })
    paragraphs.push(...read.paragraphs)
  }
  return { title: metadata(opf, 'title'), date: bookDate(opf), paragraphs }
}

function checkXml(xml: string, where: string): void {
  if (/<!ENTITY/i.test(xml))
    throw new ServiceError('import-invalid-xml', `${where}: an entity declaration`)
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new ServiceError(
      'import-invalid-xml',
      `${where}: line ${valid.err.line}: ${valid.err.msg}`,
    )
}

function attribute(tag: string, key: string): string | null {
  const value = new RegExp(`\\s${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  return value ? decodeEntities(value[1] ?? value[2] ?? '') : null
}

function metadata(opf: string, element: string): string | null {
  const value = new RegExp(`<dc:${element}\\b[^>]*>([\\s\\S]*?)</dc:${element}>`).exec(opf)?.[1]
  return value ? collapseWhitespace(decodeEntities(value.replace(/<[^>]*>/g, ''))) || null : null
}

/** The book's own date: when it was last changed (EPUB 3), else its publication date. */
function bookDate(opf: string): string | null {
  const modified = /<meta\b[^>]*property="dcterms:modified"[^>]*>\s*(\d{4}-\d{2}-\d{2})/.exec(opf)
  return modified?.[1] ?? /^\d{4}-\d{2}-\d{2}/.exec(metadata(opf, 'date') ?? '')?.[0] ?? null
}

function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href)
  } catch {
    return href
  }
}
