import MiniSearch, { type AsPlainObject } from 'minisearch'
import { popcount } from './bits.ts'
import { TypoLookup } from './edit-distance.ts'
import {
  Accumulator,
  BlockSet,
  blocksMeeting,
  DocBitmap,
  gallop,
  Joiner,
  keepWhere,
  MatchesPool,
  topK,
  union,
  type Matches,
  type Postings,
  type Weighted,
} from './matches.ts'
import {
  FIELD_BIT,
  INDEX_FIELDS,
  INDEX_OPTIONS,
  isGlossaryTerm,
  RANKING,
  type IndexedBlock,
  type StoredBlock,
} from './options.ts'
import type { Readings } from './pinyin.ts'
import { readingsOf } from './pinyin-readings.ts'
import type { IndexParts } from './index-file.ts'
import { clauseWords, MAX_TERMS, type Clause, type Leaf, type Query } from './query.ts'
import { isWordTail } from './snippet.ts'

/** An index term that matched a block (a query word as indexed, or what a prefix or typo expanded to). */
export interface TermMatch {
  term: string
  /** The fields it matched in, as bits: `FIELD_BIT`. */
  fields: number
  /**
   * What to look for to highlight it: the prefix being typed for a word that completes it, since a
   * match extends to the end of its word ("innov" shows "innovation" and "innovative" in one pass);
   * else the term itself.
   */
  shown: string
}

/** One ranked block: its short id in the index, its score, and what matched where. */
export interface Ranked {
  shortId: number
  score: number
  match: TermMatch[]
  /** The words of the query the block lacks (`clauseWords`): none but for a partial match. */
  missing: string[]
}

/** Which blocks may be ranked, by short id; every block when omitted. */
export type BlockFilter = ((shortId: number) => boolean) | undefined

const HAN_TERM = /^\p{Script=Han}$/u

/**
 * Up to this many lists are merged two at a time, in order; more (a short prefix's completions) are
 * summed through a table over all blocks, which costs more per block but not per list.
 */
const MERGED_LISTS = 4

/** How many of a long list's best blocks stand for it when a query wants its best few blocks. */
const TIER = 512

/**
 * What trying the top tiers costs before it looks at a single block (gathering the candidates, and
 * a second pass of the query's machinery), in tiers' worth of blocks that a full evaluation handles
 * in that time: about a thousand blocks, measured on the bench's queries. A word that matches a
 * couple of thousand blocks is ranked sooner by going through them all.
 */
const TIERS_OVERHEAD = 2

/** A list with more blocks than this share of the index gets a bitmap (see `DocBitmap`). */
const BITMAP_SHARE = 1 / 32

/** A term's postings, and in which fields it occurs in each block (`FIELD_BIT`). */
interface TermPostings extends Postings {
  fields: Uint8Array
  /** For a long list, its blocks that score above `rest`, ascending (fewer than the tier); else null. */
  top: Int32Array | null
  /** The best score of a block outside `top`; 0 when the list has no `top`. */
  rest: number
}

/** An index term a query term stands for, and how much a match on it weighs. */
interface Derived extends Weighted {
  term: string
  postings: TermPostings
  /** See `TermMatch.shown`. */
  shown: string
}

/** A query term with what it stands for in the index, and the bit that marks a match on it. */
interface Expanded {
  derived: Derived[]
  source: number
  /** How many postings it spans: what evaluating it costs, and at most how many blocks it matches. */
  size: number
}

/**
 * MiniSearch's index, ranked without MiniSearch's query executor. MiniSearch scores every block that
 * matches before it sorts them, with an object per block and per term; when a word is in half the
 * corpus ("Jiangmen", 江门), that is most of the time a search takes. Here every term's BM25 score
 * per block is computed once, when the index is built or loaded, into typed arrays. A query starts
 * from its rarest requirement and narrows it down (or, where the others rule out most of its blocks,
 * from the blocks that meet them all, found on bit sets), then keeps the best `limit` blocks. A query
 * that wants few blocks may find them among the best blocks of each list. The scores are
 * MiniSearch's own to seven significant digits (a unit test checks them against `MiniSearch.search`),
 * and the index is still built, serialized and loaded by MiniSearch.
 */
export class RankedIndex extends MiniSearch<IndexedBlock> {
  private postings = new Map<string, TermPostings>()
  /**
   * Every word of the texts, sorted, so the completions of a prefix are one contiguous run; the
   * glossary's own terms are left out, as no prefix should lead to them ("g" to every `g:…`).
   */
  private sortedTerms: string[] = []
  private typos = new TypoLookup([])
  /** For each pinyin syllable, the characters of the index read that way. */
  private readings: Readings = {}
  /** The characters `readings` has read (some have no pinyin). */
  private read = new Set<string>()
  /** The pinyin syllables the index's characters can be read as: what a pinyin query splits into. */
  syllables: ReadonlySet<string> = new Set()
  private tier = TIER
  /** Whether the index was loaded from its serialized form (see `fromParts`). */
  private frozen = false
  /** Whether the index was built without MiniSearch's term index (see `toShip`). */
  private lean = false
  private sums = new Accumulator(0)
  private candidates = new BlockSet(0)
  /** Scratch bit sets for `blocksMeeting`. */
  private sets: BlockSet[] = []
  /** How many 32-bit words a bit set over the index takes. */
  private wordsPerSet = 0
  private joiner = new Joiner(0)
  private pool = new MatchesPool(0)
  /** For each block, its position among the hits being reported, or -1. */
  private hitSlot = new Int32Array(0)

  /** `tier`: how many of a long list's best blocks stand for it (see `bestFromTops`). */
  static create(blocks: readonly IndexedBlock[], tier = TIER): RankedIndex {
    const index = new RankedIndex(INDEX_OPTIONS)
    index.addAllOnce(blocks)
    index.prepare(tier, index._index)
    return index
  }

  /**
   * The index as `create` makes it, for shipping (`toParts`) and searching only: MiniSearch adds
   * the blocks (their ids, stored fields and field lengths) but its term index, a map per term and
   * field with an entry per block, is not made: the terms' occurrences are gathered in typed arrays
   * and scored from there, as `prepare` scores MiniSearch's maps (to the last bit: a unit test
   * compares the two). Filling those maps was half of building a library's index. Blocks cannot
   * be added to nor removed from it.
   */
  static toShip(blocks: readonly IndexedBlock[], tier = TIER): RankedIndex {
    const index = new RankedIndex(INDEX_OPTIONS)
    const gathered = new Gathered()
    index.addAllOnce(blocks, (fieldId, doc, term, count) =>
      gathered.push(term, fieldId, doc, count),
    )
    index.lean = true
    index.prepareGathered(tier, gathered)
    return index
  }

  /**
   * The index as `toParts` gave it (see `index-file.ts`). The rankings are views over the decoded
   * postings: MiniSearch's own index (a map per term and field, an entry per block, several times
   * the memory of the rankings) is not made, so this index is searched, never changed nor
   * serialized again. MiniSearch holds what the blocks hold (their ids and stored fields).
   */
  static fromParts(parts: IndexParts, tier = TIER): RankedIndex {
    const index = new RankedIndex(INDEX_OPTIONS)
    const { blocks } = parts
    for (let shortId = 0; shortId < blocks.length; shortId++) {
      const block = blocks[shortId]!
      const id = `${block.docId}#${block.blockId}`
      index._documentIds.set(shortId, id)
      index._idToShortId.set(id, shortId)
      index._storedFields.set(shortId, block as unknown as Record<string, unknown>)
    }
    index._documentCount = blocks.length
    index._nextId = blocks.length
    index._avgFieldLength = parts.averageFieldLength
    index.frozen = true
    index.allocate()
    const { terms, counts, rests, docs, impacts, fields } = parts
    const size = blocks.length
    for (let term = 0, start = 0; term < terms.length; term++) {
      const end = start + counts[term]!
      const list = { docs: docs.subarray(start, end), impacts: impacts.subarray(start, end) }
      index.postings.set(terms[term]!, {
        ...list,
        fields: fields.subarray(start, end),
        bitmap: list.docs.length > size * BITMAP_SHARE ? DocBitmap.of(list.docs, size) : null,
        ...(tier === TIER
          ? topAbove(list.docs, list.impacts, rests[term]!)
          : topTier(list.docs, list.impacts, tier)),
      })
      start = end
    }
    index.finish(tier, parts.readings)
    return index
  }

  /** The index in the form `fromParts` loads; refused for an index blocks left (short ids with gaps). */
  toParts(hash: string): IndexParts {
    this.refuseIfFrozen()
    if (this._documentCount !== this._nextId) {
      throw new Error('an index that blocks were discarded from is not serialized')
    }
    if (this.tier !== TIER) throw new Error(`an index is serialized with the tier ${TIER}`)
    const terms = [...this.postings.keys()]
    const lists = [...this.postings.values()]
    const total = lists.reduce((n, { docs }) => n + docs.length, 0)
    const parts: IndexParts = {
      hash,
      blocks: [],
      averageFieldLength: [...this._avgFieldLength],
      terms,
      counts: Uint32Array.from(lists, ({ docs }) => docs.length),
      rests: Float32Array.from(lists, ({ rest }) => rest),
      docs: new Int32Array(total),
      impacts: new Float32Array(total),
      fields: new Uint8Array(total),
      readings: this.readings,
    }
    let at = 0
    for (const { docs, impacts, fields } of lists) {
      parts.docs.set(docs, at)
      parts.impacts.set(impacts, at)
      parts.fields.set(fields, at)
      at += docs.length
    }
    for (let shortId = 0; shortId < this._nextId; shortId++) {
      parts.blocks.push(this._storedFields.get(shortId) as unknown as StoredBlock)
    }
    return parts
  }

  /**
   * `addAll` into an index that no block leaves meanwhile. MiniSearch finds a term's entry in its
   * radix tree for every occurrence of the term in every block (millions of walks down the tree
   * for a library); a term's entry is found there once, then kept by the term in a hash map, as
   * nothing is deleted from the tree while the blocks are added. And MiniSearch counts a term in a
   * block's field one occurrence at a time (three map lookups each: a Chinese character recurs
   * dozens of times in a paragraph); here each field's terms are counted first, then each term is
   * added once with its count. MiniSearch's index comes out the same, map for map, in the same
   * order.
   */
  private addAllOnce(
    blocks: readonly IndexedBlock[],
    sink?: (fieldId: number, doc: number, term: string, count: number) => void,
  ) {
    const tree = this._index
    const walk = tree.fetch
    const entries = new Map<string, ReturnType<typeof walk>>()
    const options = this._options
    const { tokenize } = options
    // MiniSearch's own addTerm, which it calls once per token.
    const internals = this as unknown as {
      addTerm: (field: number, doc: number, term: string) => void
    }
    let counts = new Map<string, number>()
    options.tokenize = (text, field) => {
      counts = new Map()
      for (const term of tokenize(text, field)) counts.set(term, (counts.get(term) ?? 0) + 1)
      // Each term once: MiniSearch takes the field's length as its count of distinct terms.
      return [...counts.keys()]
    }
    internals.addTerm = (fieldId, doc, term) => {
      if (sink) return sink(fieldId, doc, term, counts.get(term)!)
      let entry = entries.get(term)
      if (!entry) entries.set(term, (entry = walk.call(tree, term, createEntry)))
      const byDoc = entry.get(fieldId)
      if (byDoc) byDoc.set(doc, counts.get(term)!)
      else entry.set(fieldId, new Map([[doc, counts.get(term)!]]))
    }
    try {
      this.addAll(blocks)
    } finally {
      options.tokenize = tokenize
      delete (internals as { addTerm?: unknown }).addTerm
    }
  }

  override add(block: IndexedBlock): void {
    this.refuseIfFrozen()
    this.refuseIfLean()
    super.add(block)
  }

  override discard(id: unknown): void {
    this.refuseIfFrozen()
    this.refuseIfLean()
    super.discard(id)
  }

  override toJSON(): AsPlainObject {
    this.refuseIfFrozen()
    this.refuseIfLean()
    return super.toJSON()
  }

  private refuseIfFrozen() {
    if (this.frozen) throw new Error('a loaded search index is not changed nor serialized again')
  }

  /** A lean index has no term index of MiniSearch's to change or serialize (see `toShip`). */
  private refuseIfLean() {
    if (this.lean) throw new Error('an index built to ship is not changed')
  }

  /** The pinyin of the index's characters, to ship with it (see `Readings`). */
  pinyinReadings(): Readings {
    return this.readings
  }

  /** Every block's short id and stored fields: what a result shows without loading the documents. */
  allStored(): IterableIterator<[number, Record<string, unknown>]> {
    return this._storedFields.entries()
  }

  /**
   * Works the rankings out again after blocks were added or discarded: what a search reads is
   * derived from MiniSearch's index as a whole (the BM25 of every term depends on every block), and
   * the small index of the person's own documents takes a moment to go through. Only the characters
   * not read before are read in pinyin.
   */
  refresh(): void {
    this.refuseIfFrozen()
    this.refuseIfLean()
    this.prepare(this.tier, this._index)
  }

  /** The scratch space of a search, sized to the index. */
  private allocate() {
    const size = this._nextId
    this.sums = new Accumulator(size)
    this.candidates = new BlockSet(size)
    this.sets = [0, 1, 2, 3].map(() => new BlockSet(size))
    this.wordsPerSet = (size + 31) >>> 5
    this.joiner = new Joiner(size)
    this.pool = new MatchesPool(size)
    this.hitSlot = new Int32Array(size).fill(-1)
  }

  /** Each block's boost (a heading's), and its length in each field, by short id. */
  private blockWeights(): { docBoost: Float64Array; fieldLengths: Float64Array[] } {
    const size = this._nextId
    const docBoost = new Float64Array(size).fill(1)
    for (const [shortId, fields] of this._storedFields) {
      if (fields['type'] === 'heading') docBoost[shortId] = RANKING.headingBoost
    }
    const fieldLengths = INDEX_FIELDS.map(() => new Float64Array(size))
    for (const [shortId, lengths] of this._fieldLength) {
      lengths.forEach((length, fieldId) => (fieldLengths[fieldId]![shortId] = length))
    }
    return { docBoost, fieldLengths }
  }

  private prepare(tier: number, source: Iterable<[string, TermFields]>) {
    this.postings = new Map()
    const size = this._nextId
    const { docBoost, fieldLengths } = this.blockWeights()
    this.allocate()
    const fieldsOf = new Uint8Array(size)
    // Whether each block is in the index (not discarded): read for each of millions of entries.
    const live = new Uint8Array(size)
    for (const shortId of this._documentIds.keys()) live[shortId] = 1
    const { k, b, d } = RANKING.bm25
    const total = this._documentCount
    const scratch = this.pool.take()
    for (const [term, byField] of source) {
      this.sums.begin()
      // In the order of the fields, as the serialized index had them: the same sums to the last bit.
      for (const [fieldId, freqs] of [...byField].sort(([x], [y]) => x - y)) {
        const field = INDEX_FIELDS[fieldId]
        if (!field) continue
        const boost = RANKING.fieldBoost[field]
        const average = this._avgFieldLength[fieldId]!
        const lengths = fieldLengths[fieldId]!
        const score = (doc: number, tf: number, idf: number) => {
          if (!live[doc]) return
          const bm25 = d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]!) / average))
          this.sums.add(doc, boost * idf * bm25 * docBoost[doc]!, 0)
          fieldsOf[doc]! |= FIELD_BIT[field]
        }
        const idf = (blocks: number) => Math.log(1 + (total - blocks + 0.5) / (blocks + 0.5))
        if (freqs instanceof Map) {
          const weight = idf(freqs.size)
          for (const [doc, tf] of freqs) score(doc, tf, weight)
        } else {
          const docs = Object.keys(freqs)
          const weight = idf(docs.length)
          for (const doc of docs) score(Number(doc), freqs[doc]!, weight)
        }
      }
      this.sums.collect(scratch)
      // A term of discarded blocks only, until MiniSearch vacuums it away.
      if (!scratch.length) continue
      const docs = scratch.docs.slice(0, scratch.length)
      const fields = new Uint8Array(docs.length)
      for (let i = 0; i < docs.length; i++) {
        fields[i] = fieldsOf[docs[i]!]!
        fieldsOf[docs[i]!] = 0
      }
      this.keep(
        term,
        docs,
        Float32Array.from(scratch.scores.subarray(0, scratch.length)),
        fields,
        tier,
      )
    }
    this.pool.give(scratch)
    this.finish(tier)
  }

  private keep(
    term: string,
    docs: Int32Array,
    impacts: Float32Array,
    fields: Uint8Array,
    tier: number,
  ) {
    const size = this._nextId
    this.postings.set(term, {
      docs,
      impacts,
      fields,
      bitmap: docs.length > size * BITMAP_SHARE ? DocBitmap.of(docs, size) : null,
      ...topTier(docs, impacts, tier),
    })
  }

  /**
   * `prepare` over the occurrences `toShip` gathered. They come block after block, and in a block
   * field after field: each block's score sums its fields in the order `prepare` adds them.
   */
  private prepareGathered(tier: number, gathered: Gathered) {
    this.postings = new Map()
    const size = this._nextId
    const { docBoost, fieldLengths } = this.blockWeights()
    this.allocate()
    const { k, b, d } = RANKING.bm25
    const total = this._documentCount
    const boosts = INDEX_FIELDS.map((field) => RANKING.fieldBoost[field])
    const bits = INDEX_FIELDS.map((field) => FIELD_BIT[field])
    const idfs = new Float64Array(INDEX_FIELDS.length)
    const blocksIn = new Int32Array(INDEX_FIELDS.length)
    const sums = new Float64Array(size)
    const { order, starts, field, doc, count } = gathered.byTerm()
    gathered.terms.forEach((term, id) => {
      const start = starts[id]!
      const end = starts[id + 1]!
      blocksIn.fill(0)
      for (let i = start; i < end; i++) blocksIn[field[order[i]!]!]!++
      for (let f = 0; f < idfs.length; f++) {
        idfs[f] = Math.log(1 + (total - blocksIn[f]! + 0.5) / (blocksIn[f]! + 0.5))
      }
      const docs: number[] = []
      const fields: number[] = []
      for (let i = start; i < end; i++) {
        const at = order[i]!
        const block = doc[at]!
        const fieldId = field[at]!
        const tf = count[at]!
        const length = fieldLengths[fieldId]![block]!
        const average = this._avgFieldLength[fieldId]!
        const bm25 = d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average))
        const score = boosts[fieldId]! * idfs[fieldId]! * bm25 * docBoost[block]!
        if (docs[docs.length - 1] === block) {
          sums[docs.length - 1] = sums[docs.length - 1]! + score
          fields[fields.length - 1]! |= bits[fieldId]!
        } else {
          sums[docs.length] = score
          docs.push(block)
          fields.push(bits[fieldId]!)
        }
      }
      this.keep(
        term,
        Int32Array.from(docs),
        Float32Array.from(sums.subarray(0, docs.length)),
        Uint8Array.from(fields),
        tier,
      )
    })
    this.finish(tier)
  }

  /** What a search reads besides the postings: the terms in order, their typos, their pinyin. */
  private finish(tier: number, readings?: Readings) {
    this.tier = tier
    const terms = [...this.postings.keys()].sort()
    this.sortedTerms = terms.filter((term) => !isGlossaryTerm(term))
    // Typos are looked up among all terms, as MiniSearch does, so scores stay MiniSearch's: only a
    // typo-tolerant word within a fifth of its length of a glossary id (such as "jiangmen" and
    // `g:jiangmen`) reaches it, and typos are only tried when the exact words find few results.
    this.typos = new TypoLookup(terms)
    const chars = terms.filter((term) => HAN_TERM.test(term))
    if (readings) this.readings = readings
    else {
      const unread = chars.filter((char) => !this.read.has(char))
      if (unread.length) this.readings = mergeReadings(this.readings, readingsOf(unread))
    }
    for (const char of chars) this.read.add(char)
    this.syllables = new Set(Object.keys(this.readings))
  }

  /** The best `limit` blocks (that `accept` takes) for a query, best first; ties go to the earlier block. */
  rank(query: Query, limit: number, accept?: BlockFilter): Ranked[] {
    const expanded = this.expandAll(query)
    const best = this.bestMeetingAll(query, expanded, limit, accept)
    return this.report(
      best,
      query,
      expanded,
      best.map(() => []),
    )
  }

  /** The best `limit` blocks (that `accept` takes) that meet every clause, best first. */
  private bestMeetingAll(
    query: Query,
    expanded: Map<Leaf, Expanded>,
    limit: number,
    accept: BlockFilter,
  ): Array<{ doc: number; score: number }> {
    const size = (leaves: Leaf[]) => Math.min(...leaves.map((leaf) => expanded.get(leaf)!.size))
    const clauseSize = (clause: Leaf[][]) => clause.reduce((sum, leaves) => sum + size(leaves), 0)
    // The rarest requirement first: every later one only looks at the blocks still in the running.
    const clauses = [...query].sort((x, y) => clauseSize(x) - clauseSize(y))
    const rarest = clauseSize(clauses[0]!)
    // A requirement nothing meets (a misspelt word, before typos are tried): no block matches.
    if (rarest === 0) return []
    // Where the other requirements should rule out more of the rarest one's blocks than a bit set
    // has words (if words occurred independently), the blocks that meet them all are found 32 at a
    // time, and only those are scored.
    const kept = clauses
      .slice(1)
      .reduce((share, clause) => share * Math.min(1, clauseSize(clause) / this.documentCount), 1)
    const narrowed = rarest * (1 - kept) > this.wordsPerSet
    return (
      this.bestFromTops(clauses, expanded, limit, rarest, accept) ??
      this.best(clauses, expanded, narrowed ? this.meeting(clauses, expanded) : null, limit, accept)
    )
  }

  /**
   * The best `limit` blocks (that `accept` takes) that meet every clause but one, best first, with
   * the clause each lacks; null when there are fewer, and blocks that meet fewer clauses count too.
   * Each clause left out is a query of the others, ranked as one (from the best blocks of long
   * lists, on bit sets) among the blocks that lack it: a partial query with a word in half the
   * corpus ("Jiangmen 碉楼 unicorn") would otherwise add up every block of every clause.
   */
  private bestLackingOne(
    query: Query,
    expanded: Map<Leaf, Expanded>,
    limit: number,
    accept: BlockFilter,
  ): { best: Array<{ doc: number; score: number }>; lacking: number[] } | null {
    const found: Array<{ doc: number; score: number; lacking: number }> = []
    query.forEach((clause, c) => {
      const lacks = (doc: number) => !this.meets(clause, expanded, doc) && (!accept || accept(doc))
      const others = query.filter((_, i) => i !== c)
      for (const { doc, score } of this.bestMeetingAll(others, expanded, limit, lacks)) {
        found.push({ doc, score, lacking: c })
      }
    })
    if (found.length < limit) return null
    found.sort((x, y) => y.score - x.score || x.doc - y.doc)
    const best = found.slice(0, limit)
    return {
      best: best.map(({ doc, score }) => ({ doc, score })),
      lacking: best.map((b) => b.lacking),
    }
  }

  /** Whether a block meets a clause: every term of one of its alternatives is in it. */
  private meets(clause: Clause, expanded: Map<Leaf, Expanded>, doc: number): boolean {
    return clause.some((leaves) =>
      leaves.every((leaf) =>
        expanded
          .get(leaf)!
          .derived.some(({ postings: { docs, bitmap } }) =>
            bitmap ? bitmap.positionOf(doc) >= 0 : docs[gallop(docs, doc, 0)] === doc,
          ),
      ),
    )
  }

  /** Ranked blocks with what matched where in each, and what each lacks. */
  private report(
    best: ReadonlyArray<{ doc: number; score: number }>,
    query: Query,
    expanded: Map<Leaf, Expanded>,
    missing: string[][],
  ): Ranked[] {
    const matches = this.matchesOf(
      best.map(({ doc }) => doc),
      query,
      expanded,
    )
    return best.map(({ doc, score }, i) => ({
      shortId: doc,
      score,
      match: matches[i]!,
      missing: missing[i]!,
    }))
  }

  /**
   * The best `limit` blocks (that `accept` takes) that meet some clauses of a query but not all:
   * those that meet the most first, then by score. A query of one clause has none.
   */
  rankPartial(query: Query, limit: number, accept?: BlockFilter): Ranked[] {
    if (query.length < 2 || limit < 1) return []
    const expanded = this.expandAll(query)
    const lackingOne = this.bestLackingOne(query, expanded, limit, accept)
    if (lackingOne) {
      const { best, lacking } = lackingOne
      const missing = lacking.map((c) => [clauseWords(query[c]!)])
      return this.report(best, query, expanded, missing)
    }
    const masks = query.map((clause) =>
      clause.flat().reduce((mask, leaf) => mask | expanded.get(leaf)!.source, 0),
    )
    this.sums.begin()
    for (const clause of query) {
      const found = this.clauseMatches(clause, expanded, null)
      for (let i = 0; i < found.length; i++) {
        this.sums.add(found.docs[i]!, found.scores[i]!, found.sources[i]!)
      }
      this.pool.give(found)
    }
    const all = this.pool.take()
    this.sums.collect(all)
    if (accept) keepWhere(all, accept)
    const met = (sources: number) => masks.reduce((n, mask) => n + +((sources & mask) !== 0), 0)
    const counts = Uint8Array.from(all.sources.subarray(0, all.length), met)
    const best: Array<{ doc: number; score: number }> = []
    const level = this.pool.take()
    for (let wanted = query.length - 1; wanted > 0 && best.length < limit; wanted--) {
      level.length = 0
      for (let i = 0; i < all.length; i++) {
        if (counts[i] !== wanted) continue
        level.docs[level.length] = all.docs[i]!
        level.scores[level.length] = all.scores[i]!
        level.sources[level.length++] = all.sources[i]!
      }
      best.push(...topK(level, limit - best.length))
    }
    const missing = best.map(({ doc }) => {
      const sources = all.sources[gallop(all.docs, doc, 0, all.length)]!
      return query.flatMap((clause, c) => (sources & masks[c]! ? [] : [clauseWords(clause)]))
    })
    this.pool.give(level)
    this.pool.give(all)
    return this.report(best, query, expanded, missing)
  }

  /** The best `limit` blocks (among `within`, when given, which this takes) that match every clause. */
  private best(
    clauses: Query,
    expanded: Map<Leaf, Expanded>,
    within: Matches | null,
    limit: number,
    accept: BlockFilter,
  ): Array<{ doc: number; score: number }> {
    let found = within
    for (const clause of clauses) {
      const next = this.clauseMatches(clause, expanded, found)
      if (found) this.pool.give(found)
      found = next
      if (!found.length) break
    }
    if (!found) return []
    if (accept) keepWhere(found, accept)
    const best = topK(found, limit)
    this.pool.give(found)
    return best
  }

  /** The blocks that meet every clause, without scores: see `blocksMeeting`. */
  private meeting(clauses: Query, expanded: Map<Leaf, Expanded>): Matches {
    const lists = clauses.map((clause) =>
      clause.map((leaves) => leaves.map((leaf) => expanded.get(leaf)!.derived)),
    )
    const out = this.pool.take()
    blocksMeeting(lists, this.sets, out)
    return out
  }

  /**
   * For a query with long lists that wants few blocks: its best blocks, looked for only among the
   * top tiers of its long lists and all of its short ones, if no other block can beat them; else
   * null. A block outside those scores at most every list's `rest`, times every term matched. Only
   * tried when those candidates, plus what trying costs (`TIERS_OVERHEAD`), are far fewer than the
   * blocks its rarest requirement matches (`rarest`), which is where a full evaluation starts.
   */
  private bestFromTops(
    clauses: Query,
    expanded: Map<Leaf, Expanded>,
    limit: number,
    rarest: number,
    accept: BlockFilter,
  ): Array<{ doc: number; score: number }> | null {
    const lists = [...expanded.values()].flatMap(({ derived }) => derived)
    const candidates = lists.reduce(
      (n, { postings }) => n + (postings.top ?? postings.docs).length,
      0,
    )
    const overhead = TIERS_OVERHEAD * this.tier
    if (limit < 1 || limit > this.tier || candidates * 2 + overhead > rarest) return null
    let bound = 0
    let sources = 0
    for (const { postings, weight } of lists) {
      bound += postings.rest * weight
      const docs = postings.top ?? postings.docs
      for (let i = 0; i < docs.length; i++) this.candidates.add(docs[i]!)
    }
    for (const { source } of expanded.values()) sources |= source
    const within = this.pool.take()
    this.candidates.drain(within)
    const best = this.best(clauses, expanded, within, limit, accept)
    const worstKept = best.length === limit ? best[limit - 1]!.score : -1
    return worstKept > bound * popcount(sources) ? best : null
  }

  private expandAll(query: Query): Map<Leaf, Expanded> {
    const sources = new Map<string, number>()
    for (const leaf of query.flat(2))
      if (!sources.has(leaf.term)) sources.set(leaf.term, sources.size)
    if (sources.size > MAX_TERMS)
      throw new RangeError(`a query looks up at most ${MAX_TERMS} terms`)
    const expanded = new Map<Leaf, Expanded>()
    for (const leaf of query.flat(2)) {
      const derived = this.derive(leaf)
      const size = derived.reduce((sum, { postings }) => sum + postings.docs.length, 0)
      expanded.set(leaf, { derived, source: 1 << sources.get(leaf.term)!, size })
    }
    return expanded
  }

  /** The blocks (among `within`, when given) that match any alternative of a clause. */
  private clauseMatches(
    clause: Leaf[][],
    expanded: Map<Leaf, Expanded>,
    within: Matches | null,
  ): Matches {
    const alternatives = clause.map((leaves) => this.alternativeMatches(leaves, expanded, within))
    if (!within) return this.unite(alternatives)
    // The alternatives scored their own terms only; the blocks' scores so far join them here.
    const out = this.pool.take()
    this.joiner.join(within, alternatives, out)
    for (const alternative of alternatives) this.pool.give(alternative)
    return out
  }

  /** The blocks (among `within`, when given) that match every term of an alternative, with those terms' scores. */
  private alternativeMatches(
    leaves: Leaf[],
    expanded: Map<Leaf, Expanded>,
    within: Matches | null,
  ): Matches {
    const terms = leaves.map((leaf) => expanded.get(leaf)!).sort((x, y) => x.size - y.size)
    let found: Matches | null = null
    for (const term of terms) {
      const base: Matches | null = found ?? within
      let next: Matches
      if (base) {
        next = this.pool.take()
        this.joiner.restrict(base, term.derived, term.source, found !== null, next)
      } else {
        next = this.termMatches(term)
      }
      if (found) this.pool.give(found)
      found = next
      if (!found.length) break
    }
    return found!
  }

  /** Every block a query term matches, with its score there. */
  private termMatches({ derived, source }: Expanded): Matches {
    if (derived.length <= MERGED_LISTS) {
      return this.unite(
        derived.map(({ postings, weight }) => {
          const { docs, impacts } = postings
          const out = this.pool.take()
          for (let i = 0; i < docs.length; i++) {
            out.docs[i] = docs[i]!
            out.scores[i] = impacts[i]! * weight
            out.sources[i] = source
          }
          out.length = docs.length
          return out
        }),
      )
    }
    // The completions of a short prefix: summed in one pass over all their postings.
    this.sums.begin()
    for (const { postings, weight } of derived) {
      const { docs, impacts } = postings
      for (let i = 0; i < docs.length; i++) this.sums.add(docs[i]!, impacts[i]! * weight, source)
    }
    const out = this.pool.take()
    this.sums.collect(out)
    return out
  }

  /** The blocks in any of the sets (which this takes), in order, with their scores added. */
  private unite(sets: Matches[]): Matches {
    let united = sets[0] ?? this.pool.take()
    for (const set of sets.slice(1)) {
      const both = this.pool.take()
      union(united, set, both)
      this.pool.give(united)
      this.pool.give(set)
      united = both
    }
    return united
  }

  /** The index terms a leaf stands for, weighted as MiniSearch weighs them. */
  private derive(leaf: Leaf): Derived[] {
    if (leaf.loose === 'pinyin') return this.readAs(leaf.term)
    const { term } = leaf
    const derived: Derived[] = []
    const exact = this.postings.get(term)
    if (exact) derived.push({ term, weight: 1, postings: exact, shown: term })
    const completions = new Set<string>()
    if (leaf.prefix) {
      for (let i = lowerBound(this.sortedTerms, term); i < this.sortedTerms.length; i++) {
        const candidate = this.sortedTerms[i]!
        if (!candidate.startsWith(term)) break
        if (candidate === term) continue
        completions.add(candidate)
        const distance = candidate.length - term.length
        const weight =
          (RANKING.prefixWeight * candidate.length) / (candidate.length + 0.3 * distance)
        derived.push({
          term: candidate,
          weight,
          postings: this.postings.get(candidate)!,
          shown: isWordTail(candidate, term.length) ? term : candidate,
        })
      }
    }
    if (leaf.fuzzy !== false) {
      for (const { term: candidate, distance } of this.typos.near(term, leaf.fuzzy)) {
        if (completions.has(candidate)) continue
        const weight = (RANKING.fuzzyWeight * candidate.length) / (candidate.length + distance)
        derived.push({
          term: candidate,
          weight,
          postings: this.postings.get(candidate)!,
          shown: candidate,
        })
      }
    }
    return derived
  }

  /** The Han bigrams of the index read as two pinyin syllables ("qiao du": 侨都, 桥都 …). */
  private readAs(syllables: string): Derived[] {
    const [first, second] = syllables.split(' ') as [string, string]
    const derived: Derived[] = []
    for (const a of this.readings[first] ?? '') {
      for (const b of this.readings[second] ?? '') {
        const postings = this.postings.get(a + b)
        if (postings)
          derived.push({ term: a + b, weight: RANKING.pinyinWeight, postings, shown: a + b })
      }
    }
    return derived
  }

  /**
   * For each block that ranked: which index terms matched it in which fields, counting only the
   * alternatives whose every term matched.
   */
  private matchesOf(
    hits: readonly number[],
    query: Query,
    expanded: Map<Leaf, Expanded>,
  ): TermMatch[][] {
    const found = new Map<Leaf, TermMatch[][]>()
    for (const leaf of query.flat(2)) {
      if (!found.has(leaf)) found.set(leaf, this.hitsIn(hits, expanded.get(leaf)!.derived))
    }
    const alternatives = query.flat()
    return hits.map((_, hit) => {
      const match: TermMatch[] = []
      for (const leaves of alternatives) {
        if (!leaves.every((leaf) => found.get(leaf)![hit]!.length)) continue
        for (const leaf of leaves) {
          // A term's fields in a block are the same whichever query word led to it.
          for (const term of found.get(leaf)![hit]!) {
            if (!match.some((known) => known.term === term.term)) match.push(term)
          }
        }
      }
      return match
    })
  }

  /** For each hit, the index terms among `derived` that contain it, with the fields they are in. */
  private hitsIn(hits: readonly number[], derived: readonly Derived[]): TermMatch[][] {
    const found = hits.map((): TermMatch[] => [])
    hits.forEach((doc, hit) => (this.hitSlot[doc] = hit))
    for (const { term, postings, shown } of derived) {
      const { docs, fields, bitmap } = postings
      if (docs.length <= hits.length * 8) {
        // A short list: look each of its blocks up among the hits.
        for (let i = 0; i < docs.length; i++) {
          const hit = this.hitSlot[docs[i]!]!
          if (hit >= 0) found[hit]!.push({ term, fields: fields[i]!, shown })
        }
      } else {
        // A long one: look each hit up in it.
        hits.forEach((doc, hit) => {
          const at = bitmap ? bitmap.positionOf(doc) : gallop(docs, doc, 0)
          if (at >= 0 && docs[at] === doc) found[hit]!.push({ term, fields: fields[at]!, shown })
        })
      }
    }
    for (const doc of hits) this.hitSlot[doc] = -1
    return found
  }
}

/** A term's occurrences by field: MiniSearch's maps of block to count, or their serialized form. */
type TermFields = Iterable<[number, Map<number, number> | Record<string, number>]>

/**
 * The occurrences of terms in blocks as they are added (see `RankedIndex.toShip`): term, field,
 * block and count, one after another in growing typed arrays, then grouped by term.
 */
class Gathered {
  /** The terms by id, in the order they were first seen. */
  readonly terms: string[] = []
  private readonly ids = new Map<string, number>()
  private term = new Int32Array(1 << 16)
  private field = new Uint8Array(1 << 16)
  private doc = new Int32Array(1 << 16)
  private count = new Int32Array(1 << 16)
  private length = 0

  push(term: string, fieldId: number, doc: number, count: number) {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.terms.push(term) - 1
      this.ids.set(term, id)
    }
    if (this.length === this.term.length) this.grow()
    const at = this.length++
    this.term[at] = id
    this.field[at] = fieldId
    this.doc[at] = doc
    this.count[at] = count
  }

  private grow() {
    const twice = <T extends Int32Array | Uint8Array>(array: T, make: new (n: number) => T) => {
      const bigger = new make(array.length * 2)
      bigger.set(array)
      return bigger
    }
    this.term = twice(this.term, Int32Array)
    this.field = twice(this.field, Uint8Array)
    this.doc = twice(this.doc, Int32Array)
    this.count = twice(this.count, Int32Array)
  }

  /** The occurrences in order of term (`order`, from `starts[id]` to `starts[id + 1]`), else as added. */
  byTerm() {
    const starts = new Int32Array(this.terms.length + 1)
    for (let i = 0; i < this.length; i++) starts[this.term[i]! + 1]!++
    for (let id = 0; id < this.terms.length; id++) starts[id + 1]! += starts[id]!
    const next = starts.slice(0, this.terms.length)
    const order = new Int32Array(this.length)
    for (let i = 0; i < this.length; i++) order[next[this.term[i]!]!++] = i
    return { order, starts, field: this.field, doc: this.doc, count: this.count }
  }
}

/** A term's new entry in MiniSearch's radix tree: its occurrences by field. */
const createEntry = () => new Map<number, Map<number, number>>()

/** Two sets of readings as one: each syllable's characters from both. */
function mergeReadings(known: Readings, more: Readings): Readings {
  const merged = { ...known }
  for (const [syllable, chars] of Object.entries(more)) {
    merged[syllable] = (merged[syllable] ?? '') + chars
  }
  return merged
}

/** The first index in a sorted array whose item is not less than `item`. */
function lowerBound(sorted: readonly string[], item: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! < item) low = mid + 1
    else high = mid
  }
  return low
}

/** A long list's blocks that score above `rest` (its top tier, when `rest` is above 0). */
function topAbove(
  docs: Int32Array,
  impacts: Float32Array,
  rest: number,
): Pick<TermPostings, 'top' | 'rest'> {
  if (!(rest > 0)) return { top: null, rest: 0 }
  return { top: docs.filter((_, i) => impacts[i]! > rest), rest }
}

/** A long list's top tier: its blocks that score above its `tier`-th best score, which is `rest`. */
function topTier(
  docs: Int32Array,
  impacts: Float32Array,
  tier: number,
): Pick<TermPostings, 'top' | 'rest'> {
  if (docs.length <= 2 * tier) return { top: null, rest: 0 }
  const rest = impacts.slice().sort()[impacts.length - tier]!
  return { top: docs.filter((_, i) => impacts[i]! > rest), rest }
}
