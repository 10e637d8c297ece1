import type { Channel } from '../../electron/shared/contract.ts'
import { makeApi } from '../../electron/shared/make-api.ts'

declare global {
  interface Window {
    /** Playwright binding to the real services running in the test process. */
    __readerInvoke(channel: Channel, payload: unknown): Promise<unknown>
  }
}

// The same construction as electron/preload/index.ts, with the binding in place of ipcRenderer.invoke.
window.reader = makeApi((channel, payload) => window.__readerInvoke(channel, payload))
