import type { Document } from '../electron/shared/model.ts'
import { normalize } from '../src/search/normalize.ts'

/**
 * The baseline the index must beat, and the ground truth for recall: every block's English and
 * Chinese normalized once up front; a query matches the blocks whose text contains every
 * whitespace-separated part of the normalized query as a substring.
 */
export class LinearScan {
  private readonly ids: string[]
  private readonly texts: string[]

  constructor(documents: readonly Document[]) {
    this.ids = []
    this.texts = []
    for (const doc of documents) {
      for (const block of doc.blocks) {
        this.ids.push(`${doc.id}#${block.id}`)
        this.texts.push(normalize(`${block.en}\n${block.zh}`))
      }
    }
  }

  get size(): number {
    return this.ids.length
  }

  /** Ids (`docId#blockId`) of the matching blocks, in corpus order. */
  search(query: string): string[] {
    const parts = normalize(query).split(/\s+/).filter(Boolean)
    if (!parts.length) return []
    const hits: string[] = []
    const { ids, texts } = this
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!
      let all = true
      for (const part of parts) {
        if (!text.includes(part)) {
          all = false
          break
        }
      }
      if (all) hits.push(ids[i]!)
    }
    return hits
  }
}
