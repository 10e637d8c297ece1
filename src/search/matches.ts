import { popcount } from './bits.ts'

/**
 * Sets of matching blocks for the ranker, kept in typed arrays that are reused from query to query:
 * a common word matches tens of thousands of blocks, and allocating arrays that size on every
 * keystroke costs more than the arithmetic on them.
 */

/**
 * A term's blocks (short ids, ascending) and its score in each, in single precision: seven
 * significant digits rank as well as sixteen, in half the memory a search reads through.
 */
export interface Postings {
  docs: Int32Array
  impacts: Float32Array
  /** For a long list, where each block is in it, found without a search; else null. */
  bitmap: DocBitmap | null
}

/**
 * The blocks of a long postings list as one bit per block of the index, with the count of blocks
 * before each 32-bit word: whether a block is in the list, and at which position, takes two reads
 * and a popcount. Searching a list of thousands for each block of a smaller set costs several times
 * more, and walking the whole list alongside the set costs more still. The bits and counts take a
 * quarter of a byte per block of the index, so only lists longer than a small share of it get one.
 */
export class DocBitmap {
  private readonly bits: Int32Array
  private readonly before: Int32Array

  private constructor(bits: Int32Array, before: Int32Array) {
    this.bits = bits
    this.before = before
  }

  /** `docs`: ascending block ids below `size`. */
  static of(docs: Int32Array, size: number): DocBitmap {
    const words = (size + 31) >>> 5
    const bits = new Int32Array(words)
    const before = new Int32Array(words)
    for (let i = 0; i < docs.length; i++) bits[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31)
    for (let word = 0, count = 0; word < words; word++) {
      before[word] = count
      count += popcount(bits[word]!)
    }
    return new DocBitmap(bits, before)
  }

  /** `words`, a bit set over the same index (`BlockSet`), becomes the list's blocks. */
  copyTo(words: Int32Array) {
    words.set(this.bits)
  }

  /** Adds the list's blocks to `words`, a bit set over the same index. */
  addTo(words: Int32Array) {
    const { bits } = this
    for (let word = 0; word < bits.length; word++) words[word]! |= bits[word]!
  }

  /** Keeps in `words`, a bit set over the same index, only the blocks the list has. */
  keepIn(words: Int32Array) {
    const { bits } = this
    for (let word = 0; word < bits.length; word++) words[word]! &= bits[word]!
  }

  /** The position of a block in the list, or -1 if the list does not have it. */
  positionOf(doc: number): number {
    const word = doc >>> 5
    const bits = this.bits[word]!
    const bit = 1 << (doc & 31)
    return bits & bit ? this.before[word]! + popcount(bits & (bit - 1)) : -1
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
 * A set of blocks as one bit per block of the index, handed back in ascending order and emptied:
 * gathering a few thousand blocks from several lists this way costs less than sorting them, and two
 * sets combine 32 blocks at a time.
 */
export class BlockSet {
  private readonly bits: Int32Array

  constructor(size: number) {
    this.bits = new Int32Array((size + 31) >>> 5)
  }

  add(doc: number) {
    this.bits[doc >>> 5]! |= 1 << (doc & 31)
  }

  /** The set becomes the blocks of the postings lists (a query term and what it stands for). */
  setTo(lists: readonly Weighted[]) {
    const first = lists[0]?.postings.bitmap
    if (first) first.copyTo(this.bits)
    else this.bits.fill(0)
    for (let i = first ? 1 : 0; i < lists.length; i++) this.addAll(lists[i]!.postings)
  }

  /** Adds every block of a postings list: its bitmap a word at a time, where it has one. */
  addAll({ docs, bitmap }: Postings) {
    if (bitmap) return bitmap.addTo(this.bits)
    for (let i = 0; i < docs.length; i++) this.add(docs[i]!)
  }

  /** Adds every block of another set over the same index. */
  addSet(other: BlockSet) {
    const { bits } = this
    for (let word = 0; word < bits.length; word++) bits[word]! |= other.bits[word]!
  }

  /**
   * Keeps only the blocks that the postings lists have, any of them; `scratch` holds their union
   * when it takes more than one list's bitmap.
   */
  keepIn(lists: readonly Weighted[], scratch: BlockSet) {
    const only = lists.length === 1 ? lists[0]!.postings.bitmap : null
    if (only) return only.keepIn(this.bits)
    scratch.setTo(lists)
    this.keepShared(scratch)
  }

  /** Keeps only the blocks that another set over the same index has as well. */
  keepShared(other: BlockSet) {
    const { bits } = this
    for (let word = 0; word < bits.length; word++) bits[word]! &= other.bits[word]!
  }

  /** Writes the blocks, ascending, into `out` (no score, no terms), and empties the set. */
  drain(out: Matches) {
    const { bits } = this
    let n = 0
    for (let word = 0; word < bits.length; word++) {
      for (let rest = bits[word]!; rest !== 0; rest &= rest - 1) {
        out.docs[n] = (word << 5) + 31 - Math.clz32(rest & -rest)
        out.scores[n] = 0
        out.sources[n++] = 0
      }
      bits[word] = 0
    }
    out.length = n
  }
}

/**
 * A query as postings lists: every clause must match; a clause, any of its alternatives; an
 * alternative, every one of its terms; a term, any of its lists (a word, its completions, its typos).
 */
export type ListQuery = ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly Weighted[]>>>

/**
 * The blocks that meet every clause of a query, ascending, into `out` (no scores, no terms): the
 * lists' blocks as bit sets, an alternative's terms intersected and a clause's alternatives united
 * 32 blocks at a time, straight from a long list's bitmap. Four scratch sets over the index: the
 * blocks that meet the query so far, a clause, an alternative, and a term of several lists.
 */
export function blocksMeeting(query: ListQuery, sets: readonly BlockSet[], out: Matches) {
  const [all, clauseSet, alternativeSet, scratch] = sets as [BlockSet, BlockSet, BlockSet, BlockSet]
  query.forEach((clause, c) => {
    // A later clause of one alternative narrows the set down term by term.
    if (c > 0 && clause.length === 1) {
      for (const term of clause[0]!) all.keepIn(term, scratch)
      return
    }
    const meets = c === 0 ? all : clauseSet
    clause.forEach((terms, a) => {
      // An alternative after the first adds to the clause; one of a single term does it directly.
      if (a > 0 && terms.length === 1) {
        for (const { postings } of terms[0]!) meets.addAll(postings)
        return
      }
      const alternative = a === 0 ? meets : alternativeSet
      alternative.setTo(terms[0]!)
      for (const term of terms.slice(1)) alternative.keepIn(term, scratch)
      if (a > 0) meets.addSet(alternative)
    })
    if (c > 0) all.keepShared(clauseSet)
  })
  all.drain(out)
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
 * Narrows a set of blocks down to those that other lists contain, adding the lists' scores. Each
 * block of the set is looked up in a list's bitmap, or searched for in a list much longer than the
 * set, or else the list is walked alongside the set; what a block gathers is kept by its position in
 * the set, in arrays reused from query to query.
 */
export class Joiner {
  private readonly sums: Float64Array
  private readonly sources: Uint32Array
  private readonly found: Uint8Array

  constructor(size: number) {
    this.sums = new Float64Array(size)
    this.sources = new Uint32Array(size)
    this.found = new Uint8Array(size)
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
    const only = terms.length === 1 ? terms[0]!.postings.bitmap : null
    if (only) return this.lookUp(base, only, terms[0]!, source, carry, out)
    this.begin(base)
    const { sums, sources, found } = this
    const blocks = base.docs
    for (const { postings, weight } of terms) {
      const { docs, impacts, bitmap } = postings
      if (bitmap) {
        for (let i = 0; i < base.length; i++) {
          const at = bitmap.positionOf(blocks[i]!)
          if (at < 0) continue
          sums[i]! += impacts[at]! * weight
          sources[i] = source
          found[i] = 1
        }
      } else if (docs.length > base.length * 8) {
        for (let i = 0, at = 0; i < base.length && at < docs.length; i++) {
          at = gallop(docs, blocks[i]!, at)
          if (docs[at] !== blocks[i]) continue
          sums[i]! += impacts[at]! * weight
          sources[i] = source
          found[i] = 1
        }
      } else {
        for (let i = 0, at = 0; i < base.length && at < docs.length;) {
          const doc = blocks[i]!
          const other = docs[at]!
          if (doc < other) i++
          else if (other < doc) at++
          else {
            sums[i]! += impacts[at++]! * weight
            sources[i] = source
            found[i++] = 1
          }
        }
      }
    }
    this.finish(base, carry, out)
  }

  /** `restrict` for one list with a bitmap: every block of the base looked up, kept or not at once. */
  private lookUp(
    base: Matches,
    bitmap: DocBitmap,
    { postings, weight }: Weighted,
    source: number,
    carry: boolean,
    out: Matches,
  ) {
    const { impacts } = postings
    let n = 0
    for (let i = 0; i < base.length; i++) {
      const doc = base.docs[i]!
      const at = bitmap.positionOf(doc)
      if (at < 0) continue
      out.docs[n] = doc
      out.scores[n] = carry ? base.scores[i]! + impacts[at]! * weight : impacts[at]! * weight
      out.sources[n++] = carry ? base.sources[i]! | source : source
    }
    out.length = n
  }

  /** The blocks of `base` that any of the sets (each within `base`) contains, with everything added. */
  join(base: Matches, sets: readonly Matches[], out: Matches) {
    this.begin(base)
    const { sums, sources, found } = this
    for (const set of sets) {
      for (let i = 0, at = 0; i < base.length && at < set.length; i++) {
        if (base.docs[i] !== set.docs[at]) continue
        sums[i]! += set.scores[at]!
        sources[i]! |= set.sources[at]!
        found[i] = 1
        at++
      }
    }
    this.finish(base, true, out)
  }

  private begin(base: Matches) {
    this.sums.fill(0, 0, base.length)
    this.sources.fill(0, 0, base.length)
    this.found.fill(0, 0, base.length)
  }

  private finish(base: Matches, carry: boolean, out: Matches) {
    const { sums, sources, found } = this
    let n = 0
    for (let i = 0; i < base.length; i++) {
      out.docs[n] = base.docs[i]!
      out.scores[n] = carry ? base.scores[i]! + sums[i]! : sums[i]!
      out.sources[n] = carry ? base.sources[i]! | sources[i]! : sources[i]!
      n += found[i]!
    }
    out.length = n
  }
}

/** Keeps, in order, only the blocks of a set that `accept` takes. */
export function keepWhere(set: Matches, accept: (doc: number) => boolean) {
  const { docs, scores, sources } = set
  let n = 0
  for (let i = 0; i < set.length; i++) {
    if (!accept(docs[i]!)) continue
    docs[n] = docs[i]!
    scores[n] = scores[i]!
    sources[n++] = sources[i]!
  }
  set.length = n
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

/** The blocks in either set, their scores added and their matched terms joined. */
export function union(a: Matches, b: Matches, out: Matches) {
  const { docs, scores, sources } = out
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a.docs[i]!
    const y = b.docs[j]!
    if (x < y) {
      docs[n] = x
      scores[n] = a.scores[i]!
      sources[n++] = a.sources[i++]!
    } else if (y < x) {
      docs[n] = y
      scores[n] = b.scores[j]!
      sources[n++] = b.sources[j++]!
    } else {
      docs[n] = x
      scores[n] = a.scores[i]! + b.scores[j]!
      sources[n++] = a.sources[i++]! | b.sources[j++]!
    }
  }
  for (; i < a.length; i++, n++) {
    docs[n] = a.docs[i]!
    scores[n] = a.scores[i]!
    sources[n] = a.sources[i]!
  }
  for (; j < b.length; j++, n++) {
    docs[n] = b.docs[j]!
    scores[n] = b.scores[j]!
    sources[n] = b.sources[j]!
  }
  out.length = n
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
    const entries: Array<{ doc: number; score: number }> = []
    for (let i = 0; i < this.size; i++) entries.push({ doc: this.docs[i]!, score: this.scores[i]! })
    return entries.sort((x, y) => y.score - x.score || x.doc - y.doc)
  }

  /** Whether an entry ranks below another: a lower score, or a later block. */
  private static worse(score: number, doc: number, otherScore: number, otherDoc: number): boolean {
    return score < otherScore || (score === otherScore && doc > otherDoc)
  }

  /** Moves the entry at `at` up past the entries it ranks below, shifting them down into its place. */
  private siftUp(at: number) {
    const { scores, docs } = this
    const score = scores[at]!
    const doc = docs[at]!
    while (at > 0) {
      const parent = (at - 1) >>> 1
      if (!Heap.worse(score, doc, scores[parent]!, docs[parent]!)) break
      scores[at] = scores[parent]!
      docs[at] = docs[parent]!
      at = parent
    }
    scores[at] = score
    docs[at] = doc
  }

  /** Moves the entry at `at` down past the entries that rank below it, shifting them up. */
  private siftDown(at: number) {
    const { scores, docs, size } = this
    const score = scores[at]!
    const doc = docs[at]!
    for (;;) {
      let child = 2 * at + 1
      if (child >= size) break
      const right = child + 1
      if (right < size && Heap.worse(scores[right]!, docs[right]!, scores[child]!, docs[child]!))
        child = right
      if (!Heap.worse(scores[child]!, docs[child]!, score, doc)) break
      scores[at] = scores[child]!
      docs[at] = docs[child]!
      at = child
    }
    scores[at] = score
    docs[at] = doc
  }
}
