import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { ServiceError } from '../../shared/contract.ts'
import { MAX_IMPORT_FILE_BYTES } from '../../shared/import-upload.ts'
import type { ImportFile } from './pipeline.ts'

/**
 * A file on disk as the import pipeline takes it; its size is checked before it is read (on the
 * handle that is read, so a file swapped meanwhile is not the one measured), and no more than the
 * limit is ever read from a file that grows. Its last change becomes its date where its content
 * names none.
 */
export async function readImportFile(path: string): Promise<ImportFile> {
  const name = basename(path)
  const tooLarge = (size: number) =>
    new ServiceError(
      'import-too-large',
      `${name}: ${size.toLocaleString('en')} bytes, at most ${MAX_IMPORT_FILE_BYTES.toLocaleString('en')}`,
    )
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if (hasCode(error, 'EISDIR')) throw new ServiceError('import-unsupported', `${name}: a folder`)
    throw new ServiceError('io-error', `${name}: ${errorMessage(error)}`)
  }
  try {
    const info = await handle.stat()
    if (info.isDirectory()) throw new ServiceError('import-unsupported', `${name}: a folder`)
    if (!info.isFile()) throw new ServiceError('import-unsupported', `${name}: not a file`)
    if (info.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(info.size)
    const bytes = new Uint8Array(info.size + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === bytes.length)
        throw new ServiceError('io-error', `${name}: the file grew while it was read`)
    }
    return {
      name,
      bytes: bytes.subarray(0, length),
      modified: info.mtime.toISOString().slice(0, 10),
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error
    throw new ServiceError('io-error', `${name}: ${errorMessage(error)}`)
  } finally {
    await handle.close()
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
