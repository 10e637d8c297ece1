import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw, watch } from 'vue'
import type { Document } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { createSearchClient, type SearchClient } from '../search/client.ts'
import {
  groupByDocument,
  RESULTS_PAGE,
  type SearchFilter,
  type SearchHit,
} from '../search/results.ts'
import { MAX_QUERY_LENGTH } from '../search/query.ts'
import { useGlossaryStore } from './glossary.ts'
import { useLibraryStore } from './library.ts'
import { useNoticesStore } from './notices.ts'
import { useSettingsStore } from './settings.ts'

const MAX_RECENT = 10
/**
 * The person's documents go to the worker this many at a time: a search typed meanwhile is answered
 * between two of them (over what is indexed so far), and the panel counts them as they go.
 */
export const INDEX_CHUNK = 50

/** Global search: the engine (in a worker), the query being typed, its results and recent queries. */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const hits = shallowRef<SearchHit[]>([])
  /** Whether the query has more results than are shown. */
  const hasMore = ref(false)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** The query the shown results answer; results of an older query never overwrite newer ones. */
  const answered = ref('')
  const indexRebuilt = ref(false)
  /** Which results the panel keeps: a document, a language (every one when unset). */
  const filter = ref<SearchFilter>({})
  const groups = computed(() => groupByDocument(hits.value))
  let client: SearchClient | null = null
  let ready: Promise<boolean> | null = null
  let latest = 0
  const library = useLibraryStore()
  /** The person's own documents the engine holds, by id, and those that could not be read. */
  const ownIndexed = new Set<string>()
  const ownUnreadable = new Set<string>()
  /** Brings the engine in line with the library, one change after another. */
  let syncing: Promise<void> = Promise.resolve()
  /** The person's documents being added to the index: how many of how many; null when none are. */
  const indexing = ref<{ done: number; total: number } | null>(null)

  function prepare(): Promise<boolean> {
    ready ??= (async () => {
      status.value = 'loading'
      const [index] = await Promise.all([useApi().search.index(), useGlossaryStore().load()])
      if (!index.ok) {
        useNoticesStore().pushError(index.error)
        status.value = 'error'
        ready = null
        return false
      }
      indexRebuilt.value = index.value.rebuilt
      client ??= createSearchClient()
      try {
        await client.load(index.value.file, useGlossaryStore().terms)
      } catch (error) {
        // A shipped index altered on disk, which main could not tell by its length (see `decodeIndex`).
        useNoticesStore().pushError({ code: 'corrupt-data', message: String(error) })
        status.value = 'error'
        ready = null
        return false
      }
      if (library.status === 'idle') await library.load()
      await syncOwnDocuments(client)
      status.value = 'ready'
      return true
    })()
    return ready
  }

  /**
   * Adds to the engine the person's documents the library lists and it does not hold yet, and
   * takes out those the library no longer lists (removed; an undo lists them again): only what
   * changed crosses to the worker, where the bundled index stays as it is.
   */
  function syncOwnDocuments(engine: SearchClient): Promise<void> {
    syncing = syncing.then(async () => {
      const listed = library.documents.filter((d) => d.origin === 'user').map((d) => d.id)
      const still = new Set(listed)
      const gone = [...ownIndexed].filter((id) => !still.has(id))
      if (gone.length) {
        await engine.remove(gone)
        for (const id of gone) ownIndexed.delete(id)
      }
      const api = useApi()
      const fresh = listed.filter((id) => !ownIndexed.has(id) && !ownUnreadable.has(id))
      const read = await Promise.all(fresh.map((id) => api.corpus.get({ id })))
      const documents: Document[] = []
      read.forEach((result, i) => {
        if (result.ok) return documents.push(result.value)
        // Said once: the library says the same when the document is opened.
        ownUnreadable.add(fresh[i]!)
        useNoticesStore().pushError(result.error)
      })
      for (let done = 0; done < documents.length;) {
        indexing.value = { done, total: documents.length }
        const chunk = documents.slice(done, done + INDEX_CHUNK)
        await engine.add(chunk)
        for (const { id } of chunk) ownIndexed.add(id)
        done += chunk.length
      }
      indexing.value = null
    })
    // The bundled corpus stays searchable whatever happens to the person's documents.
    syncing = syncing.catch((error: unknown) => {
      indexing.value = null
      useNoticesStore().pushError({ code: 'internal', message: String(error) })
    })
    return syncing
  }

  watch(
    () => library.documents,
    () => {
      if (client && status.value === 'ready') void syncOwnDocuments(client)
    },
  )

  /** Shows the best `limit` results for `text` (a page at first: see `more`). */
  async function run(text: string, limit = RESULTS_PAGE): Promise<void> {
    // A pasted page is cut, in the box as in the search, which reads no further anyway.
    text = text.slice(0, MAX_QUERY_LENGTH * 4)
    query.value = text
    const request = ++latest
    if (!text.trim()) {
      hits.value = []
      hasMore.value = false
      answered.value = ''
      return
    }
    if (!(await prepare()) || !client) return
    // The plain object: a reactive proxy cannot be posted to the worker.
    const page = await client.search(text, limit, toRaw(filter.value))
    if (request !== latest) return
    hits.value = page.hits
    hasMore.value = page.more
    answered.value = text
  }

  /** Shows another page of results for the query answered (not while a newer one is on its way). */
  function more(): Promise<void> {
    if (!hasMore.value || query.value !== answered.value) return Promise.resolve()
    return run(answered.value, hits.value.length + RESULTS_PAGE)
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  /**
   * Searches as the user types. The engine runs in a worker, so typing never waits; a keystroke
   * only defers its search to the next task, and answers to older keystrokes are dropped.
   */
  function type(text: string, delay = 0): void {
    query.value = text
    clearTimeout(timer)
    timer = setTimeout(() => void run(text), delay)
  }

  /** Keeps only the results of a document, or in a language, and searches again. */
  function setFilter(next: SearchFilter): void {
    filter.value = next
    if (query.value.trim()) void run(query.value)
  }

  const recent = computed(() => useSettingsStore().settings?.recentQueries ?? [])

  function remember(text: string): void {
    const trimmed = text.trim().slice(0, 200)
    if (!trimmed) return
    const next = [trimmed, ...recent.value.filter((q) => q !== trimmed)].slice(0, MAX_RECENT)
    void useSettingsStore().update({ recentQueries: next })
  }

  return {
    query,
    hits,
    hasMore,
    groups,
    status,
    answered,
    indexRebuilt,
    indexing,
    filter,
    setFilter,
    recent,
    prepare,
    run,
    more,
    type,
    remember,
  }
})
