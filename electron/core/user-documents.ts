import { readdir, stat } from 'node:fs/promises'
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

const USER_DOCUMENTS_DIR = 'documents'
const MANIFEST_FILE = 'manifest.json'

const StoredDocument = z.object({ version: z.literal(1), document: Document })
type StoredDocument = z.infer<typeof StoredDocument>

/** Signals, inside `load`, that a document's file holds nothing usable (missing, or unreadable with no backup). */
class NoDocument extends Error {}

/**
 * How long the manifest waits after an add before it is rewritten: a batch of imports rewrites it
 * about once a second instead of once per document. Nothing is lost meanwhile (see `unlisted`).
 */
const MANIFEST_DELAY_MS = 1_000

/** A document's own file in the folder (not the manifest, a backup, a quarantined copy or a temp). */
const DOCUMENT_FILE = /^(mine-[a-z0-9-]+)\.json$/

/**
 * The person's imported documents: one durable file per document plus a manifest that lists them
 * (with what a library card shows), both through `JsonStore`. Adding waits for the document's own
 * file only: the manifest is rewritten behind it, coalesced, so that importing thousands is not
 * quadratic in the manifest's size. A document file the manifest does not name yet (the app stopped
 * before the manifest caught up, or a backup of it was restored) is taken back into it at load.
 * Removing one only marks it in the manifest, so it can be undone and its annotations, orphaned
 * meanwhile, come back with it.
 */
export class UserDocumentsService {
  private readonly dir: string
  private readonly manifestStore: JsonStore<UserDocumentsManifest>
  private manifest: Promise<UserDocumentsManifest> | null = null
  /** The manifest `manifest` resolves to, once loaded: what the next save writes. */
  private latest: UserDocumentsManifest | null = null
  private loadReport: LoadReport | null = null
  private readonly documents = new Map<string, Promise<Document>>()
  /** Ids given to documents whose file is being written, before the manifest holds them. */
  private readonly reserved = new Set<string>()
  /** The newest manifest save not yet known to be on disk; `flush` waits for it. */
  private manifestSaved: Promise<void> = Promise.resolve()
  /** A manifest save put off by `add`, due in `MANIFEST_DELAY_MS`. */
  private delayedSave: NodeJS.Timeout | null = null
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

  /**
   * Saves an accepted import under a new id that `taken` (the bundled ids) does not hold. Resolves
   * once the document's file is on disk; the library lists it at once.
   */
  async add(accepted: AcceptedDocument, taken: (id: string) => boolean): Promise<DocumentSummary> {
    const manifest = await this.load()
    const ids = new Set(manifest.documents.map((e) => e.summary.id))
    const base = `mine-${slug(accepted.title.en)}`
    let id = base
    for (let n = 2; ids.has(id) || this.reserved.has(id) || taken(id); n++) id = `${base}-${n}`
    this.reserved.add(id)
    try {
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
      const summary = summarize(document)
      const entry: UserDocumentEntry = {
        summary,
        importedAt: this.now().toISOString(),
        removedAt: null,
      }
      const current = await this.load()
      this.moveOn({ ...current, documents: [...current.documents, entry] })
      if (!this.delayedSave) {
        this.delayedSave = setTimeout(() => void this.saveManifest(), MANIFEST_DELAY_MS)
        // The documents' files are on disk already: a pending save must not keep a process alive.
        this.delayedSave.unref()
      }
      return summary
    } finally {
      this.reserved.delete(id)
    }
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

  async flush(): Promise<void> {
    if (this.delayedSave) void this.saveManifest()
    await this.manifestSaved
    await this.manifestStore.flush()
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
    this.manifest ??= this.manifestStore.load().then(async ({ value, report }) => {
      this.loadReport = report
      const recovered = await this.unlisted(value)
      if (!recovered.length) return (this.latest = value)
      const next = { ...value, documents: [...value.documents, ...recovered] }
      void this.commit(next).catch(() => undefined)
      return next
    })
    return this.manifest
  }

  /** The in-memory manifest moves on at once and is written now, with any put-off save. */
  private commit(next: UserDocumentsManifest): Promise<void> {
    this.moveOn(next)
    return this.saveManifest()
  }

  private moveOn(next: UserDocumentsManifest): void {
    this.latest = next
    this.manifest = Promise.resolve(next)
  }

  /**
   * Queues the in-memory manifest to be written: saves made while one is being written coalesce
   * into the next, newest, one. A disk that refuses it is the store's health to report; the value
   * is held and retried there.
   */
  private saveManifest(): Promise<void> {
    if (this.delayedSave) clearTimeout(this.delayedSave)
    this.delayedSave = null
    if (!this.latest) return Promise.resolve()
    const saved = this.manifestStore.save(this.latest)
    this.manifestSaved = saved.catch(() => undefined)
    return saved
  }

  /** Documents whose file is in the folder but that `manifest` does not list, oldest first. */
  private async unlisted(manifest: UserDocumentsManifest): Promise<UserDocumentEntry[]> {
    const listed = new Set(manifest.documents.map((e) => e.summary.id))
    const names = await readdir(this.dir).catch(() => [])
    const found: Array<UserDocumentEntry & { mtime: number }> = []
    for (const name of names) {
      const id = DOCUMENT_FILE.exec(name)?.[1]
      if (!id || listed.has(id)) continue
      const file = join(this.dir, name)
      const [loaded, info] = await Promise.all([
        this.documentStore(id)
          .load()
          .catch(() => null),
        stat(file).catch(() => null),
      ])
      if (!loaded || !info || loaded.value.document.id !== id) continue
      found.push({
        summary: summarize(loaded.value.document),
        importedAt: info.mtime.toISOString(),
        removedAt: null,
        mtime: info.mtimeMs,
      })
    }
    return found.sort((a, b) => a.mtime - b.mtime).map(({ mtime: _, ...entry }) => entry)
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
