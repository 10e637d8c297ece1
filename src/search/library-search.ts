import type { Document, GlossaryTerm } from '../../electron/shared/model.ts'
import type { Dictionary } from '../chinese/dictionary.ts'
import { pageAcross, SearchEngine, type SearchFilter, type SearchPage } from './engine.ts'
import { loadEngine } from './load-engine.ts'

/**
 * What the app searches: the bundled corpus, its index loaded as shipped and never changed, and the
 * person's own documents in an index of their own, built in memory, which documents are added to
 * and removed from one at a time (rebuilding the bundled index for them would take seconds).
 */
export class LibrarySearch {
  private readonly bundled: SearchEngine
  private readonly own: SearchEngine

  private constructor(bundled: SearchEngine, glossary: readonly GlossaryTerm[]) {
    this.bundled = bundled
    this.own = SearchEngine.build([], glossary)
  }

  /** Over a built index file; throws if another version of the app built it. */
  static load(file: string, glossary: readonly GlossaryTerm[]): LibrarySearch {
    return new LibrarySearch(loadEngine(file, glossary), glossary)
  }

  get blockCount(): number {
    return this.bundled.blockCount + this.own.blockCount
  }

  /** Adds the person's documents (one added before is replaced). */
  add(documents: readonly Document[]): void {
    this.own.add(documents)
  }

  remove(docIds: readonly string[]): void {
    this.own.remove(docIds)
  }

  useDictionary(dictionary: Dictionary): void {
    this.bundled.useDictionary(dictionary)
    this.own.useDictionary(dictionary)
  }

  page(query: string, size: number, filter: SearchFilter = {}): SearchPage {
    return pageAcross([this.bundled, this.own], query, size, filter)
  }
}
