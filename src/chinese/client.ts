import { ReadingAids, type AidsMethods } from './aids.ts'

type Method = keyof AidsMethods

export type AidsRequest = {
  [M in Method]: { id: number; method: M; args: Parameters<AidsMethods[M]> }
}[Method]

export type AidsResponse =
  | { id: number; ok: true; value: Awaited<ReturnType<AidsMethods[Method]>> }
  | { id: number; ok: false; message: string }

/** The reading aids in a Web Worker, so that loading OpenCC's dictionaries never blocks the page. */
function workerClient(): AidsMethods {
  const worker = new Worker(new URL('./aids.worker.ts', import.meta.url), { type: 'module' })
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>()
  let nextId = 1
  worker.onmessage = (event: MessageEvent<AidsResponse>) => {
    const answer = event.data
    const waiting = pending.get(answer.id)
    pending.delete(answer.id)
    if (answer.ok) waiting?.resolve(answer.value)
    else waiting?.reject(new Error(answer.message))
  }
  const call = <M extends Method>(method: M, args: Parameters<AidsMethods[M]>) =>
    new Promise<Awaited<ReturnType<AidsMethods[M]>>>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.postMessage({ id, method, args } as AidsRequest)
    })
  return {
    views: (...args) => call('views', args),
    readings: (...args) => call('readings', args),
    wordsAt: (...args) => call('wordsAt', args),
    segment: (...args) => call('segment', args),
    english: (...args) => call('english', args),
  }
}

/**
 * A worker in the app; the calling thread where there are no workers (tests in a DOM emulation),
 * which have no dictionary data to fetch unless they give a loader.
 */
export function createAidsClient(
  loadDictionary: () => Promise<string> = () =>
    Promise.reject(new Error('no dictionary data in this environment')),
): AidsMethods {
  return typeof Worker === 'function' ? workerClient() : new ReadingAids(loadDictionary)
}
