import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useApi } from '../api.ts'
import { createSearchClient, type SearchClient } from '../search/client.ts'
import { groupByDocument, type SearchHit } from '../search/engine.ts'
import { MAX_QUERY_LENGTH } from '../search/query.ts'
import { useGlossaryStore } from './glossary.ts'
import { useNoticesStore } from './notices.ts'
import { useSettingsStore } from './settings.ts'

const RESULT_LIMIT = 60
const MAX_RECENT = 10

/** Global search: the engine (in a worker), the query being typed, its results and recent queries. */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const hits = shallowRef<SearchHit[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** The query the shown results answer; results of an older query never overwrite newer ones. */
  const answered = ref('')
  const indexRebuilt = ref(false)
  const groups = computed(() => groupByDocument(hits.value))
  let client: SearchClient | null = null
  let ready: Promise<boolean> | null = null
  let latest = 0

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
      await client.load(index.value.file, useGlossaryStore().terms)
      status.value = 'ready'
      return true
    })()
    return ready
  }

  async function run(text: string): Promise<void> {
    query.value = text.slice(0, MAX_QUERY_LENGTH * 4)
    const request = ++latest
    if (!text.trim()) {
      hits.value = []
      answered.value = ''
      return
    }
    if (!(await prepare()) || !client) return
    const found = await client.search(text, RESULT_LIMIT)
    if (request !== latest) return
    hits.value = found
    answered.value = text
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
    groups,
    status,
    answered,
    indexRebuilt,
    recent,
    prepare,
    run,
    type,
    remember,
  }
})
