import type { AsPlainObject } from 'minisearch'
import type { ContentLang, Document, GlossaryTerm } from '../../electron/shared/model.ts'
import { GlossaryMatcher, termForms } from './glossary.ts'
import {
  FIELD_BIT,
  glossaryTerm,
  INDEX_HASH,
  type IndexedBlock,
  type StoredBlock,
} from './options.ts'
import { parseQuery } from './query.ts'
import { RankedIndex, type Ranked } from './ranker.ts'
import { makeSnippet, matchRanges, type Snippet } from './snippet.ts'

const FEW_RESULTS = 10
/** How many results a search shows at first, and how many more each "show more" adds. */
export const RESULTS_PAGE = 20

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

/** A page of results, and whether there are more after it. */
export interface SearchPage {
  hits: SearchHit[]
  more: boolean
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
  private readonly index: RankedIndex
  private readonly glossary: GlossaryMatcher | null
  /** How a glossary match (`g:<id>`) shows in the text: the term's forms in each language. */
  private readonly formsOf: Map<string, Record<ContentLang, string[]>>
  /**
   * Each block as stored, by short id, with its texts in lower case, where highlighting looks for
   * the matched words: made once at load (a tenth of the memory the index takes) rather than for
   * every result of every keystroke, and read straight from an array.
   */
  private readonly blocks: Array<{ stored: StoredBlock; lower: Record<ContentLang, string> }> = []

  private constructor(index: RankedIndex, glossary: readonly GlossaryTerm[]) {
    this.index = index
    this.glossary = glossary.length ? new GlossaryMatcher(glossary) : null
    const lower = (forms: string[]) => forms.map((form) => form.toLowerCase())
    this.formsOf = new Map(
      glossary.map((term) => [
        glossaryTerm(term.id),
        { en: lower(termForms(term, 'en')), zh: lower(termForms(term, 'zh')) },
      ]),
    )
    for (const [shortId, fields] of index.allStored()) {
      const stored = fields as unknown as StoredBlock
      const lower = { en: stored.en.toLowerCase(), zh: stored.zh.toLowerCase() }
      this.blocks[shortId] = { stored, lower }
    }
  }

  static build(
    documents: readonly Document[],
    glossary: readonly GlossaryTerm[] = [],
  ): SearchEngine {
    return new SearchEngine(RankedIndex.create(indexedBlocks(documents, glossary)), glossary)
  }

  /** Loads a shipped index; null when it was built with other options and must be rebuilt. */
  static load(file: IndexFile, glossary: readonly GlossaryTerm[] = []): SearchEngine | null {
    if (file.hash !== INDEX_HASH) return null
    // The index usually arrives already parsed, inside the JSON of its IndexFile.
    const js = typeof file.index === 'string' ? JSON.parse(file.index) : file.index
    return new SearchEngine(RankedIndex.fromJS(js as AsPlainObject), glossary)
  }

  serialize(): IndexFile {
    return { hash: INDEX_HASH, index: this.index.toJSON() }
  }

  get blockCount(): number {
    return this.index.documentCount
  }

  /** The best `limit` hits for what the user typed, best first. */
  search(raw: string, limit = 50): SearchHit[] {
    return this.rank(raw, limit).map((result) => this.toHit(result))
  }

  /**
   * A page of results: the best `size` hits, and whether the query has more. One more block is
   * ranked to know, but only the page gets its snippets.
   */
  page(raw: string, size: number): SearchPage {
    const ranked = this.rank(raw, size + 1)
    return {
      hits: ranked.slice(0, size).map((result) => this.toHit(result)),
      more: ranked.length > size,
    }
  }

  private rank(raw: string, limit: number): Ranked[] {
    const exact = parseQuery(raw, this.glossary, { typos: false })
    if (!exact) return []
    const wanted = Math.max(0, limit)
    let ranked = this.index.rank(exact, Math.max(wanted, FEW_RESULTS))
    // Typo tolerance costs time on every common word; it is only worth it when exact words fall short.
    if (ranked.length < FEW_RESULTS) {
      const tolerant = parseQuery(raw, this.glossary, { typos: true })
      if (tolerant) ranked = this.index.rank(tolerant, wanted)
    }
    return ranked.slice(0, wanted)
  }

  private toHit({ shortId, score, match }: Ranked): SearchHit {
    const { stored, lower } = this.blocks[shortId]!
    const words: Record<ContentLang, string[]> = { en: [], zh: [] }
    let fields = 0
    // Each language's text is searched only for what the index found in it.
    for (const { term, fields: termFields, shown } of match) {
      fields |= termFields
      const forms = this.formsOf.get(term)
      if (forms && termFields & FIELD_BIT.terms) {
        words.en.push(...forms.en)
        words.zh.push(...forms.zh)
      }
      if (termFields & FIELD_BIT.en) words.en.push(shown)
      if (termFields & FIELD_BIT.zh) words.zh.push(shown)
    }
    const enRanges = matchRanges(stored.en, words.en, lower.en)
    const zhRanges = matchRanges(stored.zh, words.zh, lower.zh)
    // A glossary term matches through its own field; the text shows in which language it stands.
    const viaGlossary = (fields & FIELD_BIT.terms) !== 0
    const inEn = (fields & FIELD_BIT.en) !== 0 || (viaGlossary && enRanges.length > 0)
    const inZh = (fields & FIELD_BIT.zh) !== 0 || (viaGlossary && zhRanges.length > 0)
    return {
      docId: stored.docId,
      blockId: stored.blockId,
      type: stored.type,
      score,
      lang: inEn && inZh ? 'both' : inZh ? 'zh' : 'en',
      en: stored.en,
      zh: stored.zh,
      snippets: {
        en: makeSnippet(stored.en, enRanges, 'en', lower.en),
        zh: makeSnippet(stored.zh, zhRanges, 'zh', lower.zh),
      },
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
