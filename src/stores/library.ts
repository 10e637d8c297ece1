import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type { DocumentSummary } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { useSettingsStore } from './settings.ts'

export type LibrarySort = 'title' | 'date' | 'length' | 'recent'
export const LIBRARY_SORTS: readonly LibrarySort[] = ['title', 'date', 'length', 'recent']
/** Which documents the library shows: all, the person's own imports, or the bundled ones. */
export type LibraryOrigin = 'all' | 'user' | 'bundled'
export const LIBRARY_ORIGINS: readonly LibraryOrigin[] = ['all', 'user', 'bundled']

export const useLibraryStore = defineStore('library', () => {
  const documents = shallowRef<DocumentSummary[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<IpcError | null>(null)
  const query = ref('')
  const sort = ref<LibrarySort>('title')
  const origin = ref<LibraryOrigin>('all')
  const settings = useSettingsStore()

  /** The documents to show: of the chosen origin, filtered by the query in either language, sorted. */
  const visible = computed(() => {
    const needle = query.value.trim().toLocaleLowerCase()
    const matches = documents.value.filter(
      (d) =>
        (origin.value === 'all' || (d.origin ?? 'bundled') === origin.value) &&
        (!needle ||
          [d.title.en, d.title.zh, d.publisher.en, d.publisher.zh].some((s) =>
            s.toLocaleLowerCase().includes(needle),
          )),
    )
    const recency = Object.keys(settings.settings?.positions ?? {})
    const byTitle = (a: DocumentSummary, b: DocumentSummary) => a.title.en.localeCompare(b.title.en)
    const compare: Record<LibrarySort, (a: DocumentSummary, b: DocumentSummary) => number> = {
      title: byTitle,
      date: (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || byTitle(a, b),
      length: (a, b) => b.wordCount - a.wordCount || byTitle(a, b),
      recent: (a, b) => recency.indexOf(b.id) - recency.indexOf(a.id) || byTitle(a, b),
    }
    return [...matches].sort(compare[sort.value])
  })

  async function load(): Promise<void> {
    status.value = 'loading'
    const result = await useApi().corpus.list()
    if (result.ok) {
      documents.value = result.value
      error.value = null
      status.value = 'ready'
    } else {
      error.value = result.error
      status.value = 'error'
    }
  }

  return { documents, status, error, query, sort, origin, visible, load }
})
