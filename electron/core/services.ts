import type { AppInfo, DataNotice } from '../shared/model.ts'
import { CorpusService } from './corpus.ts'
import type { Services } from './dispatch.ts'
import { SearchIndexService } from './search-index.ts'
import { SettingsService } from './settings.ts'

export interface ServicesOptions {
  /** Folder holding the compiled corpus bundle. */
  contentDir: string
  /** Folder for user data: `app.getPath('userData')` in the app, a temp dir in tests. */
  dataDir: string
  appInfo: AppInfo
}

export interface AppServices {
  handlers: Services
  settings: SettingsService
  corpus: CorpusService
  /** Writes everything still queued; called before the app quits. */
  flush(): Promise<void>
}

/** Everything main does for a renderer, without Electron: the app and the E2E bridge share it. */
export function createServices({ contentDir, dataDir, appInfo }: ServicesOptions): AppServices {
  const corpus = new CorpusService(contentDir)
  const settings = new SettingsService(dataDir)
  const searchIndex = new SearchIndexService(contentDir, corpus)
  const handlers: Services = {
    'app:info': async () => appInfo,
    'app:notices': async () => {
      const notices: DataNotice[] = []
      const report = await settings.report()
      if (report.status === 'restored' || report.status === 'reset') {
        notices.push({ store: 'settings', ...report })
      }
      return notices
    },
    'corpus:list': () => corpus.list(),
    'corpus:get': ({ id }) => corpus.get(id),
    'corpus:glossary': () => corpus.glossary(),
    'search:index': () => searchIndex.get(),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'settings:savePosition': async ({ docId, position }) => {
      await settings.savePosition(docId, position)
      return null
    },
  }
  return { handlers, settings, corpus, flush: () => settings.flush() }
}
