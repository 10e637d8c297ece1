/// <reference lib="webworker" />
import dictionaryUrl from 'virtual:dictionary-url'
import { Dictionary } from '../chinese/dictionary.ts'
import type { SearchEngine } from './engine.ts'
import { NO_RESULTS, type WorkerRequest, type WorkerResponse } from './client.ts'
import { loadEngine } from './load-engine.ts'

let engine: SearchEngine | null = null
const reply = (message: WorkerResponse) => postMessage(message)

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  try {
    if (request.type === 'load') {
      engine = loadEngine(request.file, request.glossary)
      reply({ type: 'loaded', blocks: engine.blockCount })
      void withDictionary(engine)
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

/**
 * The reader's dictionary (the data the dictionary popover reads), fetched once the index answers:
 * until it arrives, or if it cannot be read, searches cross languages through the glossary alone.
 */
async function withDictionary(loaded: SearchEngine): Promise<void> {
  const response = await fetch(dictionaryUrl).catch(() => null)
  if (response?.ok) loaded.useDictionary(Dictionary.parse(await response.text()))
}
