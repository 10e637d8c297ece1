import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { SentencePair } from '../electron/shared/model.ts'
import { GlossaryMatcher } from '../src/search/glossary.ts'
import {
  authoredAlignments,
  proposedAlignments,
  type AlignerScore,
  type BlockAlignment,
} from './corpus/align.ts'
import { compileBundle, isBuilt, writeBundle } from './corpus/build.ts'
import { checkCorpus, formatProblem } from './corpus/check.ts'
import { runImport } from './corpus/import.ts'
import { runSearch } from './corpus/search.ts'
import { readSource, type CorpusSource } from './corpus/source.ts'

const USAGE = `Usage: npm run corpus -- <command> [options]

Commands:
  check [--json]              validate every document and the glossary in content/
  align [--json] [--proposed] print every block's sentence pairs: the authored ones, or with
                              --proposed what the automatic aligner proposes (and its confidence)
  build [--out DIR]           compile content/ into the bundle the app loads (default out/content)
  search "<query>" [--json] [--limit N] [--out DIR]
                              search the built corpus with the app's search engine, building
                              it first when it is missing or older than content/
  import <file> [<second file>] [--json]
                              run the app's import pipeline on a bilingual file (TMX, XLIFF,
                              alternating paragraphs) or a pair (Markdown, text, HTML, DOCX) and
                              print the proposed blocks and sentence pairs; saves nothing

Options:
  --content DIR               read the corpus from DIR (default content/)`

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'out/content' },
      help: { type: 'boolean', default: false },
      proposed: { type: 'boolean', default: false },
      limit: { type: 'string', default: '10' },
    },
  })
  const [command] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 2
  }
  if (command === 'import') return runImport(positionals.slice(1), { json: values.json })
  const source = await readSource(resolve(values.content))
  switch (command) {
    case 'search': {
      const limit = Number(values.limit)
      if (!Number.isInteger(limit) || limit < 1) {
        console.error(`--limit must be a positive whole number, not "${values.limit}"`)
        return 2
      }
      const outDir = resolve(values.out)
      if (!(await isBuilt(outDir, compileBundle(source)))) {
        console.error(`the built corpus in ${outDir} is missing or stale: building it`)
        const built = await build(source, outDir)
        if (built !== 0) return built
      }
      return runSearch(positionals.slice(1).join(' '), { outDir, json: values.json, limit })
    }
    case 'check': {
      const report = checkCorpus(source)
      if (values.json) console.log(JSON.stringify(report))
      else {
        for (const problem of report.problems) console.error(formatProblem(problem))
        console.log(
          `${report.documents} documents, ${report.blocks} blocks, ${report.aligned} aligned, ` +
            `${report.pairs} sentence pairs, ${report.glossaryTerms} glossary terms, ` +
            `${report.problems.length} problems`,
        )
        console.log(formatScore(report.aligner))
      }
      return report.problems.length ? 1 : 0
    }
    case 'align': {
      const documents = source.documents.map((d) => d.document)
      const alignments = values.proposed
        ? proposedAlignments(documents, new GlossaryMatcher(source.glossary.terms))
        : authoredAlignments(documents)
      console.log(values.json ? JSON.stringify(alignments) : formatAlignments(alignments))
      return source.problems.length ? 1 : 0
    }
    case 'build':
      return build(source, resolve(values.out))
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`)
      return 2
  }
}

/** Checks the corpus, then writes the bundle and its index, with each step on stderr. */
async function build(source: CorpusSource, outDir: string): Promise<number> {
  const report = checkCorpus(source)
  if (report.problems.length) {
    for (const problem of report.problems) console.error(formatProblem(problem))
    console.error(
      `build refused: ${report.problems.length} problems (run: npm run corpus -- check)`,
    )
    return 1
  }
  const file = await writeBundle(outDir, compileBundle(source), (step) => console.error(step))
  console.error(`wrote ${file}: ${report.documents} documents, ${report.blocks} blocks`)
  return 0
}

function formatScore(score: AlignerScore): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`
  const documents = score.documents.map(
    (d) => `${d.docId} ${percent(d.share)} (${d.exact}/${d.pairs})`,
  )
  return (
    `aligner: ${percent(score.share)} of ${score.pairs} authored pairs proposed exactly ` +
    `(${score.exact}/${score.pairs}): ${documents.join(', ')}`
  )
}

/** Each block, then its pairs: number (and confidence, for proposals), English, Chinese. */
function formatAlignments(alignments: ReadonlyArray<BlockAlignment>): string {
  return alignments
    .map(({ docId, blockId, pairs }) => {
      const lines = pairs.map((pair: SentencePair & { confidence?: number }, k) => {
        const label = `${k + 1}${pair.confidence === undefined ? '' : ` (${pair.confidence})`}`
        return `  ${label} en: ${pair.en}\n  ${' '.repeat(label.length)} zh: ${pair.zh}`
      })
      return [`${docId} ${blockId}`, ...lines].join('\n')
    })
    .join('\n\n')
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exitCode = 1
    },
  )
}
