import MiniSearch, { type SearchResult } from 'minisearch'
import type { Document, GlossaryTerm } from '../../electron/shared/model.ts'
import { GlossaryMatcher, termForms } from './glossary.ts'
import {
  glossaryTerm,
  INDEX_HASH,
  INDEX_OPTIONS,
  SEARCH_DEFAULTS,
  type IndexedBlock,
  type StoredBlock,
} from './options.ts'
import { parseQuery } from './query.ts'
import { makeSnippet, matchRanges, type Snippet } from './snippet.ts'

const FEW_RESULTS = 10

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

export function indexedBlocks(
  documents: readonly Document[],
  glossary: readonly GlossaryTerm[] = [],
): IndexedBlock[] {
  const matcher = new GlossaryMatcher(glossary)
  return documents.flatMap((doc) =>
    doc.blocks.map((block, i) => {
      const found = [...matcher.find(block.en, 'en'), ...matcher.find(block.zh, 'zh')]
      return {
        id: `${doc.id}#${block.id}`,
        docId: doc.id,
        blockId: block.id,
        type: block.type,
        en: block.en,
        zh: block.zh,
        title: i === 0 ? `${doc.title.en} ${doc.title.zh}` : '',
        terms: [...new Set(found.map((m) => glossaryTerm(m.term.id)))].join(' '),
      }
    }),
  )
}

/** Full-text search over every block in both languages: the one engine the app, CLI and bench run. */
export class SearchEngine {
  private readonly index: MiniSearch<IndexedBlock>
  private readonly glossary: GlossaryMatcher | null
  private readonly termsById: Map<string, GlossaryTerm>

  private constructor(index: MiniSearch<IndexedBlock>, glossary: readonly GlossaryTerm[]) {
    this.index = index
    this.glossary = glossary.length ? new GlossaryMatcher(glossary) : null
    this.termsById = new Map(glossary.map((t) => [glossaryTerm(t.id), t]))
  }

  static build(
    documents: readonly Document[],
    glossary: readonly GlossaryTerm[] = [],
  ): SearchEngine {
    const index = new MiniSearch<IndexedBlock>(INDEX_OPTIONS)
    index.addAll(indexedBlocks(documents, glossary))
    return new SearchEngine(index, glossary)
  }

  /** Loads a shipped index; null when it was built with other options and must be rebuilt. */
  static load(file: IndexFile, glossary: readonly GlossaryTerm[] = []): SearchEngine | null {
    if (file.hash !== INDEX_HASH) return null
    // An index already parsed (the usual case: it arrives inside the JSON of its IndexFile) is
    // loaded as is; loadJSON would only stringify and parse it again.
    const index =
      typeof file.index === 'string'
        ? MiniSearch.loadJSON<IndexedBlock>(file.index, INDEX_OPTIONS)
        : MiniSearch.loadJS<IndexedBlock>(
            file.index as Parameters<typeof MiniSearch.loadJS>[0],
            INDEX_OPTIONS,
          )
    return new SearchEngine(index, glossary)
  }

  serialize(): IndexFile {
    return { hash: INDEX_HASH, index: this.index.toJSON() }
  }

  get blockCount(): number {
    return this.index.documentCount
  }

  search(raw: string, limit = 50): SearchHit[] {
    const exact = parseQuery(raw, this.glossary, { typos: false })
    if (!exact) return []
    let results = this.index.search(exact, SEARCH_DEFAULTS)
    // Typo tolerance costs time on every common word; it is only worth it when exact words fall short.
    if (results.length < FEW_RESULTS) {
      const tolerant = parseQuery(raw, this.glossary, { typos: true })
      if (tolerant) results = this.index.search(tolerant, SEARCH_DEFAULTS)
    }
    return results.slice(0, Math.max(0, limit)).map((result) => this.toHit(result))
  }

  private toHit(result: SearchResult): SearchHit {
    const stored = result as unknown as SearchResult & StoredBlock
    const fields = new Set(Object.values(result.match).flat())
    // A glossary match (`g:<id>`) is highlighted wherever the term's forms stand, in both languages.
    const words = result.terms.flatMap((term) => {
      const entry = this.termsById.get(term)
      return entry
        ? [...termForms(entry, 'en'), ...termForms(entry, 'zh')].map((f) => f.toLowerCase())
        : [term]
    })
    const enRanges = matchRanges(stored.en, words)
    const zhRanges = matchRanges(stored.zh, words)
    // A glossary term matches through its own field; the text shows in which language it stands.
    const inEn = fields.has('en') || (fields.has('terms') && enRanges.length > 0)
    const inZh = fields.has('zh') || (fields.has('terms') && zhRanges.length > 0)
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
