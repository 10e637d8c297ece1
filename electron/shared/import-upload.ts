import { MAX_IMPORT_CHUNK } from './annotations.ts'
import type { Result } from './contract.ts'
import type { ReaderApi } from './make-api.ts'

/** Sends a file to import in pieces small enough for one IPC message each; answers its upload id. */
export async function uploadImport(api: ReaderApi, content: string): Promise<Result<string>> {
  const uploadId = crypto.randomUUID()
  // An empty file is one empty piece, so that main hears of it and answers what it is not.
  for (let index = 0, at = 0; index === 0 || at < content.length; index++, at += MAX_IMPORT_CHUNK) {
    const chunk = content.slice(at, at + MAX_IMPORT_CHUNK)
    const sent = await api.annotations.importChunk({ uploadId, index, chunk })
    if (!sent.ok) return sent
  }
  return { ok: true, value: uploadId }
}
