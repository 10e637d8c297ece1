import { join } from 'node:path'
import { z } from 'zod'
import { ServiceError } from '../shared/contract.ts'
import {
  UserDocumentsManifest,
  type AcceptedDocument,
  type UserDocumentEntry,
} from '../shared/imports.ts'
import { Document, type DocumentSummary } from '../shared/model.ts'
import { summarize } from './corpus.ts'
import { JsonStore, type LoadReport, type SaveHealth } from './json-store.ts'

export const USER_DOCUMENTS_DIR = 'documents'
export const MANIFEST_FILE = 'manifest.json'

const StoredDocument = z.object({ version: z.literal(1), document: Document })
type StoredDocument = z.infer<typeof StoredDocument>

/** Signals, inside `load`, that a document's file holds nothing usable (missing, or unreadable with no backup). */
class NoDocument extends Error {}

/**
 * The person's imported documents: one durable file per document plus a manifest that lists them
 * (with what a library card shows), both through `JsonStore`. A document's file is written before
 * the manifest names it; removing one only marks it in the manifest, so it can be undone and its
 * annotations, orphaned meanwhile, come back with it.
 */
export class UserDocumentsService {
  private readonly dir: string
  private readonly manifestStore: JsonStore<UserDocumentsManifest>
  private manifest: Promise<UserDocumentsManifest> | null = null
  private loadReport: LoadReport | null = null
  private readonly documents = new Map<string, Promise<Document>>()
  private readonly now: () => Date

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    this.dir = join(dataDir, USER_DOCUMENTS_DIR)
    this.now = now
    this.manifestStore = new JsonStore({
      dir: this.dir,
      name: MANIFEST_FILE,
      schema: UserDocumentsManifest,
      version: 1,
      defaults: () => ({ version: 1, documents: [] }),
    })
  }

  /** The documents not removed, as the library lists them. */
  async list(): Promise<DocumentSummary[]> {
    return (await this.entries()).filter((e) => !e.removedAt).map((e) => e.summary)
  }

  /** A document, removed ones included: an undo or an annotation may still ask for it. */
  async get(id: string): Promise<Document> {
    if (!(await this.entries()).some((e) => e.summary.id === id))
      throw new ServiceError('not-found', `no document "${id}"`)
    let document = this.documents.get(id)
    if (!document) {
      document = this.documentStore(id)
        .load()
        .then(({ value }) => value.document)
        .catch((error: unknown) => {
          this.documents.delete(id)
          if (error instanceof NoDocument)
            throw new ServiceError(
              'corrupt-data',
              `the file of document "${id}" is missing or unreadable`,
            )
          throw error
        })
      this.documents.set(id, document)
    }
    return document
  }

  /** Saves an accepted import under a new id that `taken` (the bundled ids) does not hold. */
  async add(accepted: AcceptedDocument, taken: (id: string) => boolean): Promise<DocumentSummary> {
    const manifest = await this.load()
    const ids = new Set(manifest.documents.map((e) => e.summary.id))
    const base = `mine-${slug(accepted.title.en)}`
    let id = base
    for (let n = 2; ids.has(id) || taken(id); n++) id = `${base}-${n}`
    const source = accepted.files.join(' · ')
    const document = Document.parse({
      id,
      title: accepted.title,
      publisher: { en: source, zh: source },
      date: accepted.date,
      source: { file: source.slice(0, 200), note: `imported ${this.now().toISOString()}` },
      originalLanguage: 'en',
      translation: { lang: 'zh', from: 'en', by: { en: 'unknown', zh: '未注明' } },
      origin: 'user',
      blocks: accepted.blocks.map((block, k) => ({ id: `p${k + 1}`, ...block })),
    } satisfies Document)
    await this.documentStore(id).save({ version: 1, document })
    this.documents.set(id, Promise.resolve(document))
    const summary = summarize(document)
    const entry: UserDocumentEntry = {
      summary,
      importedAt: this.now().toISOString(),
      removedAt: null,
    }
    await this.commit({ ...manifest, documents: [...manifest.documents, entry] })
    return summary
  }

  /** Marks a document removed: the library stops listing it; `restore` undoes it. */
  remove(id: string): Promise<DocumentSummary> {
    return this.mark(id, this.now().toISOString())
  }

  restore(id: string): Promise<DocumentSummary> {
    return this.mark(id, null)
  }

  async report(): Promise<LoadReport> {
    await this.load()
    return this.loadReport ?? { status: 'ok' }
  }

  flush(): Promise<void> {
    return this.manifestStore.flush()
  }

  saveHealth(): SaveHealth {
    return this.manifestStore.saveHealth()
  }

  onHealthChange(listener: (health: SaveHealth) => void): () => void {
    return this.manifestStore.onHealthChange(listener)
  }

  private async mark(id: string, removedAt: string | null): Promise<DocumentSummary> {
    const manifest = await this.load()
    const entry = manifest.documents.find((e) => e.summary.id === id)
    if (!entry) throw new ServiceError('not-found', `no document "${id}"`)
    await this.commit({
      ...manifest,
      documents: manifest.documents.map((e) => (e === entry ? { ...e, removedAt } : e)),
    })
    return entry.summary
  }

  private async entries(): Promise<UserDocumentEntry[]> {
    return (await this.load()).documents
  }

  private load(): Promise<UserDocumentsManifest> {
    this.manifest ??= this.manifestStore.load().then(({ value, report }) => {
      this.loadReport = report
      return value
    })
    return this.manifest
  }

  /** Written to disk first; only then does the in-memory manifest move on. */
  private async commit(next: UserDocumentsManifest): Promise<void> {
    await this.manifestStore.save(next)
    this.manifest = Promise.resolve(next)
  }

  private documentStore(id: string): JsonStore<StoredDocument> {
    return new JsonStore({
      dir: this.dir,
      name: `${id}.json`,
      schema: StoredDocument,
      version: 1,
      backups: 2,
      defaults: () => {
        throw new NoDocument(id)
      },
    })
  }
}

/** Up to five words of the English title, kebab-case, for a readable id. */
function slug(title: string): string {
  const words = title.toLowerCase().match(/[a-z0-9]+/g) ?? []
  return words.slice(0, 5).join('-').slice(0, 40).replace(/-+$/, '') || 'document'
}
