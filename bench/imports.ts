import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { dispatch } from '../electron/core/dispatch.ts'
import { createServices } from '../electron/core/services.ts'
import { uploadDocument } from '../electron/shared/import-upload.ts'
import type { PickedFile } from '../electron/shared/imports.ts'
import { groupImportFiles } from '../src/imports/batch.ts'
import { acceptedDocument } from '../src/imports/review.ts'
import { makeApi } from '../electron/shared/make-api.ts'
import {
  CORPUS_BUNDLE_FILE,
  type Block,
  type ContentLang,
  type Document,
} from '../electron/shared/model.ts'
import { pageAcross, SearchEngine } from '../src/search/engine.ts'
import { percentile } from './measure.ts'
import { QUERIES } from './queries.ts'
import { generateCorpus, loadRealCorpus } from './generate.ts'

const USAGE = `Usage: npm run bench:imports -- [options]

Writes N synthetic documents (the search benchmark's generator, seed 20240601) as Markdown pairs,
one file per language, then imports each through the real services as the renderer does: pick (main
reads the files) or upload, propose (the pipeline, on its worker thread: decoding, paragraphs,
paragraph and sentence alignment), accept as is. Prints progress as it goes, then the total, the
time per document, the longest the event loop was held, how long corpus:list took while the import
ran (asked every 100 ms, as a library kept open would) and with them all in the library; then
searches the bundled and the imported documents as the search worker holds them after the import:
how long adding them took and the query mix's p50/p95 (target: p95 under 10 ms).

Options:
  --count N     documents (default: 2000)
  --route R     picker (main's file picker, the app's "Add documents…", one pair per pick; default),
                batch (every file chosen in one pick, grouped into documents as the app's batch
                does, each read when its document is proposed) or upload (the bytes sent in
                pieces, as a dropped file or the page's chooser)
  --json        print one JSON object with the figures, and nothing else, on stdout`

const TARGET_TOTAL_MS = 120_000
const TARGET_SEARCH_P95_MS = 10
const SEARCH_WARMUP = 3
const SEARCH_RUNS = 5
const SEED = 20240601

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    route: { type: 'string', default: 'picker' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const count = Number(values.count)
const route = values.route
if (!Number.isInteger(count) || count < 1 || !['picker', 'batch', 'upload'].includes(route)) {
  console.error(USAGE)
  process.exit(2)
}
const log = (line: string) => values.json || console.log(line)

/** A block as a Markdown file writes it: headings with `#`, list items with `-`. */
function markdown(blocks: readonly Block[], lang: ContentLang): string {
  const prefix = { heading: '# ', 'list-item': '- ', paragraph: '', caption: '', byline: '' }
  return blocks.map((block) => `${prefix[block.type]}${block[lang]}`).join('\n\n') + '\n'
}

const real = loadRealCorpus()
const documents = generateCorpus(count, SEED, real)
const filesDir = await mkdtemp(join(tmpdir(), 'bench-import-files-'))
const contentDir = await mkdtemp(join(tmpdir(), 'bench-content-'))
const dataDir = await mkdtemp(join(tmpdir(), 'bench-data-'))
await writeFile(
  join(contentDir, CORPUS_BUNDLE_FILE),
  JSON.stringify({ format: 1, documents: real.documents, glossary: real.glossary }),
)
const pairs = await Promise.all(
  documents.map(async (document, k) => {
    const paths = ['en', 'zh'].map((lang) => join(filesDir, `doc-${k}-${lang}.md`))
    await writeFile(paths[0]!, markdown(document.blocks, 'en'))
    await writeFile(paths[1]!, markdown(document.blocks, 'zh'))
    return paths
  }),
)
const sourceBlocks = documents.reduce((total, d) => total + d.blocks.length, 0)
log(`${count} document pairs written (${sourceBlocks} blocks); importing…`)

/** The pair the next "Add documents…" picks. */
let chosen: string[] = []
const services = createServices({
  contentDir,
  dataDir,
  appInfo: { name: 'bench', version: '0', platform: process.platform, osLocale: 'en' },
  pickFiles: async () => chosen,
})
const api = makeApi(
  (channel, payload) => dispatch(services.handlers, channel, payload),
  () => () => undefined,
)
const held = monitorEventLoopDelay({ resolution: 10 })
held.enable()
const listedDuring: number[] = []
let probing = true
const probe = (async () => {
  while (probing) {
    const begun = performance.now()
    // Main's side of the call, as IPC waits for it: the renderer checks the answer on its own thread.
    const listed = await dispatch(services.handlers, 'corpus:list', undefined)
    if (!listed.ok) throw new Error(listed.error.message)
    listedDuring.push(performance.now() - begun)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
})()
const perDocument: number[] = []
let importedBlocks = 0
const started = performance.now()
const batch = route === 'batch' ? await pickBatch() : null
for (const [k, paths] of pairs.entries()) {
  const begun = performance.now()
  const files = await filesOf(paths)
  const proposal = await api.documents.propose({ jobId: `bench-job-${k}`, files })
  if (!proposal.ok) throw new Error(`${paths[0]}: ${proposal.error.message}`)
  const added = await api.documents.add(acceptedDocument(proposal.value, proposal.value.blocks))
  if (!added.ok) throw new Error(`${paths[0]}: ${added.error.message}`)
  importedBlocks += added.value.blockCount
  perDocument.push(performance.now() - begun)
  if ((k + 1) % 100 === 0 || k + 1 === count)
    log(`  ${k + 1} / ${count} imported, ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
await services.flush()
const totalMs = performance.now() - started
probing = false
await probe
held.disable()
const listStarted = performance.now()
const listed = await api.corpus.list()
const listMs = performance.now() - listStarted
if (!listed.ok) throw new Error(listed.error.message)

/** The pair at `paths` as `documents:propose` names it, by the route chosen. */
async function filesOf(paths: string[]): Promise<PickedFile[]> {
  if (batch) return batch.get(paths[0]!)!
  if (route === 'picker') {
    chosen = paths
    const picked = await api.documents.pick()
    if (!picked.ok || picked.value.picker !== 'native')
      throw new Error(picked.ok ? 'no picker' : picked.error.message)
    return picked.value.files
  }
  const files = []
  for (const path of paths) {
    const uploaded = await uploadDocument(api, await readFile(path))
    if (!uploaded.ok) throw new Error(uploaded.error.message)
    files.push({ uploadId: uploaded.value, name: path.slice(-200), modified: null })
  }
  return files
}

/**
 * Every file chosen at once and grouped into documents as the app's batch does: each document's
 * picked files, by the path of its English file.
 */
async function pickBatch(): Promise<Map<string, PickedFile[]>> {
  chosen = pairs.flat()
  const picked = await api.documents.pick()
  if (!picked.ok || picked.value.picker !== 'native')
    throw new Error(picked.ok ? 'no picker' : picked.error.message)
  const files = picked.value.files
  const { documents, skipped } = groupImportFiles(files.map((file) => file.name))
  if (skipped.length || documents.length !== count)
    throw new Error(`${documents.length} documents grouped, ${skipped.length} files skipped`)
  return new Map(documents.map((indexes) => [chosen[indexes[0]!]!, indexes.map((k) => files[k]!)]))
}

/**
 * Search over the library as the app's search worker holds it after this import: the bundled
 * corpus, and the imported documents added to the index of the person's own documents at once, as
 * the search store adds a batch the library lists. Each query of the benchmark's mix is timed after
 * warm-up rounds (the worker lives as long as its window).
 */
async function searchAfterImport(): Promise<{ addMs: number; p50: number; p95: number }> {
  const own: Document[] = []
  for (const summary of listed.ok ? listed.value : []) {
    if (summary.origin !== 'user') continue
    const document = await api.corpus.get({ id: summary.id })
    if (!document.ok) throw new Error(document.error.message)
    own.push(document.value)
  }
  const bundled = SearchEngine.build(real.documents, real.glossary)
  const ownIndex = SearchEngine.build([], real.glossary)
  const adding = performance.now()
  ownIndex.add(own)
  pageAcross([bundled, ownIndex], QUERIES[0]!.text, 20)
  const addMs = performance.now() - adding
  const times: number[] = []
  for (let round = 0; round < SEARCH_WARMUP + SEARCH_RUNS; round++) {
    for (const query of QUERIES) {
      const begun = performance.now()
      pageAcross([bundled, ownIndex], query.text, 20)
      if (round >= SEARCH_WARMUP) times.push(performance.now() - begun)
    }
  }
  times.sort((a, b) => a - b)
  return { addMs, p50: percentile(times, 50), p95: percentile(times, 95) }
}
const search = await searchAfterImport()

const sorted = [...perDocument].sort((a, b) => a - b)
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const during = [...listedDuring].sort((a, b) => a - b)
const figures = {
  documents: count,
  route,
  blocks: importedBlocks,
  totalMs: Math.round(totalMs),
  perDocumentMs: { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!) },
  eventLoopHeldMs: { max: round(held.max / 1e6), p99: round(held.percentile(99) / 1e6) },
  corpusListDuringImportMs: {
    calls: during.length,
    p95: round(during[Math.min(during.length - 1, Math.floor(0.95 * during.length))] ?? 0),
    max: round(during.at(-1) ?? 0),
  },
  corpusListMs: round(listMs),
  listed: listed.value.length,
  searchAfterImport: {
    indexedMs: round(search.addMs),
    p50Ms: round(search.p50),
    p95Ms: round(search.p95),
  },
  target: {
    totalMs: TARGET_TOTAL_MS,
    met: totalMs < TARGET_TOTAL_MS,
    searchP95Ms: TARGET_SEARCH_P95_MS,
    searchMet: search.p95 < TARGET_SEARCH_P95_MS,
  },
}
if (values.json) console.log(JSON.stringify(figures))
else {
  log(`imported ${count} documents (${importedBlocks} blocks) in ${(totalMs / 1000).toFixed(1)} s`)
  log(`per document: p50 ${figures.perDocumentMs.p50} ms, p95 ${figures.perDocumentMs.p95} ms`)
  log(
    `event loop held: max ${figures.eventLoopHeldMs.max} ms, p99 ${figures.eventLoopHeldMs.p99} ms`,
  )
  log(
    `corpus:list while importing (${during.length} calls): p95 ${figures.corpusListDuringImportMs.p95} ms, max ${figures.corpusListDuringImportMs.max} ms`,
  )
  log(`corpus:list with ${listed.value.length} documents: ${figures.corpusListMs} ms`)
  log(
    `search over the bundled and the ${count} imported documents: indexed in ${figures.searchAfterImport.indexedMs} ms, p50 ${figures.searchAfterImport.p50Ms} ms, p95 ${figures.searchAfterImport.p95Ms} ms`,
  )
  log(`target: under ${TARGET_TOTAL_MS / 1000} s — ${figures.target.met ? 'met' : 'NOT met'}`)
  log(
    `target: search p95 under ${TARGET_SEARCH_P95_MS} ms — ${figures.target.searchMet ? 'met' : 'NOT met'}`,
  )
}
await Promise.all(
  [filesDir, contentDir, dataDir].map((dir) => rm(dir, { recursive: true, force: true })),
)

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
