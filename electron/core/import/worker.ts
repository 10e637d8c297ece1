import { parentPort } from 'node:worker_threads'
import { ServiceError } from '../../shared/contract.ts'
import { proposeImport } from './pipeline.ts'
import type { WorkerReply, WorkerRequest } from './worker-client.ts'

/**
 * The import pipeline's thread: decodes, parses and aligns the files of one request at a time,
 * reporting progress as it goes. It is stopped (terminated) to cancel, so it needs no signal.
 */
const port = parentPort
if (!port) throw new Error('worker.ts runs as a worker thread')

port.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply) => port.postMessage(message)
  proposeImport(request.files, {
    onProgress: (done, total) => reply({ type: 'progress', done, total }),
  }).then(
    (proposal) => reply({ type: 'done', proposal }),
    (error: unknown) =>
      reply({
        type: 'failed',
        code: error instanceof ServiceError ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      }),
  )
})
