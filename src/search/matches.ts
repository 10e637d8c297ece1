/**
 * Sets of matching blocks for the ranker, kept in typed arrays that are reused from query to query:
 * a common word matches tens of thousands of blocks, and allocating arrays that size on every
 * keystroke costs more than the arithmetic on them.
 */

/** A term's blocks (short ids, ascending) and its score in each. */
export interface Postings {
  docs: Int32Array
  impacts: Float64Array
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

/** Sums scores per block in dense arrays, then hands the sums back in block order. */
export class Accumulator {
  private readonly sums: Float64Array
  /** The round in which each block was last added to: no clearing between rounds. */
  private readonly seen: Uint32Array
  private readonly touched: Int32Array
  private round = 0
  private count = 0

  constructor(size: number) {
    this.sums = new Float64Array(size)
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

  add(doc: number, score: number) {
    if (this.seen[doc] === this.round) {
      this.sums[doc]! += score
    } else {
      this.seen[doc] = this.round
      this.sums[doc] = score
      this.touched[this.count++] = doc
    }
  }

  /** Writes the blocks added to since `begin`, ascending, with their sums, into `out`. */
  collect(out: Matches, source: number) {
    const { count, seen, round, sums } = this
    const { docs, scores, sources } = out
    // Sorting a few blocks beats reading every one; for many, reading in order beats sorting.
    if (count * 16 < seen.length) {
      docs.set(this.touched.subarray(0, count))
      docs.subarray(0, count).sort()
    } else {
      for (let doc = 0, n = 0; n < count; doc++) if (seen[doc] === round) docs[n++] = doc
    }
    for (let i = 0; i < count; i++) {
      scores[i] = sums[docs[i]!]!
      sources[i] = source
    }
    out.length = count
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

export function contains(docs: Int32Array, doc: number): boolean {
  return docs[gallop(docs, doc, 0)] === doc
}

/**
 * The blocks of `base` that any of the postings contain, with the postings' weighted scores added,
 * and `source` among their matched terms. With `carry` false, `base` only picks the blocks: its own
 * scores and terms stay out. One galloping search per block and postings list, so it is cheap when
 * `base` is small, whatever the size of the postings.
 */
export function restrict(
  base: Matches,
  terms: readonly Weighted[],
  source: number,
  carry: boolean,
  out: Matches,
) {
  const at = new Int32Array(terms.length)
  let n = 0
  for (let i = 0; i < base.length; i++) {
    const doc = base.docs[i]!
    let score = 0
    let found = false
    for (let t = 0; t < terms.length; t++) {
      const { postings, weight } = terms[t]!
      const position = gallop(postings.docs, doc, at[t]!)
      at[t] = position
      if (postings.docs[position] === doc) {
        score += postings.impacts[position]! * weight
        found = true
      }
    }
    if (!found) continue
    out.docs[n] = doc
    out.scores[n] = carry ? base.scores[i]! + score : score
    out.sources[n] = carry ? base.sources[i]! | source : source
    n++
  }
  out.length = n
}

/**
 * The blocks in both sets, their scores added and their matched terms joined. With `countB` false,
 * `b` only picks the blocks: its own scores and terms stay out.
 */
export function intersect(a: Matches, b: Matches, out: Matches, countB = true) {
  const aIsSmall = a.length <= b.length
  const [small, large] = aIsSmall ? [a, b] : [b, a]
  let n = 0
  let at = 0
  for (let i = 0; i < small.length && at < large.length; i++) {
    const doc = small.docs[i]!
    at = gallop(large.docs, doc, at, large.length)
    if (at >= large.length || large.docs[at] !== doc) continue
    const [fromA, fromB] = aIsSmall ? [i, at] : [at, i]
    out.docs[n] = doc
    out.scores[n] = countB ? a.scores[fromA]! + b.scores[fromB]! : a.scores[fromA]!
    out.sources[n] = countB ? a.sources[fromA]! | b.sources[fromB]! : a.sources[fromA]!
    n++
  }
  out.length = n
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
  type Entry = { doc: number; score: number }
  const heap: Entry[] = []
  const worse = (x: Entry, y: Entry) => x.score < y.score || (x.score === y.score && x.doc > y.doc)
  const capacity = Math.min(limit, set.length)
  for (let i = 0; i < set.length && capacity > 0; i++) {
    const score = set.scores[i]! * popcount(set.sources[i]!)
    if (heap.length < capacity) {
      heap.push({ doc: set.docs[i]!, score })
      siftUp(heap, heap.length - 1, worse)
    } else if (score > heap[0]!.score) {
      // Blocks come in ascending order, so an equal score never displaces an earlier block.
      heap[0] = { doc: set.docs[i]!, score }
      siftDown(heap, 0, worse)
    }
  }
  return heap.sort((x, y) => (worse(x, y) ? 1 : worse(y, x) ? -1 : 0))
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

type Worse<T> = (x: T, y: T) => boolean

function siftUp<T>(heap: T[], at: number, worse: Worse<T>) {
  while (at > 0) {
    const parent = (at - 1) >>> 1
    if (!worse(heap[at]!, heap[parent]!)) break
    ;[heap[at], heap[parent]] = [heap[parent]!, heap[at]!]
    at = parent
  }
}

function siftDown<T>(heap: T[], at: number, worse: Worse<T>) {
  for (;;) {
    const left = 2 * at + 1
    const right = left + 1
    let smallest = at
    if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left
    if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right
    if (smallest === at) return
    ;[heap[at], heap[smallest]] = [heap[smallest]!, heap[at]!]
    at = smallest
  }
}
