import { createHash } from 'node:crypto'
import { ORPHANED, placeExactly, placeStepwise } from '../shared/anchoring.ts'
import type { Annotation, PlacedAnnotation, Placement } from '../shared/annotations.ts'
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

/**
 * Places annotations in the current content without ever making the caller wait for a search.
 * `place` answers at once: from the cache (per annotation, anchor and content version), from the
 * recorded offsets when they still hold the quote, and `pending` for the rest, which are searched for
 * in the background in slices of at most `sliceMs` and reported to `onPlaced` listeners in batches.
 * An answer from the cache is the very object answered before: callers copy it (IPC does), never
 * change it.
 */
export class AnchorPlacer {
  private readonly sliceMs: number
  private readonly batchMs: number
  private readonly indexes = new WeakMap<Document, Indexed>()
  /**
   * The last answer per annotation id, handed out again while its anchor holds: a list answered
   * from here allocates nothing per annotation (100k of them made the GC pause).
   */
  private readonly placed = new Map<string, PlacedAnnotation>()
  /** The content version, per document, that every placement in `placed` was made in. */
  private readonly versions = new Map<string, string>()
  private readonly queue = new Map<string, Job>()
  private readonly listeners = new Set<(updates: PlacementUpdate[]) => void>()
  private running: Promise<void> | null = null

  constructor({ sliceMs = 10, batchMs = 200 }: PlacerOptions = {}) {
    this.sliceMs = sliceMs
    this.batchMs = batchMs
  }

  place(
    annotations: readonly Annotation[],
    documents: ReadonlyMap<string, Document>,
  ): PlacedAnnotation[] {
    for (const [docId, document] of documents) this.settle(docId, this.index(document).version)
    const placed = annotations.map((annotation) => {
      const { id, anchor } = annotation
      const document = documents.get(anchor.docId)
      if (!document) return { annotation, placement: ORPHANED }
      const { version, blocks } = this.index(document)
      const known = this.placed.get(id)
      if (known && known.annotation.anchor === anchor)
        return known.annotation === annotation ? known : this.remember(annotation, known.placement)
      const exact = placeExactly(anchor, blocks.get(anchor.blockId))
      if (exact) {
        // A search for the anchor this one replaced (an import) must not report over it.
        this.queue.delete(id)
        return this.remember(annotation, exact)
      }
      const queued = this.queue.get(id)
      if (!queued || queued.annotation.anchor !== anchor || queued.version !== version) {
        this.placed.delete(id)
        this.queue.set(id, { annotation, document, version, steps: null })
      }
      return { annotation, placement: PENDING }
    })
    if (this.queue.size) this.running ??= this.drain()
    return placed
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

  /** A revised document is a new version, and every placement made in the old one is redone. */
  private settle(docId: string, version: string): void {
    const previous = this.versions.get(docId)
    if (previous === version) return
    this.versions.set(docId, version)
    if (previous === undefined) return
    for (const [id, { annotation }] of this.placed)
      if (annotation.anchor.docId === docId) this.placed.delete(id)
  }

  private remember(annotation: Annotation, placement: Placement): PlacedAnnotation {
    const placed = { annotation, placement }
    this.placed.set(annotation.id, placed)
    return placed
  }

  private async drain(): Promise<void> {
    let found: PlacementUpdate[] = []
    let sentAt = performance.now()
    const send = () => {
      // An anchor replaced (by an import) since its placement was found is being searched anew.
      const updates = found.filter(
        ({ id, placement }) => this.placed.get(id)?.placement === placement,
      )
      found = []
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
        // Found in a version of the document replaced since (the annotation was not listed again).
        if (this.versions.get(job.annotation.anchor.docId) === job.version) {
          this.remember(job.annotation, step.value)
          found.push({ id, placement: step.value })
        }
        if (performance.now() >= sliceEnd) break
      }
      if (performance.now() - sentAt >= this.batchMs) send()
    }
    send()
    this.running = null
  }
}
