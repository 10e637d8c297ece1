import { setImmediate as nextTurn } from 'node:timers/promises'
import { alignParagraphs, alignSentences, type AlignOptions } from '../../shared/align/align.ts'
import { ServiceError } from '../../shared/contract.ts'
import { IMPORT_EXTENSIONS, MAX_IMPORT_FILE_BYTES } from '../../shared/import-upload.ts'
import {
  MAX_IMPORT_BLOCKS,
  type ImportFormat,
  type ImportProposal,
  type ImportWarning,
  type ProposedBlock,
} from '../../shared/imports.ts'
import type { BlockType, ContentLang } from '../../shared/model.ts'
import { decodeText } from './decode.ts'
import { docxParagraphs } from './docx.ts'
import { epubParagraphs } from './epub.ts'
import { htmlParagraphs } from './html.ts'
import { markdownParagraphs } from './markdown.ts'
import { languageOf, plainTextParagraphs, type Paragraph } from './paragraphs.ts'
import { tmxUnits, type BilingualFile, type BilingualUnit } from './tmx.ts'
import { xliffUnits } from './xliff.ts'

export interface ImportFile {
  name: string
  bytes: Uint8Array
  /** When the file was last changed (YYYY-MM-DD), its date where its content names none. */
  modified: string | null
}

export interface ImportOptions extends AlignOptions {
  /** Aborting it stops the import at the next block with an `import-cancelled` error. */
  signal?: AbortSignal
  /** Called as blocks are aligned: how many of how many. */
  onProgress?: (done: number, total: number) => void
}

/** A pair of paragraphs (or groups of them) that translate each other, before sentence alignment. */
interface PairedUnit extends BilingualUnit {
  type: BlockType
  confidence: number
}

/** Most characters one side of a block holds, as `Document` allows. */
const MAX_BLOCK_CHARS = 20_000
/** A paragraph pairing the aligner is less sure of than this is counted in a warning. */
const LOW_CONFIDENCE = 0.2
/** Blocks aligned between two looks at the event loop: a cancel or an IPC call waits no longer. */
const BLOCKS_PER_TURN = 20

/**
 * The import pipeline: one bilingual file (TMX, XLIFF, or Markdown / text / HTML / DOCX whose
 * paragraphs alternate languages) or a pair of files, one per language (EPUB too), made into the blocks of a
 * document with their paragraph pairing and sentence pairs proposed by the aligner. It saves
 * nothing; bad input is refused with an `import-*` error code.
 */
export async function proposeImport(
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportProposal> {
  if (files.length < 1 || files.length > 2)
    throw new ServiceError('import-unsupported', `${files.length} files: import one file or a pair`)
  for (const file of files) {
    if (file.bytes.length > MAX_IMPORT_FILE_BYTES)
      throw new ServiceError(
        'import-too-large',
        `${file.name}: ${file.bytes.length.toLocaleString('en')} bytes, at most ${MAX_IMPORT_FILE_BYTES.toLocaleString('en')}`,
      )
    if (file.bytes.length === 0) throw new ServiceError('import-empty', file.name)
  }
  const formats = files.map(formatOf)
  const warnings: ImportWarning[] = []
  let units: PairedUnit[]
  let titles: Partial<Record<ContentLang, string>> = {}
  let date: string | null = null
  if (
    formats[0] === 'tmx' ||
    formats[0] === 'xliff' ||
    formats[1] === 'tmx' ||
    formats[1] === 'xliff'
  ) {
    if (files.length > 1)
      throw new ServiceError(
        'import-unsupported',
        'a TMX or XLIFF file holds both languages: import it alone',
      )
    const text = decoded(files[0]!, warnings)
    const bilingual: BilingualFile =
      formats[0] === 'tmx' ? tmxUnits(text, files[0]!.name) : xliffUnits(text, files[0]!.name)
    if (bilingual.skipped)
      warnings.push({ code: 'unpaired-skipped', detail: String(bilingual.skipped) })
    units = bilingual.units.map((unit) => ({ ...unit, type: 'paragraph', confidence: 1 }))
    date = bilingual.date
  } else {
    const read = await Promise.all(
      files.map((file, k) => readParagraphs(file, formats[k]!, warnings)),
    )
    date = read.find((r) => r.date)?.date ?? null
    if (read.length === 1) units = alternating(read[0]!.paragraphs, files[0]!.name, warnings)
    else {
      const langs = read.map((r) => languageOf(r.paragraphs.map((p) => p.text).join('\n')))
      if (langs[0] === langs[1])
        throw new ServiceError(
          'import-mismatched-languages',
          `${files[0]!.name} and ${files[1]!.name} are both ${langs[0] === 'en' ? 'English' : 'Chinese'}`,
        )
      const [en, zh] = langs[0] === 'en' ? [read[0]!, read[1]!] : [read[1]!, read[0]!]
      titles = { en: en.title ?? undefined, zh: zh.title ?? undefined }
      await nextTurn()
      if (options.signal?.aborted) throw new ServiceError('import-cancelled', 'cancelled')
      units = paired(en.paragraphs, zh.paragraphs, options, warnings)
    }
  }
  date ??= files.find((file) => file.modified)?.modified ?? null
  if (units.length > MAX_IMPORT_BLOCKS)
    throw new ServiceError(
      'import-too-many-units',
      `${units.length.toLocaleString('en')} paragraphs, at most ${MAX_IMPORT_BLOCKS.toLocaleString('en')}`,
    )
  const long = units.find(
    (unit) => unit.en.length > MAX_BLOCK_CHARS || unit.zh.length > MAX_BLOCK_CHARS,
  )
  if (long)
    throw new ServiceError(
      'import-too-large',
      `a paragraph of ${Math.max(long.en.length, long.zh.length).toLocaleString('en')} characters, at most ${MAX_BLOCK_CHARS.toLocaleString('en')}`,
    )
  const blocks = await alignBlocks(units, options)
  const unsure = blocks.filter((block) => block.confidence < LOW_CONFIDENCE).length
  if (unsure) warnings.push({ code: 'low-confidence', detail: String(unsure) })
  const heading = blocks.find((block) => block.type === 'heading')
  if (!heading && !titles.en && !titles.zh) warnings.push({ code: 'no-heading', detail: '' })
  const stem = files[0]!.name.replace(/\.[^.]+$/, '') || files[0]!.name
  return {
    title: {
      en: clip(heading?.en ?? titles.en ?? stem),
      zh: clip(heading?.zh ?? titles.zh ?? stem),
    },
    date,
    format: formats[0]!,
    files: files.map((file) => file.name.slice(-200)),
    blocks,
    warnings,
  }
}

function formatOf(file: ImportFile): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''
  const format = Object.hasOwn(IMPORT_EXTENSIONS, extension)
    ? IMPORT_EXTENSIONS[extension]
    : undefined
  if (!format)
    throw new ServiceError('import-unsupported', `${file.name}: .${extension || '(no extension)'}`)
  return format
}

function decoded(file: ImportFile, warnings: ImportWarning[]): string {
  const { text, encoding } = decodeText(file.bytes, file.name)
  if (encoding !== 'utf-8')
    warnings.push({ code: 'encoding-converted', detail: `${file.name}: ${encoding}` })
  return text
}

async function readParagraphs(
  file: ImportFile,
  format: ImportFormat,
  warnings: ImportWarning[],
): Promise<{ paragraphs: Paragraph[]; title: string | null; date: string | null }> {
  let read: { paragraphs: Paragraph[]; title: string | null; date: string | null }
  if (format === 'docx') read = await docxParagraphs(file.bytes, file.name)
  else if (format === 'epub') read = epubParagraphs(file.bytes, file.name)
  else {
    const text = decoded(file, warnings)
    if (format === 'html') read = { ...htmlParagraphs(text), date: null }
    else
      read = {
        paragraphs: format === 'markdown' ? markdownParagraphs(text) : plainTextParagraphs(text),
        title: null,
        date: null,
      }
  }
  if (!read.paragraphs.length) throw new ServiceError('import-empty', `${file.name}: no paragraphs`)
  return read
}

/** One file whose paragraphs alternate languages: each English one and the Chinese one beside it. */
function alternating(
  paragraphs: Paragraph[],
  name: string,
  warnings: ImportWarning[],
): PairedUnit[] {
  const units: PairedUnit[] = []
  let skipped = 0
  for (let k = 0; k < paragraphs.length;) {
    const first = paragraphs[k]!
    const second = paragraphs[k + 1]
    const firstLang = languageOf(first.text)
    if (second && languageOf(second.text) !== firstLang) {
      const [en, zh] = firstLang === 'en' ? [first, second] : [second, first]
      const type = en.type === 'heading' || zh.type === 'heading' ? 'heading' : en.type
      units.push({ en: en.text, zh: zh.text, pairs: null, type, confidence: 1 })
      k += 2
    } else {
      skipped++
      k++
    }
  }
  if (!units.length)
    throw new ServiceError(
      'import-mismatched-languages',
      `${name}: its paragraphs are all in one language; add the translation as a second file`,
    )
  if (skipped) warnings.push({ code: 'unpaired-skipped', detail: String(skipped) })
  return units
}

/** Two files' paragraphs paired by the aligner, a group where a translation split or merged some. */
function paired(
  en: Paragraph[],
  zh: Paragraph[],
  options: AlignOptions,
  warnings: ImportWarning[],
): PairedUnit[] {
  const beads = alignParagraphs(
    en.map((p) => p.text),
    zh.map((p) => p.text),
    options,
  )
  if (!beads)
    throw new ServiceError(
      'import-unaligned',
      `${en.length} English paragraphs and ${zh.length} Chinese ones`,
    )
  const merged = beads.filter((bead) => bead.en[1] > 1 || bead.zh[1] > 1).length
  if (merged) warnings.push({ code: 'paragraphs-merged', detail: String(merged) })
  return beads.map(({ en: [i, a], zh: [j, b], confidence }) => {
    const enGroup = en.slice(i, i + a)
    const zhGroup = zh.slice(j, j + b)
    const type: BlockType =
      a === 1 && b === 1
        ? enGroup[0]!.type
        : [...enGroup, ...zhGroup].every((p) => p.type === 'heading')
          ? 'heading'
          : 'paragraph'
    return {
      en: enGroup.map((p) => p.text).join(' '),
      zh: zhGroup.map((p) => p.text).join(''),
      pairs: null,
      type,
      confidence,
    }
  })
}

async function alignBlocks(units: PairedUnit[], options: ImportOptions): Promise<ProposedBlock[]> {
  const blocks: ProposedBlock[] = []
  for (const unit of units) {
    if (blocks.length % BLOCKS_PER_TURN === 0) {
      options.onProgress?.(blocks.length, units.length)
      await nextTurn()
      if (options.signal?.aborted) throw new ServiceError('import-cancelled', 'cancelled')
    }
    const pairs = unit.pairs
      ? unit.pairs.map((pair) => ({ ...pair, confidence: 1 }))
      : unit.type === 'heading'
        ? [{ en: unit.en, zh: unit.zh, confidence: unit.confidence }]
        : alignSentences(unit.en, unit.zh, options)
    blocks.push({ type: unit.type, en: unit.en, zh: unit.zh, confidence: unit.confidence, pairs })
  }
  options.onProgress?.(units.length, units.length)
  return blocks
}

function clip(title: string): string {
  return title.length > 200 ? `${title.slice(0, 199)}…` : title
}
