import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type { DataNotice, DataStore, StorageState } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'

export type InfoMessage =
  | 'deleted'
  | 'copied'
  | 'copyFailed'
  | 'imported'
  | 'exported'
  | 'savedAgain'
  | 'documentAdded'
  | 'documentRemoved'
const INFO_TIMEOUT_MS = 8_000

export type Notice =
  | { id: number; kind: 'error'; error: IpcError }
  | { id: number; kind: 'data'; notice: DataNotice }
  /** A short confirmation (a message key), optionally with an action such as Undo. */
  | {
      id: number
      kind: 'info'
      message: InfoMessage
      action: { label: 'undo'; run(): void } | null
    }

/** Messages the user must see: refused operations and data files that had to be set aside. */
export const useNoticesStore = defineStore('notices', () => {
  const items = ref<Notice[]>([])
  let nextId = 1

  function pushError(error: IpcError): void {
    items.value.push({ id: nextId++, kind: 'error', error })
  }

  /** The notices of the start, then, as main reports them, the data folder refusing writes or not. */
  async function loadDataNotices(): Promise<void> {
    useApi().on('app:storage', showStorage)
    const result = await useApi().app.notices()
    if (!result.ok) return pushError(result.error)
    for (const notice of result.value) {
      if (notice.status !== 'unsaved' || !unsavedNotice(notice.store))
        items.value.push({ id: nextId++, kind: 'data', notice })
    }
  }

  function unsavedNotice(store: DataStore): Notice | undefined {
    return items.value.find(
      (item) =>
        item.kind === 'data' && item.notice.status === 'unsaved' && item.notice.store === store,
    )
  }

  function showStorage({ store, writable, reason }: StorageState): void {
    const shown = unsavedNotice(store)
    if (writable) {
      if (shown) {
        dismiss(shown.id)
        pushInfo('savedAgain')
      }
      return
    }
    if (shown) dismiss(shown.id)
    const notice: DataNotice = {
      store,
      status: 'unsaved',
      reason,
      quarantinedAs: null,
      restoredFrom: null,
    }
    items.value.push({ id: nextId++, kind: 'data', notice })
  }

  function pushInfo(
    message: InfoMessage,
    action: { label: 'undo'; run(): void } | null = null,
  ): number {
    const id = nextId++
    items.value.push({ id, kind: 'info', message, action })
    setTimeout(() => dismiss(id), INFO_TIMEOUT_MS)
    return id
  }

  function dismiss(id: number): void {
    items.value = items.value.filter((item) => item.id !== id)
  }

  return { items, pushError, pushInfo, loadDataNotices, dismiss }
})
