import type { GlossaryTerm } from '../../electron/shared/model.ts'
import type { SearchEngine, SearchFilter, SearchPage } from './engine.ts'

export type WorkerRequest =
  | { type: 'load'; file: string; glossary: GlossaryTerm[] }
  | { type: 'search'; id: number; query: string; size: number; filter: SearchFilter }

export type WorkerResponse =
  | { type: 'loaded'; blocks: number }
  | { type: 'results'; id: number; page: SearchPage }
  | { type: 'error'; id: number | null; message: string }

/** Where the engine runs: a Web Worker in the app, the calling thread where there is no Worker. */
export interface SearchClient {
  load(file: string, glossary: GlossaryTerm[]): Promise<void>
  /** The best `size` results for a query (among those `filter` keeps), and whether it has more. */
  search(query: string, size: number, filter: SearchFilter): Promise<SearchPage>
}

/** What a search answers before the engine has loaded. */
export const NO_RESULTS: SearchPage = { hits: [], more: false }

/**
 * Runs the engine on the calling thread (tests in a DOM emulation, where there are no workers),
 * loaded only then, so that the app's page does not carry what its worker runs.
 */
export function inThreadClient(): SearchClient {
  let engine: SearchEngine | null = null
  return {
    async load(file, glossary) {
      const { loadEngine } = await import('./load-engine.ts')
      engine = loadEngine(file, glossary)
    },
    async search(query, size, filter) {
      return engine ? engine.page(query, size, filter) : NO_RESULTS
    },
  }
}

/** Runs the engine in a Web Worker so that typing never waits for the index. */
export function workerClient(): SearchClient {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })
  const pending = new Map<number, { resolve(page: SearchPage): void; reject(e: Error): void }>()
  let loaded: { resolve(): void; reject(e: Error): void } | null = null
  let nextId = 1
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data
    if (message.type === 'loaded') loaded?.resolve()
    else if (message.type === 'results') pending.get(message.id)?.resolve(message.page)
    else if (message.id === null) loaded?.reject(new Error(message.message))
    else pending.get(message.id)?.reject(new Error(message.message))
    if ('id' in message && message.id !== null) pending.delete(message.id)
  }
  const post = (request: WorkerRequest) => worker.postMessage(request)
  return {
    load(file, glossary) {
      return new Promise((resolve, reject) => {
        loaded = { resolve, reject }
        post({ type: 'load', file, glossary })
      })
    },
    search(query, size, filter) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        post({ type: 'search', id, query, size, filter })
      })
    },
  }
}

export function createSearchClient(): SearchClient {
  return typeof Worker === 'function' ? workerClient() : inThreadClient()
}
