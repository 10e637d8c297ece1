import { MAX_IMPORT_CHUNK } from './annotations.ts'
import type { Result } from './contract.ts'
import type { ImportFormat } from './imports.ts'
import type { ReaderApi } from './make-api.ts'

/**
 * The most bytes one file to import may hold (a DOCX included), checked before it is read. Here,
 * with no schema beside it, so that the renderer checks it without loading the import schemas.
 */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024
/**
 * The most files one batch may hold (chosen in a picker or dropped at once): well above the
 * thousands of documents a person imports, well below what would flood main with paths.
 */
export const MAX_IMPORT_BATCH_FILES = 5_000
/** Base64 characters of the largest file to import, the most one upload may send. */
export const MAX_IMPORT_UPLOAD_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4

/**
 * The file name extensions the import reads, and as what: what the file choosers offer. Here, with
 * no schema beside it, so that the page's chooser names them without loading the import schemas.
 */
export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  epub: 'epub',
  tmx: 'tmx',
  xlf: 'xliff',
  xliff: 'xliff',
}

type Piece = { uploadId: string; index: number; chunk: string }

/** Sends a text in pieces small enough for one IPC message each; answers its upload id. */
async function uploadInPieces(
  content: string,
  send: (piece: Piece) => Promise<Result<null>>,
): Promise<Result<string>> {
  const uploadId = crypto.randomUUID()
  // An empty file is one empty piece, so that main hears of it and answers what it is not.
  for (let index = 0, at = 0; index === 0 || at < content.length; index++, at += MAX_IMPORT_CHUNK) {
    const sent = await send({ uploadId, index, chunk: content.slice(at, at + MAX_IMPORT_CHUNK) })
    if (!sent.ok) return sent
  }
  return { ok: true, value: uploadId }
}

/** Sends a notes file to import (`annotations:importChunk`). */
export function uploadImport(api: ReaderApi, content: string): Promise<Result<string>> {
  return uploadInPieces(content, (piece) => api.annotations.importChunk(piece))
}

/** Sends the bytes of a document to import (`documents:uploadChunk`), as base64: IPC carries text. */
export function uploadDocument(api: ReaderApi, bytes: Uint8Array): Promise<Result<string>> {
  return uploadInPieces(toBase64(bytes), (piece) => api.documents.uploadChunk(piece))
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}
