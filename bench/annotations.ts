import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { deserialize, serialize } from 'node:v8'
import { dispatch } from '../electron/core/dispatch.ts'
import { createServices } from '../electron/core/services.ts'
import { unpackAnnotations, type ListedAnnotation } from '../electron/shared/annotation-list.ts'
import { contract, type Result } from '../electron/shared/contract.ts'
import { CORPUS_BUNDLE_FILE } from '../electron/shared/model.ts'
import { annotationWorkload } from './annotation-workload.ts'
import { loadRealCorpus } from './generate.ts'

const USAGE = `Usage: npm run bench:annotations -- [options]

Stores N annotations over the five real documents (a share edited so that only the fuzzy search
places them, a share found nowhere, half of those the short quote of issue 19), starts the real
services over them, and measures what the UI waits for: the first page of annotations:list through
dispatch, V8's serializer copying it as Electron's IPC does, and the renderer's part (V8's
deserializer, then the contract's output schema, which checks the answer, and the store rebuilding
the annotations), the first time (nothing placed yet) and again; then the other pages, asked for one
after another as the store does while main places in the background, how long placing takes, the
longest the event loop was held meanwhile (perf_hooks monitorEventLoopDelay), and the heap used.

Options:
  --count N     annotations (default: 100000)
  --fuzzy F     share needing the fuzzy search (default: 0.1)
  --orphans F   share found nowhere (default: 0.1)
  --json        print one JSON object with the figures, and nothing else, on stdout`

const TARGETS = { uiMs: 200, blockedMs: 50 }

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

interface Listed {
  /** annotations:list through dispatch, in main. */
  listMs: number
  /** V8's serializer copying the answer, as Electron's IPC does in main before sending it. */
  copyMs: number
  /** The CPU time of both: what other work on the machine stretches the least. */
  cpuMs: number
  bytes: Buffer
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since)
  return (user + system) / 1000
}

/** A page of annotations:list as the UI asks for it, up to the copy IPC sends: main's part, timed. */
async function list(from: number): Promise<Listed> {
  const cpu = process.cpuUsage()
  let started = performance.now()
  const answer = await dispatch(services.handlers, 'annotations:list', { from })
  const listMs = performance.now() - started
  started = performance.now()
  const bytes = serialize(answer)
  return { listMs, copyMs: performance.now() - started, cpuMs: cpuMs(cpu), bytes }
}

interface Received {
  ms: number
  cpuMs: number
  placed: ListedAnnotation[]
  next: number | null
}

/**
 * The renderer's part: V8's deserializer, as Electron's IPC does, the contract's output schema, as
 * `makeApi` does, then the annotations store rebuilding the objects it keeps.
 */
function receive(bytes: Buffer): Received {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const envelope = deserialize(bytes) as Result<unknown>
  if (!envelope.ok) throw new Error(envelope.error.message)
  const answer = contract['annotations:list'].output.safeParse(envelope.value)
  if (!answer.success) throw new Error(answer.error.message)
  const placed = unpackAnnotations(answer.data.annotations)
  return { ms: performance.now() - started, cpuMs: cpuMs(cpu), placed, next: answer.data.next }
}

const delay = monitorEventLoopDelay({ resolution: 1 })
delay.enable()
started = performance.now()
const first = await list(0)
// The store asks for the next page as soon as one arrives, while main places in the background.
const pages = [first]
for (let from = deserialize(first.bytes).value.next as number | null; from !== null;) {
  // Each page is an IPC request of its own: other work in main's event loop may run between two.
  await new Promise((next) => setImmediate(next))
  const page = await list(from)
  pages.push(page)
  from = deserialize(page.bytes).value.next as number | null
}
const allPagesMs = performance.now() - started
const listedHeapMb = heapMb()
await services.annotations.placed()
const placingMs = performance.now() - started
delay.disable()
const blockedMs = delay.max / 1e6
const blockedP99Ms = delay.percentile(99) / 1e6
const placedHeapMb = heapMb()
const longestPageMs = Math.max(...pages.map((p) => p.listMs + p.copyMs))

// In the app the renderer does this in its own process, while main lists and places; here it waits
// its turn, so that neither figure weighs on the other.
const received = pages.map((page) => receive(page.bytes))
const firstReceived = received[0]!
let pending = 0
for (const { placed } of received)
  for (const { placement } of placed)
    if (placement.status === 'pending') pending++
    else statuses.set(placement.status, (statuses.get(placement.status) ?? 0) + 1)
const again = await list(0)
const againReceived = receive(again.bytes)
const firstUiMs = first.listMs + first.copyMs + firstReceived.ms
const againUiMs = again.listMs + again.copyMs + againReceived.ms
await rm(contentDir, { recursive: true })
await rm(dataDir, { recursive: true })

const figures = {
  count,
  shares,
  // Other work on the machine stretches every wall-clock figure below; this says how much there was.
  loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  cores: availableParallelism(),
  loadMs: Math.round(loadMs),
  firstUiMs: Math.round(firstUiMs),
  firstUiCpuMs: Math.round(first.cpuMs + firstReceived.cpuMs),
  firstListMs: Math.round(first.listMs),
  ipcCopyMs: Math.round(first.copyMs),
  receiveMs: Math.round(firstReceived.ms),
  ipcMb: Math.round((first.bytes.length / 2 ** 20) * 10) / 10,
  pages: pages.length,
  allPagesMs: Math.round(allPagesMs),
  longestPageMs: Math.round(longestPageMs),
  allReceiveMs: Math.round(received.reduce((sum, r) => sum + r.ms, 0)),
  listed: received.reduce((sum, r) => sum + r.placed.length, 0),
  pending,
  placedLater,
  placingMs: Math.round(placingMs),
  longestBlockMs: Math.round(blockedMs * 10) / 10,
  p99BlockMs: Math.round(blockedP99Ms * 10) / 10,
  againUiMs: Math.round(againUiMs),
  againUiCpuMs: Math.round(again.cpuMs + againReceived.cpuMs),
  againListMs: Math.round(again.listMs),
  heapMb: { loaded: loadedHeapMb, listed: listedHeapMb, placed: placedHeapMb },
  statuses: Object.fromEntries([...statuses].sort()),
  met: {
    list: firstUiMs < TARGETS.uiMs && againUiMs < TARGETS.uiMs,
    blocking: blockedMs < TARGETS.blockedMs,
  },
}
if (values.json) console.log(JSON.stringify(figures))
log(
  `${count.toLocaleString('en')} annotations (${shares.fuzzy * 100} % fuzzy, ${shares.orphans * 100} % orphans), Node ${process.versions.node}, load average ${figures.loadAverage} on ${figures.cores} cores`,
)
log(`load annotations.json (parse + validate, once at start): ${figures.loadMs} ms`)
log(
  `annotations:list, first page, until the renderer has it: ${figures.firstUiMs} ms (list in main ${figures.firstListMs}, IPC copy ${figures.ipcCopyMs} of ${figures.ipcMb} MB, receive and check ${figures.receiveMs}; CPU ${figures.firstUiCpuMs})`,
)
log(
  `all ${figures.pages} pages listed in main, one after another: ${figures.allPagesMs} ms (longest page ${figures.longestPageMs} ms; the renderer's part ${figures.allReceiveMs} ms in all), ${figures.listed.toLocaleString('en')} annotations, ${pending.toLocaleString('en')} pending`,
)
log(
  `placing the pending in the background:      done ${figures.placingMs} ms after the first page, ${placedLater.toLocaleString('en')} reported`,
)
log(
  `event loop held meanwhile (pages and placing), longest / p99: ${figures.longestBlockMs} ms / ${figures.p99BlockMs} ms`,
)
log(
  `annotations:list, first page again, until the renderer has it: ${figures.againUiMs} ms (list in main ${figures.againListMs}; CPU ${figures.againUiCpuMs})`,
)
log(`heap used: ${loadedHeapMb} MB loaded, ${listedHeapMb} MB listed, ${placedHeapMb} MB placed`)
log(`placements: ${JSON.stringify(figures.statuses)}`)
log(
  `targets: first page answered to the renderer < ${TARGETS.uiMs} ms ${figures.met.list ? 'met' : 'MISSED'}; event loop held < ${TARGETS.blockedMs} ms ${figures.met.blocking ? 'met' : 'MISSED'}`,
)
process.exitCode = figures.met.list && figures.met.blocking ? 0 : 1
