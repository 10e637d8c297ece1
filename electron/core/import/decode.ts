import chardet from 'chardet'
import iconv from 'iconv-lite'
import { ServiceError } from '../../shared/contract.ts'

export interface DecodedText {
  text: string
  /** The encoding the bytes were read in, as iconv-lite names it. */
  encoding: string
}

/** Encodings a Chinese or English text file may come in besides UTF-8, as chardet names them. */
const LEGACY = new Map([
  ['GB18030', 'gb18030'],
  ['Big5', 'big5'],
  ['ISO-8859-1', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
])

/** Controls other than tab, line feed, form feed and carriage return: no text file holds many. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

/**
 * Reads a text file's bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is
 * UTF-8; else chardet tells GB18030 (GBK's superset) from Big5 and Latin-1. A file with NUL bytes
 * and no UTF-16 mark, or whose text is mostly control characters, is binary and refused.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (bytes.length === 0) throw new ServiceError('import-empty', name)
  const bom = byteOrderMark(bytes)
  if (bom)
    return checkText(
      iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding),
      bom.encoding,
      name,
    )
  if (bytes.includes(0)) throw new ServiceError('import-binary', `${name}: NUL bytes`)
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8', name)
  } catch (error) {
    if (error instanceof ServiceError) throw error
  }
  const detected = chardet
    .analyse(bytes)
    .map((match) => LEGACY.get(match.name))
    .find((encoding) => encoding !== undefined)
  if (!detected) throw new ServiceError('import-binary', `${name}: no known text encoding`)
  return checkText(iconv.decode(Buffer.from(bytes), detected), detected, name)
}

function byteOrderMark(bytes: Uint8Array): { length: number; encoding: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { length: 3, encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { length: 2, encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, encoding: 'utf-16be' }
  return null
}

function checkText(text: string, encoding: string, name: string): DecodedText {
  if (!text.trim()) throw new ServiceError('import-empty', name)
  const controls = text.match(CONTROL)?.length ?? 0
  // A stray control character is an editor's slip; a few in a hundred is not text.
  if (controls > text.length / 100)
    throw new ServiceError('import-binary', `${name}: control characters`)
  return { text: text.replace(CONTROL, ''), encoding }
}
