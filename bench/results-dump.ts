// The top 60 results of every bench query, one line each, from the built and the loaded engine:
// `node bench/results-dump.ts 2000 out-dir` writes built.txt (MiniSearch's build, in memory) and
// loaded.txt (built to ship, serialized and loaded), to compare across a change.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SearchEngine } from '../src/search/engine.ts'
import { generateCorpus, loadRealCorpus } from './generate.ts'
import { QUERIES } from './queries.ts'

const size = Number(process.argv[2] ?? 2000)
const outDir = process.argv[3] ?? '.'
const { glossary } = loadRealCorpus()
const documents = generateCorpus(size, 20240601)
const built = SearchEngine.build(documents, glossary)

function dump(engine: SearchEngine): string {
  return QUERIES.map(({ category, text }) => {
    const hits = engine
      .search(text, 60)
      .map(
        (h) =>
          `  ${h.docId}#${h.blockId} ${h.score.toPrecision(7)} ${h.lang}` +
          ` missing=${h.missing.join('|')} marks=${h.marks.join('|')}`,
      )
    return [`${category} ${text} (${hits.length})`, ...hits].join('\n')
  }).join('\n')
}

writeFileSync(join(outDir, 'built.txt'), dump(built))
const loaded = SearchEngine.load(
  SearchEngine.buildToShip(documents, glossary).serialize(),
  glossary,
)!
writeFileSync(join(outDir, 'loaded.txt'), dump(loaded))
