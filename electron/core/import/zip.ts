import { inflateRawSync } from 'node:zlib'
import { ServiceError } from '../../shared/contract.ts'

/** Most a DOCX or EPUB may unpack to, and most entries it may have: a real one is a few megabytes. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024
const MAX_ENTRIES = 5_000
/** Deflate rarely packs XML more than 30 to 1; a large entry packed far tighter is a bomb. */
const MAX_RATIO = 200
const LARGE_ENTRY = 1024 * 1024

interface Entry {
  name: string
  method: number
  compressedSize: number
  size: number
  headerOffset: number
}

/**
 * Checks a ZIP archive before a parser unpacks it: its directory must be readable, and every
 * entry, actually inflated under a cap, must be as large as it says, within the total allowed and
 * not packed suspiciously tight (a zip bomb disguised as a DOCX or EPUB). Answers the entries' contents.
 */
export function unpackChecked(bytes: Uint8Array, name: string): Map<string, Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const entries = readDirectory(buffer, name)
  if (entries.length > MAX_ENTRIES)
    throw new ServiceError('import-unsafe-archive', `${name}: ${entries.length} entries`)
  const files = new Map<string, Buffer>()
  let total = 0
  for (const entry of entries) {
    total += entry.size
    if (total > MAX_UNPACKED_BYTES)
      throw new ServiceError(
        'import-unsafe-archive',
        `${name}: unpacks to over ${MAX_UNPACKED_BYTES} bytes`,
      )
    if (entry.size > LARGE_ENTRY && entry.size > entry.compressedSize * MAX_RATIO)
      throw new ServiceError(
        'import-unsafe-archive',
        `${name}: ${entry.name} packed ${Math.round(entry.size / Math.max(1, entry.compressedSize))} to 1`,
      )
    files.set(entry.name, contentOf(buffer, entry, name))
  }
  return files
}

function readDirectory(buffer: Buffer, name: string): Entry[] {
  const notZip = () => new ServiceError('import-binary', `${name}: not a ZIP archive (DOCX, EPUB)`)
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end + 22 > buffer.length) throw notZip()
  const count = buffer.readUInt16LE(end + 10)
  let at = buffer.readUInt32LE(end + 16)
  const entries: Entry[] = []
  for (let k = 0; k < count; k++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw notZip()
    const nameLength = buffer.readUInt16LE(at + 28)
    const extra = buffer.readUInt16LE(at + 30)
    const comment = buffer.readUInt16LE(at + 32)
    entries.push({
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      headerOffset: buffer.readUInt32LE(at + 42),
    })
    at += 46 + nameLength + extra + comment
  }
  return entries
}

function contentOf(buffer: Buffer, entry: Entry, name: string): Buffer {
  const at = entry.headerOffset
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50)
    throw new ServiceError('import-binary', `${name}: damaged ZIP entry ${entry.name}`)
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28)
  const data = buffer.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data
  if (entry.method !== 8)
    throw new ServiceError('import-unsupported', `${name}: ZIP compression method ${entry.method}`)
  try {
    // One byte more than declared: an entry that lies about its size overflows and is refused.
    const content = inflateRawSync(data, { maxOutputLength: entry.size + 1 })
    if (content.length !== entry.size) throw new Error('size differs from the directory')
    return content
  } catch (error) {
    throw new ServiceError(
      'import-unsafe-archive',
      `${name}: ${entry.name}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
