import { MAX_IMPORT_CHARS } from '../shared/annotations.ts'
import { ServiceError } from '../shared/contract.ts'

/**
 * A file to import, received in pieces: one IPC message stays small whatever the size of the export,
 * and the whole is checked against the longest export the app could have written.
 */
export class ImportUploads {
  private current: { id: string; chunks: string[]; length: number } | null = null

  append({ uploadId, index, chunk }: { uploadId: string; index: number; chunk: string }): null {
    if (index === 0) this.current = { id: uploadId, chunks: [], length: 0 }
    const upload = this.current
    if (!upload || upload.id !== uploadId || index !== upload.chunks.length)
      throw new ServiceError(
        'invalid-input',
        `piece ${index} of upload ${uploadId} is out of order`,
      )
    if (upload.length + chunk.length > MAX_IMPORT_CHARS) {
      this.current = null
      throw new ServiceError(
        'limit-exceeded',
        `a file to import holds at most ${MAX_IMPORT_CHARS.toLocaleString('en')} characters`,
      )
    }
    upload.chunks.push(chunk)
    upload.length += chunk.length
    return null
  }

  /** The uploaded file, once: the upload is forgotten as it is read. */
  take(uploadId: string): string {
    const upload = this.current
    if (!upload || upload.id !== uploadId)
      throw new ServiceError('not-found', `no upload ${uploadId}: send its pieces first`)
    this.current = null
    return upload.chunks.join('')
  }
}
