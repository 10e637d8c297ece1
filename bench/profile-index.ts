// Where build and load time go: `node --cpu-prof bench/profile-index.ts 2000 [build]`.
import { performance } from 'node:perf_hooks'
import { SearchEngine, indexedBlocks } from '../src/search/engine.ts'
import { decodeIndex } from '../src/search/index-file.ts'
import { generateCorpus, loadRealCorpus } from './generate.ts'
import { collector, memoryInUse } from './measure.ts'

const size = Number(process.argv[2] ?? 2000)
const what = process.argv[3] ?? 'all'
const t = () => performance.now()
const gc = collector()
const log = (...parts: unknown[]) => console.error(`[${size}]`, ...parts)
const { glossary } = loadRealCorpus()
const documents = generateCorpus(size, 20240601)
let s = t()
const blocks = indexedBlocks(documents, glossary)
log('blocks', blocks.length, 'indexedBlocks ms', (t() - s).toFixed(0))
s = t()
let engine: SearchEngine | null = SearchEngine.buildToShip(documents, glossary)
log('build ms', (t() - s).toFixed(0))
s = t()
let text: string | null = engine.serialize()
log('serialize ms', (t() - s).toFixed(0), 'chars (M)', (text.length / 1e6).toFixed(1))
engine = null
if (what === 'build') process.exit(0)
gc()
const before = memoryInUse()
s = t()
let parts: ReturnType<typeof decodeIndex> | null = decodeIndex(text)
log('decode ms', (t() - s).toFixed(0), 'postings (M)', (parts.docs.length / 1e6).toFixed(2))
text = null
s = t()
const loaded = SearchEngine.fromParts(parts, glossary)
parts = null
log('load ms', (t() - s).toFixed(0))
s = t()
loaded.search('Jiangmen 江门', 10)
log('first search ms', (t() - s).toFixed(0))
gc()
log('loaded index MB', ((memoryInUse() - before) / 1048576).toFixed(0))
