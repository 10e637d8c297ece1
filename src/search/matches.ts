import { popcount } from './bits.ts'

/**
 * Sets of matching blocks for the ranker, kept in typed arrays that are reused from query to query:
 * a common word matches tens of thousands of blocks, and allocating arrays that size on every
 * keystroke costs more than the arithmetic on them.
 */

/** A term's blocks (short ids, ascending) and its score in each. */
export interface Postings {
  docs: Int32Array
  impacts: Float64Array
  /** For a long list: where each block is in it, without a search. */
  positions?: Positions
}

/**
 * Where the blocks of a long list are in it: the list as a bit set, with a count of the blocks
 * before each 32-block word, so a block's position is a lookup and a bit count.
 */
export class Positions {
  readonly bits: Uint32Array
  readonly before: Int32Array

  constructor(docs: Int32Array, size: number) {
    this.bits = new Uint32Array((size >>> 5) + 1)
    this.before = new Int32Array(this.bits.length)
    for (const doc of docs) this.bits[doc >>> 5]! |= 1 << (doc & 31)
    for (let w = 1; w < this.bits.length; w++) {
      this.before[w] = this.before[w - 1]! + popcount(this.bits[w - 1]!)
    }
  }

  /** The position of `doc` in the list, or -1 when it is not there. */
  of(doc: number): number {
    const word = this.bits[doc >>> 5]!
    const bit = doc & 31
    if (!((word >>> bit) & 1)) return -1
    return this.before[doc >>> 5]! + popcount(word & ((1 << bit) - 1))
  }
}

/** The blocks that match part of a query, ascending, with their partial scores. */
export interface Matches {
  length: number
  docs: Int32Array
  scores: Float64Array
  /** Which of the query's distinct terms (at most 32) matched each block, one bit each. */
  sources: Uint32Array
}

/** A postings list standing for a query term, with the weight of a match on it. */
export interface Weighted {
  weight: number
  postings: Postings
}

/** Full-size arrays for match sets, handed out and taken back; a set never outgrows the index. */
export class MatchesPool {
  private readonly size: number
  private readonly free: Matches[] = []

  constructor(size: number) {
    this.size = size
  }

  take(): Matches {
    const matches = this.free.pop() ?? {
      length: 0,
      docs: new Int32Array(this.size),
      scores: new Float64Array(this.size),
      sources: new Uint32Array(this.size),
    }
    matches.length = 0
    return matches
  }

  give(matches: Matches) {
    this.free.push(matches)
  }
}

/**
 * Sums scores per block in dense arrays, then hands the sums back in block order. Adding to a block
 * does not branch on whether it was seen before: with blocks from several lists, that branch is a
 * coin toss the processor keeps losing.
 */
export class Accumulator {
  private readonly sums: Float64Array
  private readonly sources: Uint32Array
  /** The round in which each block was last added to: no clearing between rounds. */
  private readonly seen: Uint32Array
  private readonly touched: Int32Array
  private round = 0
  private count = 0

  constructor(size: number) {
    this.sums = new Float64Array(size)
    this.sources = new Uint32Array(size)
    this.seen = new Uint32Array(size)
    this.touched = new Int32Array(size)
  }

  begin() {
    if (this.round === 0xffffffff) {
      this.seen.fill(0)
      this.round = 0
    }
    this.round++
    this.count = 0
  }

  add(doc: number, score: number, source: number) {
    // 1 for a block not yet added to in this round, 0 for one that was.
    const fresh = +(this.seen[doc] !== this.round)
    this.seen[doc] = this.round
    this.touched[this.count] = doc
    this.count += fresh
    // Scores are finite, so a stale sum times 0 is 0.
    this.sums[doc] = this.sums[doc]! * (1 - fresh) + score
    this.sources[doc] = (this.sources[doc]! & (fresh - 1)) | source
  }

  /** Writes the blocks added to since `begin`, ascending, with their sums and terms, into `out`. */
  collect(out: Matches) {
    const { count, seen, round, sums, sources } = this
    const { docs } = out
    // Sorting a few blocks beats reading every one; for many, reading in order beats sorting.
    if (count * 16 < seen.length) {
      docs.set(this.touched.subarray(0, count))
      docs.subarray(0, count).sort()
    } else {
      for (let doc = 0, n = 0; n < count; doc++) {
        docs[n] = doc
        n += +(seen[doc] === round)
      }
    }
    for (let i = 0; i < count; i++) {
      out.scores[i] = sums[docs[i]!]!
      out.sources[i] = sources[docs[i]!]!
    }
    out.length = count
  }
}

/**
 * Narrows a set of blocks down to those that other lists contain, adding the lists' scores. A list
 * much longer than the set is searched for each block of the set. Any other is read through, each of
 * its blocks looked up in a dense table that sends the blocks outside the set to a sink, slot 0: no
 * branch on whether a block is in the set, which the processor would mispredict half the time.
 */
export class Joiner {
  /** For each block, its slot: 1 + its position in the set being narrowed, or 0 (the sink). */
  private readonly slot: Int32Array
  /** By slot: the scores added, the terms matched, whether any list contained the block. */
  private readonly sums: Float64Array
  private readonly sources: Uint32Array
  private readonly found: Uint8Array

  constructor(size: number) {
    this.slot = new Int32Array(size)
    this.sums = new Float64Array(size + 1)
    this.sources = new Uint32Array(size + 1)
    this.found = new Uint8Array(size + 1)
  }

  /**
   * The blocks of `base` that any of the postings contain, with the postings' weighted scores added,
   * and `source` among their matched terms. With `carry` false, `base` only picks the blocks: its
   * own scores and terms stay out.
   */
  restrict(
    base: Matches,
    terms: readonly Weighted[],
    source: number,
    carry: boolean,
    out: Matches,
  ) {
    this.begin(base)
    for (const { postings, weight } of terms) {
      const { docs, impacts, positions } = postings
      if (positions) {
        this.lookUp(base, postings, positions, weight, source)
      } else if (docs.length > base.length * 3) {
        for (let i = 0, at = 0; i < base.length && at < docs.length; i++) {
          at = gallop(docs, base.docs[i]!, at)
          if (docs[at] !== base.docs[i]) continue
          this.sums[i + 1]! += impacts[at]! * weight
          this.sources[i + 1] = source
          this.found[i + 1] = 1
        }
      } else {
        const { slot, sums, sources, found } = this
        for (let i = 0; i < docs.length; i++) {
          const at = slot[docs[i]!]!
          sums[at]! += impacts[i]! * weight
          sources[at] = source
          found[at] = 1
        }
      }
    }
    this.finish(base, carry, out)
  }

  /** Adds a long list's scores to the blocks of `base` it contains, found without a search. */
  private lookUp(
    base: Matches,
    { impacts }: Postings,
    { bits, before }: Positions,
    weight: number,
    source: number,
  ) {
    const { sums, sources, found } = this
    const last = impacts.length - 1
    for (let i = 0; i < base.length; i++) {
      const doc = base.docs[i]!
      const word = bits[doc >>> 5]!
      const bit = doc & 31
      // 1 when the list contains the block, else 0: the position is then only clamped into range.
      const present = (word >>> bit) & 1
      const at = Math.min(last, before[doc >>> 5]! + popcount(word & ((1 << bit) - 1)))
      sums[i + 1]! += impacts[at]! * weight * present
      sources[i + 1]! |= source & -present
      found[i + 1]! |= present
    }
  }

  /** The blocks of `base` that any of the sets contains, each with its scores and terms added from all. */
  join(base: Matches, sets: readonly Matches[], out: Matches) {
    this.begin(base)
    const { slot, sums, sources, found } = this
    for (const set of sets) {
      for (let i = 0; i < set.length; i++) {
        const at = slot[set.docs[i]!]!
        sums[at]! += set.scores[i]!
        sources[at]! |= set.sources[i]!
        found[at] = 1
      }
    }
    this.finish(base, true, out)
  }

  private begin(base: Matches) {
    for (let i = 0; i < base.length; i++) this.slot[base.docs[i]!] = i + 1
    this.sums.fill(0, 0, base.length + 1)
    this.sources.fill(0, 0, base.length + 1)
    this.found.fill(0, 0, base.length + 1)
  }

  private finish(base: Matches, carry: boolean, out: Matches) {
    const { slot, sums, sources, found } = this
    let n = 0
    for (let i = 0; i < base.length; i++) {
      const doc = base.docs[i]!
      out.docs[n] = doc
      const at = i + 1
      out.scores[n] = carry ? base.scores[i]! + sums[at]! : sums[at]!
      out.sources[n] = carry ? base.sources[i]! | sources[at]! : sources[at]!
      n += found[at]!
      slot[doc] = 0
    }
    out.length = n
  }
}

/** The first position at or after `from` whose block is not below `doc`: doubling, then halving. */
export function gallop(docs: Int32Array, doc: number, from: number, end = docs.length): number {
  let step = 1
  let high = from
  while (high < end && docs[high]! < doc) {
    from = high + 1
    high += step
    step *= 2
  }
  high = Math.min(high, end)
  while (from < high) {
    const mid = (from + high) >>> 1
    if (docs[mid]! < doc) from = mid + 1
    else high = mid
  }
  return from
}

/**
 * The `limit` best blocks of a set, best first, with their final scores: a score is multiplied by
 * how many distinct query terms matched, as MiniSearch does. Ties go to the earlier block. A min-heap
 * of the best so far turns most blocks away with one comparison.
 */
export function topK(set: Matches, limit: number): Array<{ doc: number; score: number }> {
  const heap = new Heap(Math.min(limit, set.length))
  const { docs, scores, sources, length } = set
  for (let i = 0; i < length; i++) {
    const score = scores[i]! * popcount(sources[i]!)
    if (score > heap.floor) heap.offer(docs[i]!, score)
  }
  return heap.sorted()
}

/** The best blocks offered so far, up to a capacity; the worst of them at the root. */
class Heap {
  private readonly docs: Int32Array
  private readonly scores: Float64Array
  private size = 0
  /** A block with a score at or below this stays out: the worst kept, once the heap is full. */
  floor = Number.NEGATIVE_INFINITY

  constructor(capacity: number) {
    this.docs = new Int32Array(capacity)
    this.scores = new Float64Array(capacity)
  }

  offer(doc: number, score: number) {
    const capacity = this.docs.length
    if (this.size < capacity) {
      this.docs[this.size] = doc
      this.scores[this.size] = score
      this.siftUp(this.size++)
    } else if (score > this.floor) {
      // Blocks come in ascending order, so an equal score never displaces an earlier block.
      this.docs[0] = doc
      this.scores[0] = score
      this.siftDown(0)
    } else {
      return
    }
    if (this.size === capacity) this.floor = this.scores[0]!
  }

  sorted(): Array<{ doc: number; score: number }> {
    const entries = Array.from({ length: this.size }, (_, i) => ({
      doc: this.docs[i]!,
      score: this.scores[i]!,
    }))
    return entries.sort((x, y) => y.score - x.score || x.doc - y.doc)
  }

  /** Whether the entry at `a` ranks below the one at `b`: a lower score, or a later block. */
  private worse(a: number, b: number): boolean {
    const { scores, docs } = this
    return scores[a]! < scores[b]! || (scores[a] === scores[b] && docs[a]! > docs[b]!)
  }

  private swap(a: number, b: number) {
    const { scores, docs } = this
    ;[docs[a], docs[b]] = [docs[b]!, docs[a]!]
    ;[scores[a], scores[b]] = [scores[b]!, scores[a]!]
  }

  private siftUp(at: number) {
    while (at > 0) {
      const parent = (at - 1) >>> 1
      if (!this.worse(at, parent)) return
      this.swap(at, parent)
      at = parent
    }
  }

  private siftDown(at: number) {
    for (;;) {
      const left = 2 * at + 1
      const right = left + 1
      let smallest = at
      if (left < this.size && this.worse(left, smallest)) smallest = left
      if (right < this.size && this.worse(right, smallest)) smallest = right
      if (smallest === at) return
      this.swap(at, smallest)
      at = smallest
    }
  }
}
