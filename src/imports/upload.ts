import type { Result } from '../../electron/shared/contract.ts'
import { MAX_IMPORT_FILE_BYTES, uploadDocument } from '../../electron/shared/import-upload.ts'
import type { PickedFile } from '../../electron/shared/imports.ts'
import type { ReaderApi } from '../../electron/shared/make-api.ts'

/**
 * Sends a file chosen or dropped in the page to main, for `documents:propose` to name by id; one
 * over the size limit is refused before it is read, and one the browser cannot read (moved or
 * deleted since it was chosen) answers why instead of throwing.
 */
export async function uploadFile(api: ReaderApi, file: File): Promise<Result<PickedFile>> {
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return { ok: false, error: { code: 'import-too-large', message: file.name } }
  let bytes: ArrayBuffer
  try {
    bytes = await file.arrayBuffer()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'io-error', message: `${file.name}: ${reason}` } }
  }
  const uploaded = await uploadDocument(api, new Uint8Array(bytes))
  if (!uploaded.ok) return uploaded
  return {
    ok: true,
    value: {
      uploadId: uploaded.value,
      name: file.name.slice(-200),
      modified: file.lastModified ? new Date(file.lastModified).toISOString().slice(0, 10) : null,
    },
  }
}
