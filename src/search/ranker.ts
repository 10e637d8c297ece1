import MiniSearch, { type AsPlainObject } from 'minisearch'
import { editDistance } from './edit-distance.ts'
import {
  Accumulator,
  contains,
  intersect,
  MatchesPool,
  restrict,
  topK,
  union,
  type Matches,
  type Postings,
  type Weighted,
} from './matches.ts'
import { INDEX_FIELDS, INDEX_OPTIONS, RANKING, type IndexedBlock } from './options.ts'
import { MAX_TERMS, type Leaf, type Query } from './query.ts'

/** One ranked block: its short id in the index, its score, and what matched where. */
export interface Ranked {
  shortId: number
  score: number
  /** Each index term that matched (a query word as indexed, or what a prefix or typo expanded to), with its fields. */
  match: Map<string, string[]>
}

/** A term's postings, and MiniSearch's own entry for it: its frequency per field and block. */
interface TermPostings extends Postings {
  byField: ReadonlyMap<number, ReadonlyMap<number, number>>
}

/** An index term a query term stands for, and how much a match on it weighs. */
interface Derived extends Weighted {
  term: string
  postings: TermPostings
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
 * from its rarest requirement and narrows it down, then keeps the best `limit` blocks. The scores are
 * MiniSearch's own (a unit test checks them against `MiniSearch.search`), and the index is still
 * built, serialized and loaded by MiniSearch.
 */
export class RankedIndex extends MiniSearch<IndexedBlock> {
  private postings = new Map<string, TermPostings>()
  /** Every index term, sorted, so the completions of a prefix are one contiguous run. */
  private sortedTerms: string[] = []
  /** Index terms by length, for typo matching. */
  private termsByLength: string[][] = []
  private sums = new Accumulator(0)
  private pool = new MatchesPool(0)

  static create(blocks: readonly IndexedBlock[]): RankedIndex {
    const index = new RankedIndex(INDEX_OPTIONS)
    index.addAll(blocks)
    index.prepare()
    return index
  }

  static fromJS(js: AsPlainObject): RankedIndex {
    // MiniSearch.loadJS makes a plain MiniSearch; its state moves into a RankedIndex as is.
    const index = Object.assign(
      new RankedIndex(INDEX_OPTIONS),
      MiniSearch.loadJS(js, INDEX_OPTIONS),
    )
    index.prepare()
    return index
  }

  /** The fields stored for a block: what a result shows without loading the documents. */
  stored(shortId: number): Record<string, unknown> {
    return this._storedFields.get(shortId) ?? {}
  }

  private prepare() {
    const size = this._nextId
    const docBoost = new Float64Array(size).fill(1)
    for (const [shortId, fields] of this._storedFields) {
      if (fields['type'] === 'heading') docBoost[shortId] = RANKING.headingBoost
    }
    const fieldLengths = INDEX_FIELDS.map(() => new Float64Array(size))
    for (const [shortId, lengths] of this._fieldLength) {
      lengths.forEach((length, fieldId) => (fieldLengths[fieldId]![shortId] = length))
    }
    this.sums = new Accumulator(size)
    this.pool = new MatchesPool(size)
    const { k, b, d } = RANKING.bm25
    const total = this._documentCount
    const scratch = this.pool.take()
    for (const [term, byField] of this._index) {
      this.sums.begin()
      for (const [fieldId, freqs] of byField) {
        const field = INDEX_FIELDS[fieldId]
        if (!field) continue
        const boost = RANKING.fieldBoost[field]
        const idf = Math.log(1 + (total - freqs.size + 0.5) / (freqs.size + 0.5))
        const average = this._avgFieldLength[fieldId]!
        const lengths = fieldLengths[fieldId]!
        for (const [doc, tf] of freqs) {
          if (!this._documentIds.has(doc)) continue
          const bm25 = d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]!) / average))
          this.sums.add(doc, boost * idf * bm25 * docBoost[doc]!)
        }
      }
      this.sums.collect(scratch, 0)
      this.postings.set(term, {
        docs: scratch.docs.slice(0, scratch.length),
        impacts: scratch.scores.slice(0, scratch.length),
        byField,
      })
    }
    this.pool.give(scratch)
    this.sortedTerms = [...this.postings.keys()].sort()
    this.termsByLength = []
    for (const term of this.sortedTerms) (this.termsByLength[term.length] ??= []).push(term)
  }

  /** The best `limit` blocks for a query, best first; ties go to the earlier block. */
  rank(query: Query, limit: number): Ranked[] {
    const expanded = this.expandAll(query)
    const size = (leaves: Leaf[]) => Math.min(...leaves.map((leaf) => expanded.get(leaf)!.size))
    const clauseSize = (clause: Leaf[][]) => clause.reduce((sum, leaves) => sum + size(leaves), 0)
    // The rarest requirement first: every later one only looks at the blocks still in the running.
    const clauses = [...query].sort((x, y) => clauseSize(x) - clauseSize(y))
    let found: Matches | null = null
    for (const clause of clauses) {
      const next = this.clauseMatches(clause, expanded, found)
      if (found) this.pool.give(found)
      found = next
      if (!found.length) break
    }
    if (!found) return []
    const best = topK(found, limit)
    this.pool.give(found)
    return best.map(({ doc, score }) => ({
      shortId: doc,
      score,
      match: this.matchOf(doc, query, expanded),
    }))
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
    let merged: Matches | null = null
    for (const leaves of clause) {
      const alternative = this.alternativeMatches(leaves, expanded, within)
      if (merged) {
        const both = this.pool.take()
        union(merged, alternative, both)
        this.pool.give(merged)
        this.pool.give(alternative)
        merged = both
      } else {
        merged = alternative
      }
    }
    if (!within) return merged!
    // The alternatives scored their own terms only; the blocks' scores so far join them here.
    const joined = this.pool.take()
    intersect(merged!, within, joined)
    this.pool.give(merged!)
    return joined
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
      const next = this.pool.take()
      if (!base) {
        this.termMatches(term, next)
      } else if (term.derived.length > 1 && base.length * term.derived.length > term.size) {
        // Many completions of a short prefix: one pass over their postings beats a search per block.
        const all = this.pool.take()
        this.termMatches(term, all)
        intersect(all, base, next, found !== null)
        this.pool.give(all)
      } else {
        restrict(base, term.derived, term.source, found !== null, next)
      }
      if (found) this.pool.give(found)
      found = next
      if (!found.length) break
    }
    return found!
  }

  /** Every block a query term matches, with its score there. */
  private termMatches({ derived, source }: Expanded, out: Matches) {
    if (derived.length === 1) {
      const { postings, weight } = derived[0]!
      const { docs, impacts } = postings
      for (let i = 0; i < docs.length; i++) {
        out.docs[i] = docs[i]!
        out.scores[i] = impacts[i]! * weight
        out.sources[i] = source
      }
      out.length = docs.length
      return
    }
    this.sums.begin()
    for (const { postings, weight } of derived) {
      for (let i = 0; i < postings.docs.length; i++) {
        this.sums.add(postings.docs[i]!, postings.impacts[i]! * weight)
      }
    }
    this.sums.collect(out, source)
  }

  /** The index terms a leaf stands for, weighted as MiniSearch weighs them. */
  private derive(leaf: Leaf): Derived[] {
    const { term } = leaf
    const derived: Derived[] = []
    const exact = this.postings.get(term)
    if (exact) derived.push({ term, weight: 1, postings: exact })
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
        derived.push({ term: candidate, weight, postings: this.postings.get(candidate)! })
      }
    }
    if (leaf.fuzzy !== false) {
      const max =
        leaf.fuzzy < 1
          ? Math.min(RANKING.maxFuzzy, Math.round(term.length * leaf.fuzzy))
          : leaf.fuzzy
      const longest = Math.min(term.length + max, this.termsByLength.length - 1)
      for (let length = Math.max(1, term.length - max); length <= longest; length++) {
        for (const candidate of this.termsByLength[length] ?? []) {
          if (candidate === term || completions.has(candidate)) continue
          const distance = editDistance(term, candidate, max)
          if (distance > max) continue
          const weight = (RANKING.fuzzyWeight * candidate.length) / (candidate.length + distance)
          derived.push({ term: candidate, weight, postings: this.postings.get(candidate)! })
        }
      }
    }
    return derived
  }

  /** For a block that ranked: which index terms matched it in which fields, in the alternatives that matched. */
  private matchOf(
    shortId: number,
    query: Query,
    expanded: Map<Leaf, Expanded>,
  ): Map<string, string[]> {
    const match = new Map<string, string[]>()
    for (const clause of query) {
      for (const leaves of clause) {
        const found = leaves.map((leaf) =>
          expanded.get(leaf)!.derived.filter(({ postings }) => contains(postings.docs, shortId)),
        )
        if (found.some((derived) => !derived.length)) continue
        for (const { term, postings } of found.flat()) {
          const fields = new Set(match.get(term))
          for (const [fieldId, freqs] of postings.byField) {
            if (freqs.has(shortId)) fields.add(INDEX_FIELDS[fieldId]!)
          }
          match.set(term, [...fields])
        }
      }
    }
    return match
  }
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
