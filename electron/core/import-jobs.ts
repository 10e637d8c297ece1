import { basename } from 'node:path'
import { ServiceError } from '../shared/contract.ts'
import { MAX_IMPORT_BATCH_FILES, MAX_IMPORT_UPLOAD_CHARS } from '../shared/import-upload.ts'
import type { ImportProgress, ImportProposal, PickedFile } from '../shared/imports.ts'
import { ImportUploads } from './import-uploads.ts'
import type { ImportFile } from './import/pipeline.ts'
import { readImportFile } from './import/read-file.ts'
import { importWorkers, type ImportWorkers } from './import/worker-client.ts'

export interface ProposeRequest {
  jobId: string
  files: Array<{ uploadId: string; name: string; modified: string | null }>
}

/** A file chosen in a batch, read only when its document's turn comes. */
type PickedPath = { path: string }

/**
 * Documents to import: files chosen in main's own picker and read here by path, or, where there is
 * none, the bytes of a file the person chose or dropped in the page, uploaded in base64 pieces (the
 * renderer never names a path). Either is run through the pipeline, on a thread of its own, as a job
 * that reports its progress and can be cancelled.
 */
export class ImportJobs {
  private readonly uploads = new ImportUploads({ maxChars: MAX_IMPORT_UPLOAD_CHARS, slots: 2 })
  private readonly workers: ImportWorkers
  private readonly picked = new Map<string, ImportFile | PickedPath>()
  private readonly running = new Map<string, AbortController>()
  private readonly listeners = new Set<(progress: ImportProgress) => void>()

  /** `workerFile`: the pipeline thread's code, where a build moved it (see `ImportWorkers`). */
  constructor({ workerFile }: { workerFile?: string } = {}) {
    this.workers = importWorkers(workerFile)
  }

  append(piece: { uploadId: string; index: number; chunk: string }): null {
    this.uploads.append(piece)
    if (piece.index === 0) this.workers.warm()
    return null
  }

  /** Readies the pipeline's thread while the person is still choosing files. */
  warm(): void {
    this.workers.warm()
  }

  /**
   * Names the files at `paths` (chosen in main's picker) by id for a `propose`. One file or a pair
   * is read at once, each refused (too large, a folder, gone) before anything is kept; the files of
   * a batch only when their document is proposed, so that a thousand chosen files are not held in
   * memory together, and one that fails then fails its document alone.
   */
  async read(paths: readonly string[]): Promise<PickedFile[]> {
    if (paths.length > MAX_IMPORT_BATCH_FILES)
      throw new ServiceError(
        'limit-exceeded',
        `${paths.length.toLocaleString('en')} files, at most ${MAX_IMPORT_BATCH_FILES.toLocaleString('en')} at once`,
      )
    // A new choice replaces what an earlier one left unproposed.
    this.picked.clear()
    if (paths.length > 2)
      return paths.map((path) => {
        const uploadId = crypto.randomUUID()
        this.picked.set(uploadId, { path })
        return { uploadId, name: basename(path).slice(-200), modified: null }
      })
    const files = await Promise.all(paths.map(readImportFile))
    return files.map((file) => {
      const uploadId = crypto.randomUUID()
      this.picked.set(uploadId, file)
      return { uploadId, name: file.name.slice(-200), modified: file.modified }
    })
  }

  async propose({ jobId, files }: ProposeRequest): Promise<ImportProposal> {
    if (this.running.has(jobId)) throw new ServiceError('invalid-input', `job ${jobId} is running`)
    const inputs = await Promise.all(
      files.map(async ({ uploadId, name, modified }) => {
        const picked = this.picked.get(uploadId)
        this.picked.delete(uploadId)
        if (!picked)
          return { name, modified, bytes: Buffer.from(this.uploads.take(uploadId), 'base64') }
        return { ...('path' in picked ? await readImportFile(picked.path) : picked), name }
      }),
    )
    const controller = new AbortController()
    this.running.set(jobId, controller)
    try {
      return await this.workers.run(inputs, {
        signal: controller.signal,
        onProgress: (done, total) => {
          for (const listener of this.listeners) listener({ jobId, done, total })
        },
      })
    } finally {
      this.running.delete(jobId)
    }
  }

  /** A job already finished (or never started) has nothing to stop: that is not an error. */
  cancel(jobId: string): null {
    this.running.get(jobId)?.abort()
    return null
  }

  onProgress(listener: (progress: ImportProgress) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
