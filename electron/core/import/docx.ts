import mammoth from 'mammoth'
import { ServiceError } from '../../shared/contract.ts'
import { htmlParagraphs } from './html.ts'
import { decodeEntities } from './markup.ts'
import type { Paragraph } from './paragraphs.ts'
import { unpackChecked } from './zip.ts'

/**
 * A Word document's paragraphs (headings by their Heading styles, through mammoth's HTML) and its
 * own date (last modified, else created, from `docProps/core.xml`). The archive is checked before
 * mammoth unpacks it.
 */
export async function docxParagraphs(
  bytes: Uint8Array,
  name: string,
): Promise<{ title: string | null; date: string | null; paragraphs: Paragraph[] }> {
  const files = unpackChecked(bytes, name)
  if (!files.has('word/document.xml'))
    throw new ServiceError('import-unsupported', `${name}: a ZIP file, but not a Word document`)
  const core = files.get('docProps/core.xml')?.toString('utf8') ?? ''
  const date =
    /<dcterms:modified\b[^>]*>(\d{4}-\d{2}-\d{2})/.exec(core)?.[1] ??
    /<dcterms:created\b[^>]*>(\d{4}-\d{2}-\d{2})/.exec(core)?.[1] ??
    null
  const title = decodeEntities(/<dc:title>([^<]+)<\/dc:title>/.exec(core)?.[1] ?? '').trim() || null
  let html: string
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value
  } catch (error) {
    throw new ServiceError(
      'import-unsupported',
      `${name}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  return { title, date, paragraphs: htmlParagraphs(html).paragraphs }
}
