import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SEARCH_INDEX_FILE } from '../shared/model.ts'
import { SearchEngine, type IndexFile } from '../../src/search/engine.ts'
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
    if (text && hashOf(text) === INDEX_HASH) return { file: text, rebuilt: false }
    const documents = await Promise.all(
      (await this.corpus.list()).map((d) => this.corpus.get(d.id)),
    )
    const rebuilt: IndexFile = SearchEngine.build(
      documents,
      await this.corpus.glossary(),
    ).serialize()
    return { file: JSON.stringify(rebuilt), rebuilt: true }
  }
}

function hashOf(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as Partial<IndexFile>
    return typeof parsed.hash === 'string' && parsed.index !== undefined ? parsed.hash : null
  } catch {
    return null
  }
}
