import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type { DocumentSummary } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'

export const useLibraryStore = defineStore('library', () => {
  const documents = ref<DocumentSummary[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<IpcError | null>(null)

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

  return { documents, status, error, load }
})
