import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { serialize } from 'node:v8'
import { dispatch } from '../electron/core/dispatch.ts'
import { createServices } from '../electron/core/services.ts'
import type { PlacedAnnotation } from '../electron/shared/annotations.ts'
import { CORPUS_BUNDLE_FILE } from '../electron/shared/model.ts'
import { annotationWorkload } from './annotation-workload.ts'
import { loadRealCorpus } from './generate.ts'

const USAGE = `Usage: npm run bench:annotations -- [options]

Stores N annotations over the five real documents (a share edited so that only the fuzzy search
places them, a share found nowhere, half of those the short quote of issue 19), starts the real
services over them, and measures what the UI waits for: annotations:list through dispatch, the
first time (nothing placed yet) and again (from the cache); then how long placing the rest takes in
the background, and the longest the event loop was held meanwhile (perf_hooks monitorEventLoopDelay).
Also printed, outside the targets: how long V8's serializer takes to copy each answer, as Electron's
IPC does before the renderer sees it, and the heap used.

Options:
  --count N     annotations (default: 100000)
  --fuzzy F     share needing the fuzzy search (default: 0.1)
  --orphans F   share found nowhere (default: 0.1)
  --json        print one JSON object with the figures, and nothing else, on stdout`

const TARGETS = { listMs: 200, blockedMs: 50 }

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    fuzzy: { type: 'string', default: '0.1' },
    orphans: { type: 'string', default: '0.1' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const count = Number(values.count)
const shares = { fuzzy: Number(values.fuzzy), orphans: Number(values.orphans) }
if (!Number.isInteger(count) || count < 1 || !(shares.fuzzy + shares.orphans <= 1)) {
  console.error(USAGE)
  process.exit(2)
}
const log = (line: string) => values.json || console.log(line)

const { documents, glossary } = loadRealCorpus()
const contentDir = await mkdtemp(join(tmpdir(), 'bench-content-'))
const dataDir = await mkdtemp(join(tmpdir(), 'bench-data-'))
await writeFile(
  join(contentDir, CORPUS_BUNDLE_FILE),
  JSON.stringify({ format: 1, documents, glossary }),
)
// Not kept: main holds only the copy it loads, and a second one here would weigh on every GC.
await writeFile(
  join(dataDir, 'annotations.json'),
  JSON.stringify({ version: 1, annotations: annotationWorkload(documents, count, shares) }),
)

const services = createServices({
  contentDir,
  dataDir,
  appInfo: { name: 'bench', version: '0', platform: process.platform, osLocale: 'en' },
})
let started = performance.now()
await services.annotations.report()
const loadMs = performance.now() - started
const heapMb = () => Math.round(process.memoryUsage().heapUsed / 2 ** 20)
const loadedHeapMb = heapMb()

const statuses = new Map<string, number>()
let placedLater = 0
services.annotations.onPlaced((updates) => {
  placedLater += updates.length
  for (const { placement } of updates)
    statuses.set(placement.status, (statuses.get(placement.status) ?? 0) + 1)
})

/** annotations:list as the UI calls it, timed. */
async function list(): Promise<{ ms: number; placed: PlacedAnnotation[] }> {
  const started = performance.now()
  const answer = await dispatch(services.handlers, 'annotations:list', undefined)
  const ms = performance.now() - started
  if (!answer.ok) throw new Error(answer.error.message)
  return { ms, placed: answer.value as PlacedAnnotation[] }
}

/** The first list, counted and let go: main keeps nothing of an answer once it is sent. */
async function listFirst(): Promise<{ ms: number; pending: number }> {
  const { ms, placed } = await list()
  let pending = 0
  for (const { placement } of placed)
    if (placement.status === 'pending') pending++
    else statuses.set(placement.status, (statuses.get(placement.status) ?? 0) + 1)
  return { ms, pending }
}

/**
 * How long Electron's IPC takes to copy an answer (V8's serializer, as v8.serialize) before the
 * renderer sees it; timed once, after the placement, so that its buffer does not weigh on it.
 */
function cloneMs(placed: PlacedAnnotation[]): number {
  const started = performance.now()
  serialize(placed)
  return performance.now() - started
}

const delay = monitorEventLoopDelay({ resolution: 1 })
const { ms: firstListMs, pending } = await listFirst()
const listedHeapMb = heapMb()

delay.enable()
started = performance.now()
await services.annotations.placed()
const placingMs = performance.now() - started
delay.disable()
const blockedMs = delay.max / 1e6
const blockedP99Ms = delay.percentile(99) / 1e6
const placedHeapMb = heapMb()

const cached = await list()
const cachedListMs = cached.ms
const copyMs = cloneMs(cached.placed)
await rm(contentDir, { recursive: true })
await rm(dataDir, { recursive: true })

const figures = {
  count,
  shares,
  // Other work on the machine stretches every wall-clock figure below; this says how much there was.
  loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  cores: availableParallelism(),
  loadMs: Math.round(loadMs),
  firstListMs: Math.round(firstListMs),
  pending,
  placedLater,
  placingMs: Math.round(placingMs),
  longestBlockMs: Math.round(blockedMs * 10) / 10,
  p99BlockMs: Math.round(blockedP99Ms * 10) / 10,
  cachedListMs: Math.round(cachedListMs),
  ipcCopyMs: Math.round(copyMs),
  heapMb: { loaded: loadedHeapMb, listed: listedHeapMb, placed: placedHeapMb },
  statuses: Object.fromEntries([...statuses].sort()),
  met: {
    list: firstListMs < TARGETS.listMs && cachedListMs < TARGETS.listMs,
    blocking: blockedMs < TARGETS.blockedMs,
  },
}
if (values.json) console.log(JSON.stringify(figures))
log(
  `${count.toLocaleString('en')} annotations (${shares.fuzzy * 100} % fuzzy, ${shares.orphans * 100} % orphans), Node ${process.versions.node}, load average ${figures.loadAverage} on ${figures.cores} cores`,
)
log(`load annotations.json (parse + validate, once at start): ${figures.loadMs} ms`)
log(
  `annotations:list, first (nothing cached):  ${figures.firstListMs} ms, ${pending.toLocaleString('en')} pending`,
)
log(
  `placing the pending in the background:      ${figures.placingMs} ms, ${placedLater.toLocaleString('en')} reported`,
)
log(
  `event loop held meanwhile, longest / p99:    ${figures.longestBlockMs} ms / ${figures.p99BlockMs} ms`,
)
log(`annotations:list again (cached):            ${figures.cachedListMs} ms`)
log(`copying the answer as IPC does (v8.serialize): ${figures.ipcCopyMs} ms (not in the targets)`)
log(`heap used: ${loadedHeapMb} MB loaded, ${listedHeapMb} MB listed, ${placedHeapMb} MB placed`)
log(`placements: ${JSON.stringify(figures.statuses)}`)
log(
  `targets: list < ${TARGETS.listMs} ms ${figures.met.list ? 'met' : 'MISSED'}; event loop held < ${TARGETS.blockedMs} ms ${figures.met.blocking ? 'met' : 'MISSED'}`,
)
process.exitCode = figures.met.list && figures.met.blocking ? 0 : 1
