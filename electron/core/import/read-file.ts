import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { ServiceError } from '../../shared/contract.ts'
import { MAX_IMPORT_FILE_BYTES } from '../../shared/import-upload.ts'
import type { ImportFile } from './pipeline.ts'

/**
 * A file on disk as the import pipeline takes it; its size is checked before it is read, and its
 * last change becomes its date where its content names none.
 */
export async function readImportFile(path: string): Promise<ImportFile> {
  const name = basename(path)
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (error) {
    throw new ServiceError(
      'io-error',
      `${name}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (!info.isFile()) throw new ServiceError('import-unsupported', `${name}: not a file`)
  if (info.size > MAX_IMPORT_FILE_BYTES)
    throw new ServiceError(
      'import-too-large',
      `${name}: ${info.size.toLocaleString('en')} bytes, at most ${MAX_IMPORT_FILE_BYTES.toLocaleString('en')}`,
    )
  return { name, bytes: await readFile(path), modified: info.mtime.toISOString().slice(0, 10) }
}
