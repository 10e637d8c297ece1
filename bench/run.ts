import { spawnSync } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { getHeapStatistics } from 'node:v8'
import MiniSearch from 'minisearch'
import type { Document, GlossaryTerm } from '../electron/shared/model.ts'
import { indexedBlocks, RESULTS_PAGE, SearchEngine } from '../src/search/engine.ts'
import { decodeIndex, type IndexParts } from '../src/search/index-file.ts'
import type { IndexedBlock } from '../src/search/options.ts'
import { generateCorpus, loadRealCorpus } from './generate.ts'
import { collector, memoryInUse, percentile, positiveInt, round } from './measure.ts'
import { LinearScan } from './linear-scan.ts'
import { flexSearchPeer, oramaPeer, type Peer } from './peers.ts'
import {
  QUERIES,
  QUERY_CATEGORIES,
  RECALL_CATEGORIES,
  RELEVANCE_RULE,
  type BenchQuery,
  type QueryCategory,
} from './queries.ts'

const USAGE = `Usage: npm run bench -- [options]

Generates a synthetic bilingual corpus per size and measures the search engine on it: index build,
serialized size, decode + load, query latency against a linear scan, Chinese recall against
MiniSearch's default tokenizer, recall per query category, and heap used; then the same for peer
libraries (FlexSearch, Orama) on the same corpus and queries.

Options:
  --sizes 100,2000,10000   document counts to measure (default: 100,2000,10000)
  --runs N                 timed runs of every query, after the warm-up (default: 20; five runs
                           of the 56 queries take a tenth of a second, in which one busy spell of
                           the machine can set the p95)
  --warmup N               untimed rounds over the whole mix first, so the figures are those of
                           compiled code, as in the app's long-lived search worker (default: 5);
                           the first of them is reported apart, as the first searches of a session
  --seed N                 generator seed (default: 20240601)
  --peers LIST             peer libraries to measure: flexsearch,orama (default), or none
  --peer-runs N            timed runs of every query for a peer, after one untimed round
                           (default: 3; Orama takes a few hundred milliseconds a query)
  --peer-budget S          seconds a peer may take at one size, checked between its steps and
                           its queries; past it, its row says where it stopped (default: 300)
  --json                   print one JSON object with the figures, and nothing else, on stdout`

const DEFAULT_SIZES = [100, 2000, 10000]
const TARGET_SIZE = 2000
const TARGETS = { searchP95Ms: 10, speedup: 20, loadVsBuild: 3 }
const MB = 1024 * 1024
const PEERS: Record<string, () => Peer> = { flexsearch: flexSearchPeer, orama: oramaPeer }
/** As many results as recall counts: more than any query of the bench has relevant blocks. */
const RECALL_LIMIT = 100_000

interface LatencyStats {
  p50Ms: number
  p95Ms: number
}

export interface SizeResult {
  documents: number
  blocks: number
  generateMs: number
  buildMs: number
  serializeMs: number
  serializedBytes: number
  parseMs: number
  loadMs: number
  /** buildMs / loadMs: how many times faster loading the shipped index is than building it. */
  loadVsBuild: number
  /** What a keystroke costs: the first page of results (`RESULTS_PAGE` hits), with snippets. */
  search: LatencyStats
  /** The same in the first round over the mix, before the JIT compiled the search: a session's start. */
  searchFirstRound: LatencyStats
  /** The same with 50 hits, as the panel showed before it paged its results. */
  search50: LatencyStats
  scan: LatencyStats
  speedupP50: number
  speedupP95: number
  byCategory: Record<QueryCategory, { search: LatencyStats; scan: LatencyStats }>
  recall: {
    ours: number
    defaultTokenizer: number
    queries: Array<{ query: string; relevant: number; ours: number; defaultTokenizer: number }>
  }
  /** The JS heap plus typed-array buffers in use after building (after a full GC): documents + index. */
  memoryMB: number
  /** The growth of that memory across the build (after a full GC each side): the index alone. */
  indexMemoryMB: number
  /**
   * The index as the app holds it: loaded from its serialized form (which is then let go), over
   * the memory before the build (after a full GC each side). What the search worker keeps.
   */
  loadedIndexMemoryMB: number
  /** Mean recall of the queries of each category, by `RELEVANCE_RULE`. */
  recallByCategory: Record<QueryCategory, number>
  peers: PeerResult[]
}

/** A peer library on the same corpus and queries. */
export interface PeerFigures {
  buildMs: number
  serializedBytes: number
  /** Parsing the serialized index and loading it. */
  loadMs: number
  indexMemoryMB: number
  /** The same once loaded from its serialized form (the built index let go). */
  loadedIndexMemoryMB: number
  search: LatencyStats
  byCategory: Record<QueryCategory, LatencyStats>
  recallByCategory: Record<QueryCategory, number>
}

/**
 * A peer's figures, as far as it got: a peer that throws (FlexSearch's export at 10,000
 * documents: "Invalid string length") or goes past its time budget is a row that says so, with
 * the figures it had measured by then, and the bench goes on.
 */
export type PeerResult = { name: string; error?: string } & Partial<PeerFigures>

export interface BenchReport {
  relevanceRule: string
  node: string
  date: string
  seed: number
  runsPerQuery: number
  warmupRounds: number
  queries: number
  machine: {
    cpus: number
    cpuModel: string
    totalMemGB: number
    heapLimitMB: number
    /** The 1-, 5- and 15-minute load averages as the run started and ended: the machine is shared. */
    loadAverage: { atStart: number[]; atEnd: number[] }
  }
  wallMs: number
  sizes: SizeResult[]
  targets: {
    at2000: {
      searchP95Under10ms: boolean
      atLeast20xFasterThanScan: boolean
      loadAtLeast3xFasterThanBuild: boolean
    } | null
  }
}

function log(message: string) {
  process.stderr.write(`${message}\n`)
}

function stats(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) }
}

interface Rounds {
  runs: number
  warmup: number
}

/** Latencies per query over `runs` rounds of the whole mix, after `warmup` rounds (the first timed apart). */
function timeQueries(
  run: (query: string) => unknown,
  { runs, warmup }: Rounds,
): { samples: number[][]; firstRound: number[] } {
  const round = () =>
    QUERIES.map(({ text }) => {
      const start = performance.now()
      run(text)
      return performance.now() - start
    })
  const firstRound = round()
  for (let r = 1; r < warmup; r++) round()
  const samples: number[][] = QUERIES.map(() => [])
  for (let r = 0; r < runs; r++) round().forEach((ms, i) => samples[i]!.push(ms))
  return { samples, firstRound }
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = fn()
  return { value, ms: performance.now() - start }
}

function recallOf(found: Iterable<string>, relevant: ReadonlySet<string>): number {
  let hit = 0
  for (const id of new Set(found)) if (relevant.has(id)) hit++
  return hit / relevant.size
}

/** Each category's latencies, from samples per query (in `QUERIES` order). */
function statsByCategory(samples: number[][]): Record<QueryCategory, LatencyStats> {
  return Object.fromEntries(
    QUERY_CATEGORIES.map((category) => [
      category,
      roundStats(stats(samples.filter((_, i) => QUERIES[i]!.category === category).flat())),
    ]),
  ) as Record<QueryCategory, LatencyStats>
}

/** Mean recall per category of what `found` answers, by `RELEVANCE_RULE` (the scan of the intent). */
function recallByCategory(
  scan: LinearScan,
  found: (query: BenchQuery) => Iterable<string>,
): Record<QueryCategory, number> {
  const sums = new Map<QueryCategory, { recall: number; queries: number }>()
  for (const query of QUERIES) {
    const relevant = new Set(scan.search(query.intent ?? query.text))
    if (!relevant.size) continue
    const sum = sums.get(query.category) ?? { recall: 0, queries: 0 }
    sum.recall += recallOf(found(query), relevant)
    sum.queries++
    sums.set(query.category, sum)
  }
  return Object.fromEntries(
    QUERY_CATEGORIES.map((c) => {
      const sum = sums.get(c)
      return [c, sum ? round(sum.recall / sum.queries, 4) : 0]
    }),
  ) as Record<QueryCategory, number>
}

/** A peer serialized and loaded again, in a frame of its own (see `serializeEngine`). */
function serializeAndLoad(
  peer: Peer,
  onStep: (step: string) => void,
): { serializedBytes: number; loaded: { ms: number } } {
  onStep('export')
  const serialized = peer.serialize()
  onStep('load')
  const loaded = timed(() => peer.load(serialized))
  return { serializedBytes: Buffer.byteLength(serialized, 'utf8'), loaded: { ms: loaded.ms } }
}

/** A peer's step that went past the peer's time budget. */
class OverBudget extends Error {}

/**
 * A peer built, serialized, loaded and searched like the engine, with fewer timed rounds. A call
 * into the peer cannot be cut short: the budget is checked between its steps and its queries. A
 * step that throws, or a budget spent, ends the peer's measure with a row that says which step,
 * keeping what was measured before it.
 */
export function measurePeer(
  peer: Peer,
  documents: readonly Document[],
  scan: LinearScan,
  runs: number,
  budgetMs: number,
  gc: () => void,
  tag: string,
): PeerResult {
  const result: PeerResult = { name: peer.name }
  const started = performance.now()
  let step = 'build'
  const spent = () => {
    const seconds = (performance.now() - started) / 1000
    if (seconds * 1000 > budgetMs) {
      throw new OverBudget(
        `over its ${budgetMs / 1000} s budget (${round(seconds, 1)} s) in ${step}`,
      )
    }
  }
  const begin = (name: string, message: string) => {
    spent()
    step = name
    log(`${tag} ${peer.name}: ${message}`)
  }
  try {
    begin('build', 'building')
    gc()
    const before = memoryInUse()
    result.buildMs = round(timed(() => peer.build(documents)).ms, 1)
    gc()
    result.indexMemoryMB = round((memoryInUse() - before) / MB, 1)
    begin('export', 'serializing and loading')
    const { serializedBytes, loaded } = serializeAndLoad(peer, (name) => (step = name))
    result.serializedBytes = serializedBytes
    result.loadMs = round(loaded.ms, 1)
    gc()
    result.loadedIndexMemoryMB = round((memoryInUse() - before) / MB, 1)
    begin('search', `timing ${QUERIES.length} queries × ${runs} runs after 1 round`)
    const within = (search: () => string[]) => {
      const found = search()
      spent()
      return found
    }
    const { samples } = timeQueries((q) => within(() => peer.search(q, RESULTS_PAGE + 1)), {
      runs,
      warmup: 1,
    })
    result.search = roundStats(stats(samples.flat()))
    result.byCategory = statsByCategory(samples)
    begin('recall', 'recall')
    result.recallByCategory = recallByCategory(scan, (q) =>
      within(() => peer.search(q.text, RECALL_LIMIT)),
    )
  } catch (error) {
    result.error = error instanceof OverBudget ? error.message : `${step} failed: ${String(error)}`
    log(`${tag} ${peer.name}: ${result.error}`)
  }
  return result
}

const roundStats = (s: LatencyStats): LatencyStats => ({
  p50Ms: round(s.p50Ms, 3),
  p95Ms: round(s.p95Ms, 3),
})

/**
 * The built engine (which the box lets go) serialized, parsed and loaded again, all in a frame of
 * its own: a value the caller's frame passes or receives (the serialized object, the JSON) can
 * stay alive in an interpreter register for as long as the caller runs, and was counted as memory
 * of the loaded index (196 MB loaded against 44 MB built at 300 documents).
 */
function roundTrip(
  built: { engine: SearchEngine | null },
  glossary: readonly GlossaryTerm[],
  log: (step: string) => void,
): {
  engine: SearchEngine | null
  serializeMs: number
  serializedBytes: number
  parseMs: number
  loadMs: number
} {
  log('serializing')
  let serialized: { value: string; ms: number } | null = timed(() => built.engine!.serialize())
  built.engine = null
  const { ms: serializeMs } = serialized
  const serializedBytes = Buffer.byteLength(serialized.value, 'utf8')
  log('parsing and loading')
  let parsed: { value: IndexParts; ms: number } | null = timed(() => decodeIndex(serialized!.value))
  serialized = null
  const loaded = timed(() => SearchEngine.fromParts(parsed!.value, glossary))
  const parseMs = parsed.ms
  parsed = null
  return { engine: loaded.value, serializeMs, serializedBytes, parseMs, loadMs: loaded.ms }
}

function measureSize(
  documentCount: number,
  glossary: readonly GlossaryTerm[],
  seed: number,
  rounds: Rounds,
  gc: () => void,
  peers: { make: Array<() => Peer>; runs: number; budgetMs: number },
): SizeResult {
  const tag = `[${documentCount}]`
  log(`${tag} generating`)
  const generated = timed(() => generateCorpus(documentCount, seed))
  const documents: Document[] = generated.value
  const blocks = documents.reduce((n, d) => n + d.blocks.length, 0)

  gc()
  const memoryBefore = memoryInUse()
  log(`${tag} building the index over ${blocks} blocks`)
  const start = performance.now()
  // Handed over in a box that lets it go, so the built index can be collected before the loaded one exists.
  const built: { engine: SearchEngine | null } = {
    engine: SearchEngine.buildToShip(documents, glossary),
  }
  const buildMs = performance.now() - start
  gc()
  const memoryAfter = memoryInUse()

  const { engine, serializeMs, serializedBytes, parseMs, loadMs } = roundTrip(
    built,
    glossary,
    (step) => log(`${tag} ${step}`),
  )
  if (!engine) throw new Error('the serialized index did not load (hash mismatch)')
  gc()
  const memoryLoaded = memoryInUse()

  const timing = `${QUERIES.length} queries × ${rounds.runs} runs after ${rounds.warmup} rounds`
  log(`${tag} timing ${timing} (search)`)
  const { samples: searchSamples, firstRound } = timeQueries(
    (q) => engine.page(q, RESULTS_PAGE),
    rounds,
  )
  log(`${tag} timing ${timing} (search, 50 hits)`)
  const search50 = stats(timeQueries((q) => engine.search(q, 50), rounds).samples.flat())
  log(`${tag} timing ${timing} (linear scan)`)
  const scan = new LinearScan(documents)
  const scanSamples = timeQueries((q) => scan.search(q), rounds).samples

  const search = stats(searchSamples.flat())
  const scanStats = stats(scanSamples.flat())
  const [searchByCategory, scanByCategory] = [searchSamples, scanSamples].map(statsByCategory)
  const byCategory = Object.fromEntries(
    QUERY_CATEGORIES.map((c) => [c, { search: searchByCategory![c], scan: scanByCategory![c] }]),
  ) as SizeResult['byCategory']

  log(`${tag} recall on the Chinese queries (default tokenizer index for comparison)`)
  const plain = new MiniSearch<IndexedBlock>({ fields: ['en', 'zh'], storeFields: [] })
  plain.addAll(indexedBlocks(documents))
  const perQuery: SizeResult['recall']['queries'] = []
  for (const { text } of QUERIES.filter((q) => RECALL_CATEGORIES.includes(q.category))) {
    const relevant = new Set(scan.search(text))
    if (!relevant.size) continue
    const ours = engine.search(text, Number.MAX_SAFE_INTEGER).map((h) => `${h.docId}#${h.blockId}`)
    const theirs = plain.search(text).map((r) => String(r.id))
    perQuery.push({
      query: text,
      relevant: relevant.size,
      ours: round(recallOf(ours, relevant), 4),
      defaultTokenizer: round(recallOf(theirs, relevant), 4),
    })
  }
  const mean = (key: 'ours' | 'defaultTokenizer') =>
    perQuery.length ? round(perQuery.reduce((s, q) => s + q[key], 0) / perQuery.length, 4) : 0
  log(`${tag} recall per category`)
  const ours = recallByCategory(scan, (q) =>
    engine.search(q.text, RECALL_LIMIT).map((h) => `${h.docId}#${h.blockId}`),
  )
  const peerResults = peers.make.map((make) =>
    measurePeer(make(), documents, scan, peers.runs, peers.budgetMs, gc, tag),
  )

  return {
    documents: documentCount,
    blocks,
    generateMs: round(generated.ms, 1),
    buildMs: round(buildMs, 1),
    serializeMs: round(serializeMs, 1),
    serializedBytes,
    parseMs: round(parseMs, 1),
    loadMs: round(loadMs, 1),
    loadVsBuild: round(buildMs / loadMs),
    search: roundStats(search),
    searchFirstRound: roundStats(stats(firstRound)),
    search50: roundStats(search50),
    scan: roundStats(scanStats),
    speedupP50: round(scanStats.p50Ms / search.p50Ms, 1),
    speedupP95: round(scanStats.p95Ms / search.p95Ms, 1),
    byCategory,
    recall: { ours: mean('ours'), defaultTokenizer: mean('defaultTokenizer'), queries: perQuery },
    memoryMB: round(memoryAfter / MB, 1),
    indexMemoryMB: round((memoryAfter - memoryBefore) / MB, 1),
    loadedIndexMemoryMB: round((memoryLoaded - memoryBefore) / MB, 1),
    recallByCategory: ours,
    peers: peerResults,
  }
}

function targetsAt(sizes: readonly SizeResult[]): BenchReport['targets']['at2000'] {
  const at = sizes.find((s) => s.documents === TARGET_SIZE)
  if (!at) return null
  return {
    searchP95Under10ms: at.search.p95Ms < TARGETS.searchP95Ms,
    atLeast20xFasterThanScan: at.speedupP95 >= TARGETS.speedup,
    loadAtLeast3xFasterThanBuild: at.loadVsBuild >= TARGETS.loadVsBuild,
  }
}

const int = (n: number) => n.toLocaleString('en-US')
const ms = (n: number) => (n >= 100 ? int(Math.round(n)) : n.toFixed(n >= 10 ? 1 : 2)) + ' ms'
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`
const pct = (n: number) => `${(n * 100).toFixed(1)} %`

/** The figures as a Markdown table, one column per size (also what the README shows). */
export function formatTable(report: BenchReport): string {
  const rows: Array<[string, (s: SizeResult) => string]> = [
    ['blocks', (s) => int(s.blocks)],
    ['index build', (s) => ms(s.buildMs)],
    ['serialized index', (s) => megabytes(s.serializedBytes)],
    ['decode (header JSON + postings base64)', (s) => ms(s.parseMs)],
    ['load (blocks + postings views)', (s) => ms(s.loadMs)],
    ['load vs build', (s) => `${s.loadVsBuild.toFixed(1)}× faster`],
    ['search p50 / p95', (s) => `${ms(s.search.p50Ms)} / ${ms(s.search.p95Ms)}`],
    [
      'search, first round',
      (s) => `${ms(s.searchFirstRound.p50Ms)} / ${ms(s.searchFirstRound.p95Ms)}`,
    ],
    ['with 50 hits', (s) => `${ms(s.search50.p50Ms)} / ${ms(s.search50.p95Ms)}`],
    ['linear scan p50 / p95', (s) => `${ms(s.scan.p50Ms)} / ${ms(s.scan.p95Ms)}`],
    ['speed-up p50 / p95', (s) => `${s.speedupP50.toFixed(1)}× / ${s.speedupP95.toFixed(1)}×`],
    ['zh recall: ours', (s) => pct(s.recall.ours)],
    ['zh recall: default tokenizer', (s) => pct(s.recall.defaultTokenizer)],
    ['memory after build', (s) => `${int(Math.round(s.memoryMB))} MB`],
    ['of which the index', (s) => `${int(Math.round(s.indexMemoryMB))} MB`],
    ['index loaded (as the app holds it)', (s) => `${int(Math.round(s.loadedIndexMemoryMB))} MB`],
  ]
  const header = ['documents', ...report.sizes.map((s) => int(s.documents))]
  return markdownTable(
    header,
    rows.map(([label, cell]) => [label, ...report.sizes.map(cell)]),
  )
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`
  const rule = `| ${widths.map((w, i) => (i ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`
  return [line(header), rule, ...body.map(line)].join('\n')
}

function formatCategories(size: SizeResult): string {
  const lines = [`Per category at ${int(size.documents)} documents (search p50 / p95 · scan p95):`]
  for (const category of QUERY_CATEGORIES) {
    const { search, scan } = size.byCategory[category]
    lines.push(
      `  ${category.padEnd(11)} ${ms(search.p50Ms).padStart(9)} / ${ms(search.p95Ms).padStart(9)}` +
        ` · ${ms(scan.p95Ms).padStart(9)}`,
    )
  }
  return lines.join('\n')
}

/** The engine and its peers side by side at one size, and recall per category by `RELEVANCE_RULE`. */
function formatPeers(size: SizeResult): string {
  const engines: PeerResult[] = [
    {
      name: 'this engine',
      buildMs: size.buildMs,
      serializedBytes: size.serializedBytes,
      loadMs: size.parseMs + size.loadMs,
      indexMemoryMB: size.indexMemoryMB,
      loadedIndexMemoryMB: size.loadedIndexMemoryMB,
      search: size.search,
      recallByCategory: size.recallByCategory,
    },
    ...size.peers,
  ]
  /** A figure, or a dash where the peer stopped before measuring it. */
  const shown = <T>(value: T | undefined, format: (value: T) => string) =>
    value === undefined ? '—' : format(value)
  const megabytesOf = (mb: number) => `${int(Math.round(mb))} MB`
  const rows: Array<[string, (e: PeerResult) => string]> = [
    ['build', (e) => shown(e.buildMs, ms)],
    ['serialized', (e) => shown(e.serializedBytes, megabytes)],
    ['parse + load', (e) => shown(e.loadMs, ms)],
    ['index memory, built', (e) => shown(e.indexMemoryMB, megabytesOf)],
    ['index memory, loaded', (e) => shown(e.loadedIndexMemoryMB, megabytesOf)],
    ['search p50 / p95', (e) => shown(e.search, (s) => `${ms(s.p50Ms)} / ${ms(s.p95Ms)}`)],
    ...QUERY_CATEGORIES.map((c): [string, (e: PeerResult) => string] => [
      `recall: ${c}`,
      (e) => shown(e.recallByCategory, (recall) => pct(recall[c])),
    ]),
    ...(engines.some((e) => e.error)
      ? [['stopped', (e: PeerResult) => e.error ?? ''] as [string, (e: PeerResult) => string]]
      : []),
  ]
  const header = [`at ${int(size.documents)} documents`, ...engines.map((e) => e.name)]
  const body = rows.map(([label, cell]) => [label, ...engines.map(cell)])
  return [markdownTable(header, body), '', `Relevance: ${RELEVANCE_RULE}.`].join('\n')
}

function formatTargets(report: BenchReport): string {
  const t = report.targets.at2000
  const at = report.sizes.find((s) => s.documents === TARGET_SIZE)
  if (!t || !at) return `Targets: not evaluated (${int(TARGET_SIZE)} documents not measured).`
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED')
  return [
    `Targets at ${int(TARGET_SIZE)} documents:`,
    `  search p95 < ${TARGETS.searchP95Ms} ms: ${ms(at.search.p95Ms)} — ${mark(t.searchP95Under10ms)}`,
    `  ≥ ${TARGETS.speedup}× faster than the linear scan (p95): ${at.speedupP95.toFixed(1)}× — ${mark(t.atLeast20xFasterThanScan)}`,
    `  load ≥ ${TARGETS.loadVsBuild}× faster than build: ${at.loadVsBuild.toFixed(1)}× — ${mark(t.loadAtLeast3xFasterThanBuild)}`,
  ].join('\n')
}

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim().replaceAll('_', '')))
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--sizes takes document counts like 100,2000, not "${text}"`)
  }
  return sizes
}

/** The heap the biggest corpus needs: 10,000 documents peak at a few GB during load. */
function wantedHeapMB(): number {
  return Math.max(4096, Math.min(16384, Math.floor((totalmem() / MB) * 0.7)))
}

/**
 * Runs the benchmark in a child Node with a big enough heap and `--expose-gc`, unless this already
 * is that child. Returns the exit code, or null when the benchmark should run in this process.
 */
function respawn(argv: string[]): number | null {
  if (process.env['BENCH_CHILD'] === '1') return null
  const result = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--expose-gc',
      `--max-old-space-size=${wantedHeapMB()}`,
      import.meta.filename,
      ...argv,
    ],
    { stdio: 'inherit', env: { ...process.env, BENCH_CHILD: '1' } },
  )
  if (result.error) throw result.error
  return result.status ?? 1
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      seed: { type: 'string', default: '20240601' },
      peers: { type: 'string', default: Object.keys(PEERS).join(',') },
      'peer-runs': { type: 'string', default: '3' },
      'peer-budget': { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const sizes = parseSizes(values.sizes)
  const runs = positiveInt('--runs', values.runs)
  const warmup = positiveInt('--warmup', values.warmup)
  const seed = positiveInt('--seed', values.seed)
  const peerRuns = positiveInt('--peer-runs', values['peer-runs'])
  const peerNames = values.peers === 'none' ? [] : values.peers.split(',').map((p) => p.trim())
  const unknown = peerNames.filter((name) => !(name in PEERS))
  if (unknown.length) throw new Error(`--peers takes ${Object.keys(PEERS).join(',')} or none`)
  const budgetMs = positiveInt('--peer-budget', values['peer-budget']) * 1000
  const peers = { make: peerNames.map((name) => PEERS[name]!), runs: peerRuns, budgetMs }

  const respawned = respawn(argv)
  if (respawned !== null) return respawned

  const started = performance.now()
  const loadAtStart = loadavg().map((n) => round(n))
  const gc = collector()
  const { glossary } = loadRealCorpus()
  const results: SizeResult[] = []
  for (const size of sizes) {
    results.push(measureSize(size, glossary, seed, { runs, warmup }, gc, peers))
    gc()
  }
  const cpuList = cpus()
  const report: BenchReport = {
    relevanceRule: RELEVANCE_RULE,
    node: process.version,
    date: new Date().toISOString(),
    seed,
    runsPerQuery: runs,
    warmupRounds: warmup,
    queries: QUERIES.length,
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      totalMemGB: round(totalmem() / 1024 / MB, 1),
      heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / MB),
      loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((n) => round(n)) },
    },
    wallMs: round(performance.now() - started, 0),
    sizes: results,
    targets: { at2000: targetsAt(results) },
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`)
  } else {
    const target = results.find((s) => s.documents === TARGET_SIZE) ?? results.at(-1)!
    console.log(
      [
        `Search benchmark — ${report.node}, ${report.machine.cpus} × ${report.machine.cpuModel}, ` +
          `seed ${seed}, ${QUERIES.length} queries × ${runs} runs after ${warmup} warm-up rounds, ${ms(report.wallMs)} in all` +
          `, loadavg ${report.machine.loadAverage.atStart.join(' ')} → ${report.machine.loadAverage.atEnd.join(' ')}`,
        '',
        formatTable(report),
        '',
        formatCategories(target),
        '',
        formatPeers(target),
        '',
        formatTargets(report),
      ].join('\n'),
    )
  }
  return 0
}

if (import.meta.main) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
