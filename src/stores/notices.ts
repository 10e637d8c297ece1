import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type { DataNotice } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'

export type InfoMessage = 'deleted' | 'copied' | 'copyFailed' | 'imported' | 'exported'
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

  async function loadDataNotices(): Promise<void> {
    const result = await useApi().app.notices()
    if (!result.ok) return pushError(result.error)
    for (const notice of result.value) items.value.push({ id: nextId++, kind: 'data', notice })
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
