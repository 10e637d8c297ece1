import type { StoredBlock } from './options.ts'
import type { Readings } from './pinyin.ts'

/**
 * The shipped search index as one text of ASCII: a line of JSON that identifies the index and sizes
 * its parts, then one binary buffer in base64. Loading parses the short line and decodes the
 * buffer; the postings are then views over it, not millions of objects out of a parsed MiniSearch
 * index (which took seconds at 10,000 documents). Every string (the terms, the blocks' stored
 * fields, the pinyin readings) is in the buffer too, as UTF-8: a text with Chinese in it is a
 * string of two-byte characters, whose base64 decodes several times slower.
 *
 * The buffer, in the platform's byte order (little-endian wherever the app runs; `MAGIC` tells):
 *   Uint32 MAGIC
 *   Uint32 count[terms]       how many blocks each term's list has
 *   Float32 rest[terms]       each list's `rest` (see `TermPostings`), 0 for a list without a top tier
 *   Int32 docs[postings]      every list's blocks (short ids), ascending within a list, list after list
 *   Float32 impacts[postings] each block's score for the term (`RankedIndex`)
 *   Uint32 doc[blocks]        each block's document, an index into the document ids
 *   Uint8 fields[postings]    the fields the term occurs in there (`FIELD_BIT`)
 *   Uint8 type[blocks]        each block's type, an index into the types
 *   UTF-8 strings             NUL-separated: the terms, the document ids, the types, then per block
 *                             its id, English and Chinese, then each reading's syllable and characters
 *   zeros                     up to a multiple of 4 bytes
 * The header holds a checksum of the buffer's 32-bit words (`checksum`): a file altered anywhere
 * does not load, rather than loading wrong scores or blocks.
 */
export interface IndexParts {
  hash: string
  /** The blocks by short id (0 to blocks − 1). */
  blocks: StoredBlock[]
  /** MiniSearch's average length of each field, in `INDEX_FIELDS` order. */
  averageFieldLength: number[]
  terms: string[]
  counts: Uint32Array
  rests: Float32Array
  docs: Int32Array
  impacts: Float32Array
  fields: Uint8Array
  readings: Readings
}

/** What the first line holds. */
interface Header {
  hash: string
  format: typeof FORMAT
  bytes: number
  terms: number
  postings: number
  blocks: number
  documents: number
  types: number
  readings: number
  /** The bytes of UTF-8 strings. */
  utf8: number
  checksum: number
  averageFieldLength: number[]
}

const FORMAT = 2
/** "SRCH" read as a little-endian Uint32: a buffer written in the other byte order reads otherwise. */
const MAGIC = 0x48435253
const FIELD_BITS = 0b1111
const SEPARATOR = '\0'
/** How far a header without a line break is looked for. */
const HEADER_SCAN = 1 << 20

/** A shipped index that cannot be read: truncated, altered, or not an index at all. */
export class DamagedIndexError extends Error {
  constructor(reason: string) {
    super(`the search index is damaged (${reason})`)
    this.name = 'DamagedIndexError'
  }
}

export function encodeIndex(parts: IndexParts): string {
  const { terms, counts, rests, docs, impacts, fields, blocks } = parts
  const docIds: string[] = []
  const docIndex = new Map<string, number>()
  const types: string[] = []
  const docOf = new Uint32Array(blocks.length)
  const typeOf = new Uint8Array(blocks.length)
  blocks.forEach((block, i) => {
    if (!docIndex.has(block.docId)) docIndex.set(block.docId, docIds.push(block.docId) - 1)
    if (!types.includes(block.type)) types.push(block.type)
    docOf[i] = docIndex.get(block.docId)!
    typeOf[i] = types.indexOf(block.type)
  })
  const readings = Object.entries(parts.readings)
  const strings = [
    ...terms,
    ...docIds,
    ...types,
    ...blocks.flatMap((block) => [block.blockId, block.en, block.zh]),
    ...readings.flat(),
  ]
  if (strings.some((string) => string.includes(SEPARATOR))) {
    throw new Error('a string of the index holds a NUL character')
  }
  const utf8 = new TextEncoder().encode(strings.join(SEPARATOR))
  const numbers = 4 + 8 * terms.length + 8 * docs.length + 4 * blocks.length
  const bytes = (numbers + docs.length + blocks.length + utf8.length + 3) & ~3
  const buffer = new ArrayBuffer(bytes)
  let at = 0
  const put = <T extends Uint32Array | Float32Array | Int32Array | Uint8Array>(
    make: new (buffer: ArrayBuffer, offset: number, length: number) => T,
    values: ArrayLike<number>,
    size: number,
  ) => {
    new make(buffer, at, values.length).set(values)
    at += values.length * size
  }
  put(Uint32Array, [MAGIC], 4)
  put(Uint32Array, counts, 4)
  put(Float32Array, rests, 4)
  put(Int32Array, docs, 4)
  put(Float32Array, impacts, 4)
  put(Uint32Array, docOf, 4)
  put(Uint8Array, fields, 1)
  put(Uint8Array, typeOf, 1)
  put(Uint8Array, utf8, 1)
  const header: Header = {
    hash: parts.hash,
    format: FORMAT,
    bytes,
    terms: terms.length,
    postings: docs.length,
    blocks: blocks.length,
    documents: docIds.length,
    types: types.length,
    readings: readings.length,
    utf8: utf8.length,
    checksum: checksum(new Uint32Array(buffer)),
    averageFieldLength: parts.averageFieldLength,
  }
  return `${JSON.stringify(header)}\n${toBase64(new Uint8Array(buffer))}`
}

/**
 * The hash of an index text, read from its first line only (and the length of the rest checked
 * against it: a file cut short has none); null when there is none.
 */
export function indexHash(text: string): string | null {
  try {
    return decodeHash(text)
  } catch {
    return null
  }
}

/** The hash of an index text (see `indexHash`); throws `DamagedIndexError` where there is none. */
export function decodeHash(text: string): string {
  const end = text.indexOf('\n')
  // An index of another format (a JSON object, once) may have no line break at all.
  return readHeader(text, end < 0 ? Math.min(text.length, HEADER_SCAN) : end).hash
}

/**
 * The parts of an index text, checked: every count, every block id and every field against the
 * header, so that a damaged file is an error rather than wrong results.
 */
export function decodeIndex(text: string): IndexParts {
  const end = text.indexOf('\n')
  const header = readHeader(text, end)
  if (header.format !== FORMAT) throw new DamagedIndexError(`format ${String(header.format)}`)
  let bytes: Uint8Array
  try {
    bytes = fromBase64(text.slice(end + 1))
  } catch {
    throw new DamagedIndexError('the postings are not base64')
  }
  if (bytes.length !== header.bytes) throw new DamagedIndexError('the postings are cut short')
  // Typed arrays over the buffer need their offsets aligned to 4.
  if (bytes.byteOffset % 4) bytes = bytes.slice()
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
  if (checksum(words) !== header.checksum)
    throw new DamagedIndexError('its checksum does not match')
  const { terms, postings, blocks } = header
  let at = bytes.byteOffset
  const view = <T>(
    make: new (buffer: ArrayBuffer, offset: number, length: number) => T,
    n: number,
    size: number,
  ) => {
    if (!Number.isInteger(n) || n < 0 || at + n * size > bytes.byteOffset + bytes.length) {
      throw new DamagedIndexError('its parts do not fit')
    }
    const array = new make(bytes.buffer as ArrayBuffer, at, n)
    at += n * size
    return array
  }
  if (view(Uint32Array, 1, 4)[0] !== MAGIC) throw new DamagedIndexError('wrong byte order or magic')
  const counts = view(Uint32Array, terms, 4)
  const rests = view(Float32Array, terms, 4)
  const docs = view(Int32Array, postings, 4)
  const impacts = view(Float32Array, postings, 4)
  const docOf = view(Uint32Array, blocks, 4)
  const fields = view(Uint8Array, postings, 1)
  const typeOf = view(Uint8Array, blocks, 1)
  const utf8 = view(Uint8Array, header.utf8, 1)
  let strings: string[]
  try {
    strings = new TextDecoder('utf-8', { fatal: true }).decode(utf8).split(SEPARATOR)
  } catch {
    throw new DamagedIndexError('its strings are not UTF-8')
  }
  const { documents, types, readings } = header
  if (strings.length !== terms + documents + types + 3 * blocks + 2 * readings) {
    throw new DamagedIndexError('its strings do not match its header')
  }
  let next = 0
  const take = (n: number) => strings.slice(next, (next += n))
  const parts: IndexParts = {
    hash: header.hash,
    blocks: [],
    averageFieldLength: header.averageFieldLength,
    terms: take(terms),
    counts,
    rests,
    docs,
    impacts,
    fields,
    readings: {},
  }
  checkPostings(parts, blocks)
  const docIds = take(documents)
  const typeNames = take(types)
  for (let i = 0; i < blocks; i++) {
    const docId = docIds[docOf[i]!]
    const type = typeNames[typeOf[i]!]
    if (docId === undefined || type === undefined)
      throw new DamagedIndexError(`block ${i} is not whole`)
    parts.blocks.push({
      docId,
      type,
      blockId: strings[next]!,
      en: strings[next + 1]!,
      zh: strings[next + 2]!,
    })
    next += 3
  }
  for (let i = 0; i < readings; i++, next += 2) parts.readings[strings[next]!] = strings[next + 1]!
  return parts
}

/** The first line of an index text, with its numbers checked; throws where there is none. */
function readHeader(text: string, end: number): Header {
  let header: Partial<Header>
  try {
    header = JSON.parse(end < 0 ? text : text.slice(0, end)) as Partial<Header>
  } catch {
    throw new DamagedIndexError('no header')
  }
  if (typeof header.hash !== 'string') throw new DamagedIndexError('no hash')
  if (header.format === FORMAT) {
    const counts = [
      header.bytes,
      header.utf8,
      header.checksum,
      header.terms,
      header.postings,
      header.blocks,
      header.documents,
      header.types,
      header.readings,
    ]
    if (
      !counts.every((n) => Number.isInteger(n) && n! >= 0) ||
      !Array.isArray(header.averageFieldLength)
    ) {
      throw new DamagedIndexError('its header is not whole')
    }
    if (end < 0 || text.length - end - 1 !== base64Length(header.bytes!)) {
      throw new DamagedIndexError('the postings are cut short')
    }
  }
  return header as Header
}

/** Every list ascending within the blocks, every score a positive number, every field known. */
function checkPostings({ counts, docs, impacts, fields }: IndexParts, blocks: number): void {
  let start = 0
  for (let term = 0; term < counts.length; term++) {
    const end = start + counts[term]!
    if (end > docs.length || end === start)
      throw new DamagedIndexError(`list ${term} is empty or too long`)
    let previous = -1
    for (let i = start; i < end; i++) {
      const doc = docs[i]!
      const impact = impacts[i]!
      const field = fields[i]!
      if (doc <= previous || doc >= blocks || !(impact > 0) || impact === Infinity) {
        throw new DamagedIndexError(`list ${term} has a wrong block or score`)
      }
      if (field === 0 || field & ~FIELD_BITS)
        throw new DamagedIndexError(`list ${term} has a wrong field`)
      previous = doc
    }
    start = end
  }
  if (start !== docs.length) throw new DamagedIndexError('postings are left over')
}

/**
 * Fletcher's sum over 32-bit words, folded to one: any word changed, or two swapped, changes it.
 * It only tells an altered file from a whole one; nothing here is secret.
 */
function checksum(words: Uint32Array): number {
  let a = 0
  let b = 0
  for (let i = 0; i < words.length; i++) {
    a = (a + words[i]!) | 0
    b = (b + a) | 0
  }
  return (Math.imul(a, 0x9e3779b1) ^ b) >>> 0
}

function base64Length(bytes: number): number {
  return bytes < 0 ? -1 : Math.ceil(bytes / 3) * 4
}

/** Node's Buffer, where there is one (the CLI, the bench, the app's main process). */
interface BufferLike {
  from(text: string, encoding: 'base64'): Uint8Array
  from(bytes: ArrayBuffer, offset: number, length: number): { toString(encoding: 'base64'): string }
}
const nodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer

/** The standard's base64 (in Chromium, the worker), else Node's Buffer, else atob, one byte at a time. */
function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64
  if (native) return native(text)
  if (nodeBuffer) return nodeBuffer.from(text, 'base64')
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as { toBase64?: () => string }).toBase64
  if (native) return native.call(bytes)
  if (nodeBuffer)
    return nodeBuffer
      .from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length)
      .toString('base64')
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
