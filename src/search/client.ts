import type { Document, GlossaryTerm } from '../../electron/shared/model.ts'
import type { LibrarySearch } from './library-search.ts'
import type { SearchFilter, SearchPage } from './results.ts'

export type WorkerRequest =
  | { type: 'load'; file: string; glossary: GlossaryTerm[] }
  | { type: 'search'; id: number; query: string; size: number; filter: SearchFilter }
  | { type: 'add'; id: number; documents: Document[] }
  | { type: 'remove'; id: number; docIds: string[] }

export type WorkerResponse =
  | { type: 'loaded'; blocks: number }
  | { type: 'results'; id: number; page: SearchPage }
  | { type: 'updated'; id: number }
  | { type: 'error'; id: number | null; message: string }

/** Where the engine runs: a Web Worker in the app, the calling thread where there is no Worker. */
export interface SearchClient {
  load(file: string, glossary: GlossaryTerm[]): Promise<void>
  /** The best `size` results for a query (among those `filter` keeps), and whether it has more. */
  search(query: string, size: number, filter: SearchFilter): Promise<SearchPage>
  /** Adds the person's own documents to what is searched (one added before is replaced). */
  add(documents: Document[]): Promise<void>
  /** Takes the person's own documents out of what is searched. */
  remove(docIds: string[]): Promise<void>
}

/** What a search answers before the engine has loaded. */
export const NO_RESULTS: SearchPage = { hits: [], more: false }

/**
 * Runs the engine on the calling thread (tests in a DOM emulation, where there are no workers),
 * loaded only then, so that the app's page does not carry what its worker runs.
 */
function inThreadClient(): SearchClient {
  let library: LibrarySearch | null = null
  const loaded = () => {
    if (!library) throw new Error('the search index is not loaded')
    return library
  }
  return {
    async load(file, glossary) {
      const { LibrarySearch } = await import('./library-search.ts')
      library = LibrarySearch.load(file, glossary)
    },
    async search(query, size, filter) {
      return library ? library.page(query, size, filter) : NO_RESULTS
    },
    async add(documents) {
      loaded().add(documents)
    },
    async remove(docIds) {
      loaded().remove(docIds)
    },
  }
}

/** Runs the engine in a Web Worker so that typing never waits for the index. */
function workerClient(): SearchClient {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>()
  let loaded: { resolve(): void; reject(e: Error): void } | null = null
  let nextId = 1
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data
    if (message.type === 'loaded') loaded?.resolve()
    else if (message.type === 'results') pending.get(message.id)?.resolve(message.page)
    else if (message.type === 'updated') pending.get(message.id)?.resolve(undefined)
    else if (message.id === null) loaded?.reject(new Error(message.message))
    else pending.get(message.id)?.reject(new Error(message.message))
    if ('id' in message && message.id !== null) pending.delete(message.id)
  }
  /** Posts a request that the worker answers by its id. */
  function ask<T>(request: (id: number) => WorkerRequest): Promise<T> {
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.postMessage(request(id))
    })
  }
  return {
    load(file, glossary) {
      return new Promise((resolve, reject) => {
        loaded = { resolve, reject }
        worker.postMessage({ type: 'load', file, glossary } satisfies WorkerRequest)
      })
    },
    search(query, size, filter) {
      return ask<SearchPage>((id) => ({ type: 'search', id, query, size, filter }))
    },
    add(documents) {
      return ask<void>((id) => ({ type: 'add', id, documents }))
    },
    remove(docIds) {
      return ask<void>((id) => ({ type: 'remove', id, docIds }))
    },
  }
}

export function createSearchClient(): SearchClient {
  return typeof Worker === 'function' ? workerClient() : inThreadClient()
}
