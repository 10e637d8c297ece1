import { MAX_IMPORT_CHARS } from '../shared/annotations.ts'
import { ServiceError } from '../shared/contract.ts'

/**
 * Files to import, received in pieces: one IPC message stays small whatever the size of the file,
 * and each whole is checked against `maxChars` as it grows. The newest `slots` uploads are kept (a
 * pair of documents is two); starting another forgets the oldest.
 */
export class ImportUploads {
  private readonly uploads = new Map<string, { chunks: string[]; length: number }>()
  private readonly maxChars: number
  private readonly slots: number

  constructor({ maxChars = MAX_IMPORT_CHARS, slots = 1 } = {}) {
    this.maxChars = maxChars
    this.slots = slots
  }

  append({ uploadId, index, chunk }: { uploadId: string; index: number; chunk: string }): null {
    if (index === 0) {
      this.uploads.delete(uploadId)
      this.uploads.set(uploadId, { chunks: [], length: 0 })
      for (const id of this.uploads.keys())
        if (this.uploads.size > this.slots) this.uploads.delete(id)
    }
    const upload = this.uploads.get(uploadId)
    if (!upload || index !== upload.chunks.length)
      throw new ServiceError(
        'invalid-input',
        `piece ${index} of upload ${uploadId} is out of order`,
      )
    if (upload.length + chunk.length > this.maxChars) {
      this.uploads.delete(uploadId)
      throw new ServiceError(
        'limit-exceeded',
        `a file to import holds at most ${this.maxChars.toLocaleString('en')} characters`,
      )
    }
    upload.chunks.push(chunk)
    upload.length += chunk.length
    return null
  }

  /** The uploaded file, once: the upload is forgotten as it is read. */
  take(uploadId: string): string {
    const upload = this.uploads.get(uploadId)
    if (!upload) throw new ServiceError('not-found', `no upload ${uploadId}: send its pieces first`)
    this.uploads.delete(uploadId)
    return upload.chunks.join('')
  }
}
