import { ServiceError } from '../shared/contract.ts'
import { MAX_IMPORT_UPLOAD_CHARS } from '../shared/import-upload.ts'
import type { ImportProgress, ImportProposal } from '../shared/imports.ts'
import { ImportUploads } from './import-uploads.ts'
import { importWorkers, type ImportWorkers } from './import/worker-client.ts'

export interface ProposeRequest {
  jobId: string
  files: Array<{ uploadId: string; name: string; modified: string | null }>
}

/**
 * Documents to import as the renderer hands them over: the bytes of a file the person chose or
 * dropped, uploaded in base64 pieces (the renderer never names a path), then run through the
 * pipeline, on a thread of its own, as a job that reports its progress and can be cancelled.
 */
export class ImportJobs {
  private readonly uploads = new ImportUploads({ maxChars: MAX_IMPORT_UPLOAD_CHARS, slots: 2 })
  private readonly workers: ImportWorkers
  private readonly running = new Map<string, AbortController>()
  private readonly listeners = new Set<(progress: ImportProgress) => void>()

  /** `workerFile`: the pipeline thread's code, where a build moved it (see `ImportWorkers`). */
  constructor({ workerFile }: { workerFile?: string } = {}) {
    this.workers = importWorkers(workerFile)
  }

  append(piece: { uploadId: string; index: number; chunk: string }): null {
    return this.uploads.append(piece)
  }

  async propose({ jobId, files }: ProposeRequest): Promise<ImportProposal> {
    if (this.running.has(jobId)) throw new ServiceError('invalid-input', `job ${jobId} is running`)
    const inputs = files.map(({ uploadId, name, modified }) => ({
      name,
      modified,
      bytes: Buffer.from(this.uploads.take(uploadId), 'base64'),
    }))
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
