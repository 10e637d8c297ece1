/// <reference lib="webworker" />
import type { SearchEngine } from './engine.ts'
import { loadEngine, NO_RESULTS, type WorkerRequest, type WorkerResponse } from './client.ts'

let engine: SearchEngine | null = null
const reply = (message: WorkerResponse) => postMessage(message)

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  try {
    if (request.type === 'load') {
      engine = loadEngine(request.file, request.glossary)
      reply({ type: 'loaded', blocks: engine.blockCount })
    } else {
      reply({
        type: 'results',
        id: request.id,
        page: engine ? engine.page(request.query, request.size, request.filter) : NO_RESULTS,
      })
    }
  } catch (error) {
    reply({
      type: 'error',
      id: request.type === 'search' ? request.id : null,
      message: String(error),
    })
  }
}
