import type { ContentLang, Document, GlossaryTerm } from '../../electron/shared/model.ts'
import type { Dictionary } from '../chinese/dictionary.ts'
import { GlossaryMatcher, termForms } from './glossary.ts'
import { decodeHash, decodeIndex, encodeIndex, type IndexParts } from './index-file.ts'
import {
  FIELD_BIT,
  glossaryTerm,
  INDEX_HASH,
  type IndexedBlock,
  type StoredBlock,
} from './options.ts'
import { parseQuery, type Query } from './query.ts'
import { RankedIndex, type BlockFilter, type Ranked } from './ranker.ts'
import { RESULTS_PAGE, type SearchFilter, type SearchHit, type SearchPage } from './results.ts'
import { gappedRanges, makeSnippet, matchRanges, type Range, type Snippet } from './snippet.ts'

export { RESULTS_PAGE } from './results.ts'
export type { SearchFilter, SearchHit, SearchPage } from './results.ts'

const FEW_RESULTS = 10

/**
 * How many more blocks than it shows a search with a language filter ranks, to keep those that
 * match in that language: which language a block matched in is known once it is ranked.
 */
const LANG_FILTER_SPAN = 4

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

/** A ranked block, and the Chinese words of the query that may have matched it with a gap. */
interface Found {
  ranked: Ranked
  gaps: string[]
}

/**
 * Full-text search over every block in both languages: the one engine the app, CLI and bench run.
 * The bundled corpus's engine is loaded as shipped; the person's own documents live in another one,
 * built in memory, to which documents are added and from which they are removed (see `searchAcross`).
 */
export class SearchEngine {
  private readonly index: RankedIndex
  private readonly glossaryTerms: readonly GlossaryTerm[]
  private readonly glossary: GlossaryMatcher | null
  /** How a glossary match (`g:<id>`) shows in the text: the term's forms in each language. */
  private readonly formsOf: Map<string, Record<ContentLang, string[]>>
  /**
   * Each block as stored, by short id, read straight from an array. Highlighting looks for the
   * matched words in its texts in lower case, made for the hits shown only: a copy of every text
   * would hold the corpus twice over.
   */
  private blocks: StoredBlock[] = []
  /** The index ids of each document's blocks, for the documents added with `add`. */
  private readonly added = new Map<string, string[]>()
  /** Whether documents were added or removed since the index's rankings were last worked out. */
  private stale = false
  /** The reader's dictionary, once it has loaded: words the glossary lacks cross languages through it. */
  private dictionary: Dictionary | undefined

  private constructor(index: RankedIndex, glossary: readonly GlossaryTerm[]) {
    this.index = index
    this.glossaryTerms = glossary
    this.glossary = glossary.length ? new GlossaryMatcher(glossary) : null
    const lower = (forms: string[]) => forms.map((form) => form.toLowerCase())
    this.formsOf = new Map(
      glossary.map((term) => [
        glossaryTerm(term.id),
        { en: lower(termForms(term, 'en')), zh: lower(termForms(term, 'zh')) },
      ]),
    )
    this.readBlocks()
  }

  private readBlocks() {
    this.blocks = []
    for (const [shortId, fields] of this.index.allStored()) {
      this.blocks[shortId] = fields as unknown as StoredBlock
    }
  }

  static build(
    documents: readonly Document[],
    glossary: readonly GlossaryTerm[] = [],
  ): SearchEngine {
    return new SearchEngine(RankedIndex.create(indexedBlocks(documents, glossary)), glossary)
  }

  /**
   * The engine over an index built to be shipped (`RankedIndex.toShip`), in half the time: it is
   * searched and serialized as `build`'s would be, but documents are not added to it.
   */
  static buildToShip(
    documents: readonly Document[],
    glossary: readonly GlossaryTerm[] = [],
  ): SearchEngine {
    return new SearchEngine(RankedIndex.toShip(indexedBlocks(documents, glossary)), glossary)
  }

  /**
   * Loads a shipped index (the text `serialize` made); null when it was built with other options
   * and must be rebuilt. Throws `DamagedIndexError` for a text that is not a whole index.
   */
  static load(file: string, glossary: readonly GlossaryTerm[] = []): SearchEngine | null {
    if (decodeHash(file) !== INDEX_HASH) return null
    return SearchEngine.fromParts(decodeIndex(file), glossary)
  }

  /** Over an index text's decoded parts (`decodeIndex`), of this version (see `load`). */
  static fromParts(parts: IndexParts, glossary: readonly GlossaryTerm[] = []): SearchEngine {
    return new SearchEngine(RankedIndex.fromParts(parts), glossary)
  }

  /** The index as shipped (see `index-file.ts`): what `load` reads. */
  serialize(): string {
    return encodeIndex(this.index.toParts(INDEX_HASH))
  }

  /**
   * Adds documents to the index (one already there is replaced): MiniSearch indexes their blocks
   * at once; the rankings derived from the index are worked out again on the next search.
   */
  add(documents: readonly Document[]): void {
    this.remove(documents.map((doc) => doc.id))
    const blocks = indexedBlocks(documents, this.glossaryTerms)
    this.index.addAll(blocks)
    for (const doc of documents) {
      this.added.set(
        doc.id,
        doc.blocks.map((block) => `${doc.id}#${block.id}`),
      )
    }
    this.stale = true
  }

  /** Removes documents added with `add`; ids it does not hold are ignored. */
  remove(docIds: readonly string[]): void {
    for (const docId of docIds) {
      const ids = this.added.get(docId)
      if (!ids) continue
      this.index.discardAll(ids)
      this.added.delete(docId)
      this.stale = true
    }
  }

  /** From now on, a word may also match what the dictionary gives for it in the other language. */
  useDictionary(dictionary: Dictionary): void {
    this.dictionary = dictionary
  }

  get blockCount(): number {
    return this.index.documentCount
  }

  /** The best `limit` hits for what the user typed, best first. */
  search(raw: string, limit = 50, filter: SearchFilter = {}): SearchHit[] {
    return searchAcross([this], raw, limit, filter)
  }

  /**
   * A page of results: the best `size` hits, and whether the query has more. One more block is
   * ranked to know, but only the page gets its snippets.
   */
  page(raw: string, size: number, filter: SearchFilter = {}): SearchPage {
    return pageAcross([this], raw, size, filter)
  }

  /**
   * Ranks in tiers, each after the ones before it, yielded one at a time so that the caller asks
   * for a tier only when the ones before it found few blocks (in every engine it searches): the
   * words as typed (the last one as a prefix; glossary terms in either language); then allowing
   * typos, pinyin, Chinese words with a gap and the dictionary's words in the other language; then
   * blocks that lack some of the words. So an exact match always comes first. `span`: how many
   * blocks a tier ranks.
   */
  *tiers(raw: string, span: number, filter: SearchFilter): Generator<Found[], void, void> {
    const exact = parseQuery(raw, this.glossary, { typos: false })
    if (!exact) return
    if (this.stale) {
      this.index.refresh()
      this.readBlocks()
      this.stale = false
    }
    const docs = filter.docIds && new Set(filter.docIds)
    const inDocs: BlockFilter = docs && ((id) => docs.has(this.blocks[id]!.docId))
    const seen = new Set<number>()
    const keep = (ranked: Ranked[], gaps: string[]) => {
      const found: Found[] = []
      for (const r of ranked) {
        // A block that matched in the other language only may match in this one at a later tier.
        if (seen.has(r.shortId) || (filter.lang && !this.matchedIn(r, filter.lang))) continue
        seen.add(r.shortId)
        found.push({ ranked: r, gaps })
      }
      return found
    }
    yield keep(this.index.rank(exact, Math.max(span, FEW_RESULTS), inDocs), [])
    const syllables = this.index.syllables
    const { dictionary } = this
    const tolerant = parseQuery(raw, this.glossary, {
      typos: true,
      syllables,
      gaps: true,
      dictionary,
    })!
    const gaps = gapWords(tolerant)
    const inGaps: BlockFilter = gaps.length
      ? (id) => this.holdsGapped(id, gaps) && (!inDocs || inDocs(id))
      : inDocs
    yield keep(this.index.rank(tolerant, span, inGaps), gaps)
    const partial = parseQuery(raw, this.glossary, { typos: true, syllables })!
    yield keep(this.index.rankPartial(partial, span, inDocs), [])
  }

  /** Whether a block's Chinese holds each word, whole or with a gap (`gappedRanges`). */
  private holdsGapped(shortId: number, words: readonly string[]): boolean {
    // The words are Chinese, which has no case: the text as stored will do.
    const { zh } = this.blocks[shortId]!
    return words.every((word) => zh.includes(word) || gappedRanges(zh, word).length > 0)
  }

  /** Whether a ranked block matched in a language: in its text, or through a glossary term. */
  private matchedIn({ match }: Ranked, lang: ContentLang): boolean {
    const fields = match.reduce((all, { fields }) => all | fields, 0)
    return (fields & (FIELD_BIT[lang] | FIELD_BIT.terms)) !== 0
  }

  /** A ranked block as a result; `gaps`: the Chinese words of the query that may have matched with a gap. */
  toHit({ ranked, gaps }: Found): SearchHit {
    const { shortId, score, match, missing } = ranked
    const stored = this.blocks[shortId]!
    const lower = { en: stored.en.toLowerCase(), zh: stored.zh.toLowerCase() }
    const words: Record<ContentLang, string[]> = { en: [], zh: [] }
    let fields = 0
    // A word matched with a gap shows whole, from its first character to its last, not as characters.
    const gapped = gaps.flatMap((word) => gappedRanges(lower.zh, word))
    for (const [start, end] of gapped) words.zh.push(lower.zh.slice(start, end))
    const ofGap = (term: string) => gapped.length > 0 && gaps.some((word) => word.includes(term))
    // Each language's text is searched only for what the index found in it.
    for (const { term, fields: termFields, shown } of match) {
      fields |= termFields
      if (ofGap(term)) continue
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
    const marked = (text: string, ranges: Range[]) => ranges.map(([s, e]) => text.slice(s, e))
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
      missing,
      marks: [...new Set([...marked(stored.en, enRanges), ...marked(stored.zh, zhRanges)])],
    }
  }
}

/**
 * The best `limit` blocks of several engines (the bundled corpus's and the person's own documents'),
 * tier by tier (see `SearchEngine.tiers`): a tier's blocks from every engine come before any of the
 * next tier's, merged by how many words they lack and then by score; a tier is only ranked when the
 * ones before it found few blocks in all of them.
 */
function rankAcross(
  engines: readonly SearchEngine[],
  raw: string,
  limit: number,
  filter: SearchFilter,
): Array<{ engine: SearchEngine; found: Found }> {
  const wanted = Math.max(0, limit)
  const span = filter.lang ? wanted * LANG_FILTER_SPAN : wanted
  const tiers = engines.map((engine) => engine.tiers(raw, span, filter))
  const all: Array<{ engine: SearchEngine; found: Found }> = []
  do {
    const tier = tiers.flatMap((next, i) => {
      const step = next.next()
      return step.done ? [] : [step.value.map((found) => ({ engine: engines[i]!, found }))]
    })
    if (!tier.length) break
    all.push(...mergeRanked(tier))
    // Looser readings cost time on every common word; they are only worth it when few blocks match.
  } while (all.length < FEW_RESULTS)
  return all.slice(0, wanted)
}

/** Lists each ranked best first, merged into one: fewer missing words first, then the higher score. */
function mergeRanked<T extends { found: Found }>(lists: readonly T[][]): T[] {
  if (lists.length === 1) return lists[0]!
  const before = (a: Found, b: Found) =>
    a.ranked.missing.length - b.ranked.missing.length || b.ranked.score - a.ranked.score
  const at = lists.map(() => 0)
  const merged: T[] = []
  for (;;) {
    let best = -1
    lists.forEach((list, i) => {
      const item = list[at[i]!]
      if (item && (best < 0 || before(item.found, lists[best]![at[best]!]!.found) < 0)) best = i
    })
    if (best < 0) return merged
    merged.push(lists[best]![at[best]!++]!)
  }
}

/** The best `limit` hits of several engines for what the user typed (see `rankAcross`). */
export function searchAcross(
  engines: readonly SearchEngine[],
  raw: string,
  limit: number,
  filter: SearchFilter = {},
): SearchHit[] {
  return rankAcross(engines, raw, limit, filter).map(({ engine, found }) => engine.toHit(found))
}

/** A page of the hits of several engines, and whether there are more (see `SearchEngine.page`). */
export function pageAcross(
  engines: readonly SearchEngine[],
  raw: string,
  size: number,
  filter: SearchFilter = {},
): SearchPage {
  const ranked = rankAcross(engines, raw, size + 1, filter)
  return {
    hits: ranked.slice(0, size).map(({ engine, found }) => engine.toHit(found)),
    more: ranked.length > size,
  }
}

/** The Chinese words of a query that may match with a gap (see `Leaf.loose`). */
function gapWords(query: Query): string[] {
  const leaves = query.flat(2).filter((leaf) => leaf.loose === 'gap')
  return [...new Set(leaves.map((leaf) => leaf.word))]
}
