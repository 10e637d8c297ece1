import { createHash } from 'node:crypto'
import { holdsExactly, ORPHANED, placeStepwise } from '../shared/anchoring.ts'
import type { Annotation, PlacedAnnotation, Placement, TextAnchor } from '../shared/annotations.ts'
import type { Block, Document } from '../shared/model.ts'

export interface PlacementUpdate {
  id: string
  placement: Placement
}

export interface PlacerOptions {
  /** The longest the search may hold the event loop before letting other work run. */
  sliceMs?: number
  /** How often placements found in the background are sent on, at most. */
  batchMs?: number
}

interface Job {
  annotation: Annotation
  document: Document
  version: string
  steps: Generator<void, Placement> | null
}

interface Indexed {
  version: string
  blocks: Map<string, Block>
}

const PENDING: Placement = { status: 'pending', blockId: null, start: 0, end: 0 }

/** The placements found by a search in one version of a document, by the anchor they place. */
interface Found {
  version: string
  byAnchor: WeakMap<TextAnchor, Placement>
}

/**
 * Places annotations in the current content without ever making the caller wait for a search.
 * `locate` answers at once: `undefined` where the recorded offsets still hold the quote (most
 * annotations, checked in place each time, nothing made for them), a placement found before for the
 * same anchor in the same content version, and `pending` for the rest, which are searched for in the
 * background in slices of at most `sliceMs` and reported to `onPlaced` listeners in batches.
 */
export class AnchorPlacer {
  private readonly sliceMs: number
  private readonly batchMs: number
  private readonly indexes = new WeakMap<Document, Indexed>()
  /**
   * Per document, what the searches found in its current version, keyed by the (immutable) anchor
   * object: no copy of an annotation is kept, and a revised document simply starts a new map.
   */
  private readonly found = new Map<string, Found>()
  private readonly queue = new Map<string, Job>()
  /** Found since the last batch was sent, by annotation id. */
  private unsent = new Map<string, Placement>()
  private readonly listeners = new Set<(updates: PlacementUpdate[]) => void>()
  private running: Promise<void> | null = null

  constructor({ sliceMs = 5, batchMs = 200 }: PlacerOptions = {}) {
    this.sliceMs = sliceMs
    this.batchMs = batchMs
  }

  /** Where each annotation is now; `undefined` where it is exactly at its anchor. */
  locate(
    annotations: readonly Annotation[],
    documents: ReadonlyMap<string, Document>,
  ): (Placement | undefined)[] {
    for (const [docId, document] of documents) this.settle(docId, this.index(document).version)
    const placements = annotations.map((annotation) => {
      const { id, anchor } = annotation
      const document = documents.get(anchor.docId)
      if (!document) return ORPHANED
      const { version, blocks } = this.index(document)
      if (holdsExactly(anchor, blocks.get(anchor.blockId))) {
        // A search for the anchor this one replaced (an import) must not report over it.
        this.queue.delete(id)
        this.unsent.delete(id)
        return undefined
      }
      const known = this.found.get(anchor.docId)!.byAnchor.get(anchor)
      if (known) return known
      const queued = this.queue.get(id)
      if (!queued || queued.annotation.anchor !== anchor || queued.version !== version) {
        this.unsent.delete(id)
        this.queue.set(id, { annotation, document, version, steps: null })
      }
      return PENDING
    })
    if (this.queue.size) this.running ??= this.drain()
    return placements
  }

  /** `locate` with each annotation and its placement together. */
  place(
    annotations: readonly Annotation[],
    documents: ReadonlyMap<string, Document>,
  ): PlacedAnnotation[] {
    return this.locate(annotations, documents).map((placement, i) => {
      const annotation = annotations[i]!
      const { blockId, start, end } = annotation.anchor
      return { annotation, placement: placement ?? { status: 'exact', blockId, start, end } }
    })
  }

  onPlaced(listener: (updates: PlacementUpdate[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves when every pending placement has been found and reported. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  private index(document: Document): Indexed {
    let indexed = this.indexes.get(document)
    if (!indexed) {
      const version = createHash('sha256').update(JSON.stringify(document.blocks)).digest('hex')
      indexed = { version, blocks: new Map(document.blocks.map((b) => [b.id, b])) }
      this.indexes.set(document, indexed)
    }
    return indexed
  }

  /** A revised document is a new version, and every placement found in the old one is redone. */
  private settle(docId: string, version: string): void {
    if (this.found.get(docId)?.version !== version)
      this.found.set(docId, { version, byAnchor: new WeakMap() })
  }

  private async drain(): Promise<void> {
    let sentAt = performance.now()
    const send = () => {
      const updates = [...this.unsent].map(([id, placement]) => ({ id, placement }))
      this.unsent = new Map()
      sentAt = performance.now()
      if (updates.length) for (const listener of this.listeners) listener(updates)
    }
    while (this.queue.size) {
      // The caller's answer goes first; between slices, IPC calls, timers and writes run.
      await new Promise<void>((resolve) => setImmediate(resolve))
      const sliceEnd = performance.now() + this.sliceMs
      for (const [id, job] of this.queue) {
        job.steps ??= placeStepwise(job.annotation.anchor, job.document)
        let step = job.steps.next()
        while (!step.done && performance.now() < sliceEnd) step = job.steps.next()
        if (!step.done) break
        this.queue.delete(id)
        const { anchor } = job.annotation
        const found = this.found.get(anchor.docId)
        // Found in a version of the document replaced since (the annotation was not listed again).
        if (found?.version === job.version) {
          found.byAnchor.set(anchor, step.value)
          this.unsent.set(id, step.value)
        }
        if (performance.now() >= sliceEnd) break
      }
      if (performance.now() - sentAt >= this.batchMs) send()
    }
    send()
    this.running = null
  }
}
