import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ServiceError, type ErrorCode } from '../../shared/contract.ts'
import type { ImportProposal } from '../../shared/imports.ts'
import type { ImportFile } from './pipeline.ts'

/** What the pipeline's thread is asked: the files of one import. */
export interface WorkerRequest {
  files: ImportFile[]
}

/** What it answers: progress as blocks are aligned, then the proposal or why there is none. */
export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; proposal: ImportProposal }
  | { type: 'failed'; code: ErrorCode; message: string }

/**
 * Where the worker's code is: beside this file when it runs from source (tests, the E2E bridge, the
 * benchmark); the Electron build bundles it as a file of its own and names it (see electron/main).
 */
const SOURCE_WORKER_FILE = join(import.meta.dirname, 'worker.ts')

export interface WorkerRunOptions {
  /** Aborting it terminates the thread: the import fails with `import-cancelled`, nothing kept. */
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/**
 * Runs the import pipeline on threads of its own, so that decoding, parsing and aligning a large
 * file never hold main's event loop. A thread is kept, idle, for the next import (starting one loads
 * the parsers, which takes from a few hundred milliseconds to seconds on a busy machine); a
 * cancelled or crashed one is thrown away.
 */
export class ImportWorkers {
  private readonly file: string
  private idle: { worker: Worker; forget: () => void } | null = null

  constructor(file: string = SOURCE_WORKER_FILE) {
    this.file = file
  }

  run(files: ImportFile[], { signal, onProgress }: WorkerRunOptions = {}): Promise<ImportProposal> {
    if (signal?.aborted) return Promise.reject(new ServiceError('import-cancelled', 'cancelled'))
    const worker = this.idle?.worker ?? new Worker(this.file)
    if (this.idle) this.idle.worker.off('exit', this.idle.forget).off('error', this.idle.forget)
    this.idle = null
    worker.ref()
    return new Promise<ImportProposal>((resolve, reject) => {
      const settle = (outcome: { proposal: ImportProposal } | { error: ServiceError }) => {
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        signal?.removeEventListener('abort', onAbort)
        if ('proposal' in outcome) {
          this.release(worker)
          resolve(outcome.proposal)
        } else {
          void worker.terminate()
          reject(outcome.error)
        }
      }
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress?.(reply.done, reply.total)
        else if (reply.type === 'done') settle({ proposal: reply.proposal })
        else settle({ error: new ServiceError(reply.code, reply.message) })
      }
      const onError = (error: Error) =>
        settle({ error: new ServiceError('import-crashed', error.message) })
      const onExit = (code: number) =>
        settle({ error: new ServiceError('import-crashed', `the import stopped (exit ${code})`) })
      const onAbort = () => settle({ error: new ServiceError('import-cancelled', 'cancelled') })
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      signal?.addEventListener('abort', onAbort, { once: true })
      worker.postMessage({ files } satisfies WorkerRequest)
    })
  }

  /** Starts a thread ahead of an import (while the person chooses files), unless one is idle. */
  warm(): void {
    if (!this.idle) this.release(new Worker(this.file))
  }

  /** Stops the idle thread (the app is quitting; a test is done). */
  async close(): Promise<void> {
    const idle = this.idle
    this.idle = null
    await idle?.worker.terminate()
  }

  /** An idle thread must not keep a quitting process alive, nor be used once it has died. */
  private release(worker: Worker): void {
    if (this.idle) {
      void worker.terminate()
      return
    }
    worker.unref()
    const forget = () => {
      if (this.idle?.worker === worker) this.idle = null
    }
    // A thread that fails while idle (its code cannot load) is dropped, not an uncaught error.
    worker.on('exit', forget).on('error', forget)
    this.idle = { worker, forget }
  }
}

const shared = new Map<string, ImportWorkers>()

/** The process's threads for a worker file: the services of a restarted app (a test) reuse them. */
export function importWorkers(file: string = SOURCE_WORKER_FILE): ImportWorkers {
  let workers = shared.get(file)
  if (!workers) shared.set(file, (workers = new ImportWorkers(file)))
  return workers
}
