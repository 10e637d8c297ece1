import type { Channel, EventChannel } from '../../electron/shared/contract.ts'
import { makeApi } from '../../electron/shared/make-api.ts'

declare global {
  interface Window {
    /** Playwright binding to the real services running in the test process. */
    __readerInvoke(channel: Channel, payload: unknown): Promise<unknown>
    /** Lets a spec play main's part in sending an event, e.g. a native menu command. */
    __readerEmit(channel: EventChannel, payload: unknown): void
  }
}

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
window.__readerEmit = (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload))

// The same construction as electron/preload/index.ts, with the binding in place of ipcRenderer.
window.reader = makeApi(
  (channel, payload) => window.__readerInvoke(channel, payload),
  (channel, handler) => {
    const set = listeners.get(channel) ?? new Set()
    listeners.set(channel, set)
    set.add(handler)
    return () => void set.delete(handler)
  },
)
