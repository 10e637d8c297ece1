import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SEARCH_INDEX_FILE } from '../shared/model.ts'
import { SearchEngine } from '../../src/search/engine.ts'
import { indexHash } from '../../src/search/index-file.ts'
import { INDEX_HASH } from '../../src/search/options.ts'
import type { CorpusService } from './corpus.ts'

/**
 * Hands the renderer the search index built with the corpus. An index built by another version of
 * the search module (or a missing or damaged one) is rebuilt from the corpus, and the caller is told.
 */
export class SearchIndexService {
  private readonly contentDir: string
  private readonly corpus: CorpusService
  private cached: Promise<{ file: string; rebuilt: boolean }> | null = null

  constructor(contentDir: string, corpus: CorpusService) {
    this.contentDir = contentDir
    this.corpus = corpus
  }

  get(): Promise<{ file: string; rebuilt: boolean }> {
    this.cached ??= this.read().catch((error: unknown) => {
      this.cached = null
      throw error
    })
    return this.cached
  }

  private async read(): Promise<{ file: string; rebuilt: boolean }> {
    const text = await readFile(join(this.contentDir, SEARCH_INDEX_FILE), 'utf8').catch(() => null)
    // The header alone is read here (and the postings' length checked): the worker decodes the rest.
    if (text && indexHash(text) === INDEX_HASH) return { file: text, rebuilt: false }
    const documents = await Promise.all(
      (await this.corpus.list()).map((d) => this.corpus.get(d.id)),
    )
    const rebuilt = SearchEngine.buildToShip(documents, await this.corpus.glossary()).serialize()
    return { file: rebuilt, rebuilt: true }
  }
}
