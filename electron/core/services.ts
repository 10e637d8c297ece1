import type { AppInfo, DataNotice, StorageState } from '../shared/model.ts'
import { AnnotationsService } from './annotations.ts'
import { CorpusService } from './corpus.ts'
import type { Services } from './dispatch.ts'
import { ImportJobs } from './import-jobs.ts'
import { ImportUploads } from './import-uploads.ts'
import { Library } from './library.ts'
import { SearchIndexService } from './search-index.ts'
import { SettingsService } from './settings.ts'
import { UserDocumentsService } from './user-documents.ts'

export interface ServicesOptions {
  /** Folder holding the compiled corpus bundle. */
  contentDir: string
  /** Folder for user data: `app.getPath('userData')` in the app, a temp dir in tests. */
  dataDir: string
  appInfo: AppInfo
  /** The import pipeline thread's code, where a build put it; its source file otherwise. */
  importWorkerFile?: string
  /**
   * Opens the system's file picker for documents to import and answers the paths chosen (none if
   * cancelled): Electron's dialog in the app; absent in a browser, where the page offers its own.
   */
  pickFiles?: () => Promise<string[]>
}

export interface AppServices {
  handlers: Services
  settings: SettingsService
  corpus: CorpusService
  annotations: AnnotationsService
  imports: ImportJobs
  /** Writes everything still queued; called before the app quits. */
  flush(): Promise<void>
  /** Called when a store's data folder starts or stops refusing writes. */
  onStorageChange(listener: (state: StorageState) => void): void
}

/** Everything main does for a renderer, without Electron: the app and the E2E bridge share it. */
export function createServices({
  contentDir,
  dataDir,
  appInfo,
  importWorkerFile,
  pickFiles,
}: ServicesOptions): AppServices {
  const corpus = new CorpusService(contentDir)
  const settings = new SettingsService(dataDir)
  const searchIndex = new SearchIndexService(contentDir, corpus)
  const mine = new UserDocumentsService(dataDir)
  const library = new Library(corpus, mine)
  const annotations = new AnnotationsService(dataDir, library)
  const uploads = new ImportUploads()
  const imports = new ImportJobs({ workerFile: importWorkerFile })
  const stores = [
    ['settings', settings],
    ['annotations', annotations],
    ['documents', mine],
  ] as const
  const handlers: Services = {
    'annotations:list': ({ from }) => annotations.listPage(from),
    'annotations:create': (input) => annotations.create(input),
    'annotations:update': (patch) => annotations.update(patch),
    'annotations:delete': ({ id }) => annotations.remove(id),
    'annotations:restore': ({ id }) => annotations.restore(id),
    'annotations:export': (request) => annotations.exportAs(request),
    'annotations:importChunk': async (piece) => uploads.append(piece),
    'annotations:previewImport': ({ uploadId }) =>
      annotations.previewImport(uploads.take(uploadId)),
    'annotations:import': ({ uploadId }) => annotations.importFrom(uploads.take(uploadId)),
    'app:info': async () => appInfo,
    'app:notices': async () => {
      const notices: DataNotice[] = []
      for (const [store, service] of stores) {
        const report = await service.report()
        if (report.status === 'restored' || report.status === 'reset')
          notices.push({ store, ...report })
        const health = service.saveHealth()
        if (!health.writable)
          notices.push({
            store,
            status: 'unsaved',
            reason: health.reason,
            quarantinedAs: null,
            restoredFrom: null,
          })
      }
      return notices
    },
    'corpus:list': () => library.list(),
    'corpus:get': ({ id }) => library.get(id),
    'corpus:glossary': () => library.glossary(),
    'documents:pick': async () => {
      if (!pickFiles) return { picker: 'none' as const }
      imports.warm()
      return { picker: 'native' as const, files: await imports.read(await pickFiles()) }
    },
    'documents:uploadChunk': async (piece) => imports.append(piece),
    'documents:propose': (request) => imports.propose(request),
    'documents:cancel': async ({ jobId }) => imports.cancel(jobId),
    'documents:add': async (accepted) => {
      const bundled = new Set((await corpus.list()).map((d) => d.id))
      return mine.add(accepted, (id) => bundled.has(id))
    },
    'documents:remove': ({ id }) => mine.remove(id),
    'documents:restore': ({ id }) => mine.restore(id),
    'search:index': () => searchIndex.get(),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'settings:savePosition': async ({ docId, position }) => {
      await settings.savePosition(docId, position)
      return null
    },
  }
  return {
    handlers,
    settings,
    corpus,
    annotations,
    imports,
    flush: async () => {
      await Promise.all([settings.flush(), annotations.flush(), mine.flush()])
    },
    onStorageChange: (listener) => {
      for (const [store, service] of stores)
        service.onHealthChange((health) =>
          listener({
            store,
            writable: health.writable,
            reason: health.writable ? '' : health.reason,
          }),
        )
    },
  }
}
