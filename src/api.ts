import type { ReaderApi } from '../electron/shared/make-api.ts'

declare global {
  interface Window {
    /** Installed by the preload script (or the E2E bridge) with `makeApi`; nothing else is exposed. */
    reader: ReaderApi
  }
}

export function useApi(): ReaderApi {
  return window.reader
}
