/// <reference lib="webworker" />
import dictionaryUrl from 'virtual:dictionary-url'
import { Dictionary } from '../chinese/dictionary.ts'
import { LibrarySearch } from './library-search.ts'
import { NO_RESULTS, type WorkerRequest, type WorkerResponse } from './client.ts'

let library: LibrarySearch | null = null
const reply = (message: WorkerResponse) => postMessage(message)

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  try {
    if (request.type === 'load') {
      library = LibrarySearch.load(request.file, request.glossary)
      reply({ type: 'loaded', blocks: library.blockCount })
      void withDictionary(library)
    } else if (request.type === 'search') {
      reply({
        type: 'results',
        id: request.id,
        page: library ? library.page(request.query, request.size, request.filter) : NO_RESULTS,
      })
    } else {
      if (!library) throw new Error('the search index is not loaded')
      if (request.type === 'add') library.add(request.documents)
      else library.remove(request.docIds)
      reply({ type: 'updated', id: request.id })
    }
  } catch (error) {
    reply({
      type: 'error',
      id: request.type === 'load' ? null : request.id,
      message: String(error),
    })
  }
}

/**
 * The reader's dictionary (the data the dictionary popover reads), fetched once the index answers:
 * until it arrives, or if it cannot be read, searches cross languages through the glossary alone.
 */
async function withDictionary(loaded: LibrarySearch): Promise<void> {
  const response = await fetch(dictionaryUrl).catch(() => null)
  if (response?.ok) loaded.useDictionary(Dictionary.parse(await response.text()))
}
