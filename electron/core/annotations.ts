import {
  Annotation,
  AnnotationsFile,
  MAX_ANNOTATIONS,
  MAX_CLOCK_SKEW_MS,
  type AnnotationPatch,
  type ExportRequest,
  type ImportReport,
  type NewAnnotation,
  type PlacedAnnotation,
} from '../shared/annotations.ts'
import {
  LIST_PAGE_ANNOTATIONS,
  LIST_PAGE_CHARS,
  packAnnotations,
  type AnnotationPage,
} from '../shared/annotation-list.ts'
import { ServiceError } from '../shared/contract.ts'
import type { Document } from '../shared/model.ts'
import { exportJson, exportMarkdown, parseExport } from './annotation-exchange.ts'
import type { DocumentSource } from './library.ts'
import { JsonStore, type LoadReport, type SaveHealth } from './json-store.ts'
import { AnchorPlacer, type PlacementUpdate, type PlacerOptions } from './placements.ts'

const ANNOTATIONS_FILE = 'annotations.json'

/** Bookmarks, highlights and notes: owned by main, written through the durable store. */
export class AnnotationsService {
  private readonly store: JsonStore<AnnotationsFile>
  private readonly corpus: DocumentSource
  private readonly now: () => Date
  private readonly placer: AnchorPlacer
  private current: Promise<Annotation[]> | null = null
  private loadReport: LoadReport = { status: 'ok' }
  /** How many of the stored annotations are live, per state (a commit makes a new array). */
  private readonly liveCounts = new WeakMap<readonly Annotation[], number>()

  constructor(
    dataDir: string,
    corpus: DocumentSource,
    now: () => Date = () => new Date(),
    placing: PlacerOptions = {},
  ) {
    this.corpus = corpus
    this.now = now
    this.placer = new AnchorPlacer(placing)
    this.store = new JsonStore({
      dir: dataDir,
      name: ANNOTATIONS_FILE,
      schema: AnnotationsFile,
      version: 1,
      defaults: () => ({ version: 1, annotations: [] }),
      guard: ({ annotations }) => refuseOverCap(annotations.length),
      backups: 10,
    })
  }

  private all(): Promise<Annotation[]> {
    this.current ??= this.store.load().then(
      ({ value, report }) => {
        this.loadReport = report
        return value.annotations
      },
      (error: unknown) => {
        // Not remembered: the next call tries again, once the folder is fixed.
        this.current = null
        throw error
      },
    )
    return this.current
  }

  async report(): Promise<LoadReport> {
    await this.all()
    return this.loadReport
  }

  /**
   * Every live annotation (orphans included, never dropped), answered at once: what needs a search to
   * be placed is `pending`, and its placement follows through `onPlaced`.
   */
  async list(): Promise<PlacedAnnotation[]> {
    const live = await this.live()
    return this.placer.place(live, await this.documents(live))
  }

  /**
   * A page of `list` packed for IPC, made without an object per annotation: the live annotations
   * from position `from` of the store, up to the page's bounds (see `annotation-list.ts`).
   */
  async listPage(from: number): Promise<AnnotationPage> {
    const all = await this.all()
    const page: Annotation[] = []
    let chars = 0
    let at = from
    for (; at < all.length && page.length < LIST_PAGE_ANNOTATIONS; at++) {
      const annotation = all[at]!
      if (annotation.deletedAt) continue
      const { id, anchor, note, updatedAt } = annotation
      chars += id.length + anchor.quote.length + note.length + updatedAt.length
      if (chars > LIST_PAGE_CHARS && page.length) break
      page.push(annotation)
    }
    let total = this.liveCounts.get(all)
    if (total === undefined) {
      total = 0
      for (const annotation of all) if (!annotation.deletedAt) total++
      this.liveCounts.set(all, total)
    }
    return {
      annotations: packAnnotations(page, this.placer.locate(page, await this.documents(page))),
      next: at < all.length ? at : null,
      total,
    }
  }

  private async live(): Promise<Annotation[]> {
    return (await this.all()).filter((a) => !a.deletedAt)
  }

  /** Called with the placements found in the background for annotations listed as pending. */
  onPlaced(listener: (updates: PlacementUpdate[]) => void): () => void {
    return this.placer.onPlaced(listener)
  }

  /** Resolves once every pending placement has been found and reported. */
  placed(): Promise<void> {
    return this.placer.idle()
  }

  async create(input: NewAnnotation): Promise<Annotation> {
    const all = await this.all()
    if (all.some((a) => a.id === input.id))
      throw new ServiceError('invalid-input', `annotation ${input.id} already exists`)
    const stamp = this.now().toISOString()
    const created = Annotation.parse({
      ...input,
      createdAt: stamp,
      updatedAt: stamp,
      deletedAt: null,
    })
    await this.commit([...all, created])
    return created
  }

  async update({ id, ...changes }: AnnotationPatch): Promise<Annotation> {
    return this.change(id, (a) => {
      if (changes.color !== undefined && a.kind !== 'highlight') {
        throw new ServiceError('invalid-input', 'only a highlight has a color')
      }
      return { ...a, ...changes }
    })
  }

  async remove(id: string): Promise<Annotation> {
    return this.change(id, (a) => ({ ...a, deletedAt: this.now().toISOString() }))
  }

  /** Undoes a delete. */
  async restore(id: string): Promise<Annotation> {
    return this.change(id, (a) => ({ ...a, deletedAt: null }), true)
  }

  async exportAs({
    format,
    docId,
    locale = 'en',
  }: ExportRequest): Promise<{ filename: string; mimeType: string; content: string }> {
    const live = (await this.all()).filter(
      (a) => !a.deletedAt && (!docId || a.anchor.docId === docId),
    )
    const now = this.now()
    const day = now.toISOString().slice(0, 10)
    const base = `jiangmen-reader-${docId ?? 'notes'}-${day}`
    if (format === 'json') {
      // Tombstones travel too, so a deletion on one machine is not undone by importing elsewhere.
      const withTombstones = (await this.all()).filter((a) => !docId || a.anchor.docId === docId)
      return {
        filename: `${base}.json`,
        mimeType: 'application/json',
        content: exportJson(withTombstones, now),
      }
    }
    const documents = await this.documents(live)
    return {
      filename: `${base}.md`,
      mimeType: 'text/markdown',
      content: exportMarkdown(live, documents, { now, locale, scope: docId ? 'document' : 'all' }),
    }
  }

  /** What importing would do, changing nothing. */
  async previewImport(content: string): Promise<ImportReport> {
    return (await this.merge(content)).report
  }

  /** Merges an export by id: the newer `updatedAt` wins, deletions stay tombstones. */
  async importFrom(content: string): Promise<ImportReport> {
    const { report, next } = await this.merge(content)
    if (report.new || report.updated) await this.commit(next)
    return report
  }

  flush(): Promise<void> {
    return this.store.flush()
  }

  saveHealth(): SaveHealth {
    return this.store.saveHealth()
  }

  onHealthChange(listener: (health: SaveHealth) => void): () => void {
    return this.store.onHealthChange(listener)
  }

  private async merge(content: string): Promise<{ report: ImportReport; next: Annotation[] }> {
    let parsed: ReturnType<typeof parseExport>
    try {
      parsed = parseExport(content)
    } catch (error) {
      throw new ServiceError(
        'invalid-input',
        error instanceof Error ? error.message : String(error),
      )
    }
    const report: ImportReport = { new: 0, updated: 0, unchanged: 0, invalid: 0, problems: [] }
    const refuse = (reason: string) => {
      report.invalid++
      if (report.problems.length < 20) report.problems.push(reason.slice(0, 500))
    }
    // A clock far ahead (an edited file, a stamp of 9999) would win every later merge for good.
    const latest = this.now().getTime() + MAX_CLOCK_SKEW_MS
    const newest = new Map<string, { value: Annotation; item: number }>()
    for (const [i, item] of parsed.items.entries()) {
      if (!item.ok) {
        refuse(item.reason)
        continue
      }
      const { value } = item
      const stamps = [value.createdAt, value.updatedAt, value.deletedAt]
      if (stamps.some((stamp) => stamp !== null && Date.parse(stamp) > latest)) {
        refuse(`item ${i + 1}: dated in the future (${value.updatedAt})`)
        continue
      }
      // One id once: the newest copy in the file stands for it, the others are refused.
      const seen = newest.get(value.id)
      if (!seen) {
        newest.set(value.id, { value, item: i + 1 })
        continue
      }
      const newer = Date.parse(value.updatedAt) > Date.parse(seen.value.updatedAt)
      if (newer) newest.set(value.id, { value, item: i + 1 })
      refuse(
        `item ${newer ? seen.item : i + 1}: ${value.id} is in the file more than once; its newest copy is imported`,
      )
    }
    const byId = new Map((await this.all()).map((a) => [a.id, a]))
    for (const { value: incoming } of newest.values()) {
      const existing = byId.get(incoming.id)
      if (!existing) report.new++
      else if (Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt)) report.updated++
      else {
        report.unchanged++
        continue
      }
      byId.set(incoming.id, incoming)
    }
    refuseOverCap(byId.size)
    return { report, next: [...byId.values()] }
  }

  private async change(
    id: string,
    edit: (a: Annotation) => Annotation,
    includeDeleted = false,
  ): Promise<Annotation> {
    const all = await this.all()
    const index = all.findIndex((a) => a.id === id && (includeDeleted || !a.deletedAt))
    if (index < 0) throw new ServiceError('not-found', `no annotation ${id}`)
    const changed = Annotation.parse({ ...edit(all[index]!), updatedAt: this.now().toISOString() })
    await this.commit(all.map((a, i) => (i === index ? changed : a)))
    return changed
  }

  /** Written to disk first; only then does the in-memory state move on. */
  private async commit(next: Annotation[]): Promise<void> {
    await this.store.save({ version: 1, annotations: next })
    this.current = Promise.resolve(next)
  }

  /** The documents the annotations are in, those that still exist. */
  private async documents(annotations: readonly Annotation[]): Promise<Map<string, Document>> {
    const ids = new Set(annotations.map((a) => a.anchor.docId))
    const known = new Set((await this.corpus.list()).map((d) => d.id))
    const entries = await Promise.all(
      [...ids]
        .filter((id) => known.has(id))
        .map(async (id) => [id, await this.corpus.get(id)] as const),
    )
    return new Map(entries)
  }
}

/** The file's cap, tombstones included: refused before anything is confirmed, never at the next load. */
function refuseOverCap(count: number): void {
  if (count > MAX_ANNOTATIONS)
    throw new ServiceError(
      'limit-exceeded',
      `${count.toLocaleString('en')} annotations, deleted ones included; the most is ${MAX_ANNOTATIONS.toLocaleString('en')}`,
    )
}
