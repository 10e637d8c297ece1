import MiniSearch, { type SearchResult } from 'minisearch'
import type { Document, GlossaryTerm } from '../../electron/shared/model.ts'
import { GlossaryMatcher } from './glossary.ts'
import {
  INDEX_HASH,
  INDEX_OPTIONS,
  SEARCH_DEFAULTS,
  type IndexedBlock,
  type StoredBlock,
} from './options.ts'
import { parseQuery } from './query.ts'
import { makeSnippet, matchRanges, type Snippet } from './snippet.ts'

export interface SearchHit {
  docId: string
  blockId: string
  type: string
  score: number
  /** Which language the query matched in. */
  lang: 'en' | 'zh' | 'both'
  en: string
  zh: string
  snippets: { en: Snippet; zh: Snippet }
}

/** The serialized index as shipped in the bundle, tagged with the options that built it. */
export interface IndexFile {
  hash: string
  index: unknown
}

export function indexedBlocks(documents: readonly Document[]): IndexedBlock[] {
  return documents.flatMap((doc) =>
    doc.blocks.map((block) => ({
      id: `${doc.id}#${block.id}`,
      docId: doc.id,
      blockId: block.id,
      type: block.type,
      en: block.en,
      zh: block.zh,
      title: `${doc.title.en} ${doc.title.zh}`,
    })),
  )
}

/** Full-text search over every block in both languages: the one engine the app, CLI and bench run. */
export class SearchEngine {
  private readonly index: MiniSearch<IndexedBlock>
  private readonly glossary: GlossaryMatcher | null

  private constructor(index: MiniSearch<IndexedBlock>, glossary: readonly GlossaryTerm[]) {
    this.index = index
    this.glossary = glossary.length ? new GlossaryMatcher(glossary) : null
  }

  static build(
    documents: readonly Document[],
    glossary: readonly GlossaryTerm[] = [],
  ): SearchEngine {
    const index = new MiniSearch<IndexedBlock>(INDEX_OPTIONS)
    index.addAll(indexedBlocks(documents))
    return new SearchEngine(index, glossary)
  }

  /** Loads a shipped index; null when it was built with other options and must be rebuilt. */
  static load(file: IndexFile, glossary: readonly GlossaryTerm[] = []): SearchEngine | null {
    if (file.hash !== INDEX_HASH) return null
    const json = typeof file.index === 'string' ? file.index : JSON.stringify(file.index)
    return new SearchEngine(MiniSearch.loadJSON<IndexedBlock>(json, INDEX_OPTIONS), glossary)
  }

  serialize(): IndexFile {
    return { hash: INDEX_HASH, index: this.index.toJSON() }
  }

  get blockCount(): number {
    return this.index.documentCount
  }

  search(raw: string, limit = 50): SearchHit[] {
    const { query } = parseQuery(raw, this.glossary)
    if (!query) return []
    return this.index
      .search(query, SEARCH_DEFAULTS)
      .slice(0, Math.max(0, limit))
      .map((result) => this.toHit(result))
  }

  private toHit(result: SearchResult): SearchHit {
    const stored = result as unknown as SearchResult & StoredBlock
    const fields = new Set(Object.values(result.match).flat())
    const inEn = fields.has('en')
    const inZh = fields.has('zh')
    const enRanges = matchRanges(stored.en, result.terms)
    const zhRanges = matchRanges(stored.zh, result.terms)
    return {
      docId: stored.docId,
      blockId: stored.blockId,
      type: stored.type,
      score: result.score,
      lang: inEn && inZh ? 'both' : inZh ? 'zh' : 'en',
      en: stored.en,
      zh: stored.zh,
      snippets: { en: makeSnippet(stored.en, enRanges), zh: makeSnippet(stored.zh, zhRanges) },
    }
  }
}

/** Hits grouped by document, documents ordered by their best hit. */
export function groupByDocument(
  hits: readonly SearchHit[],
): Array<{ docId: string; hits: SearchHit[] }> {
  const groups = new Map<string, SearchHit[]>()
  for (const hit of hits) {
    const group = groups.get(hit.docId) ?? []
    group.push(hit)
    groups.set(hit.docId, group)
  }
  return [...groups].map(([docId, group]) => ({ docId, hits: group }))
}
