import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CORPUS_BUNDLE_FILE, CorpusBundle, SEARCH_INDEX_FILE } from '../../electron/shared/model.ts'
import { Dictionary } from '../../src/chinese/dictionary.ts'
import { dictionaryData } from '../../src/chinese/dictionary-data.ts'
import { SearchEngine, type SearchHit } from '../../src/search/engine.ts'
import { DamagedIndexError } from '../../src/search/index-file.ts'
import type { Snippet } from '../../src/search/snippet.ts'

/** `[matched]` markers around the highlighted ranges, for a terminal. */
function marked({ text, ranges, cutStart, cutEnd }: Snippet): string {
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`
    at = end
  }
  return `${cutStart ? '…' : ''}${out}${text.slice(at)}${cutEnd ? '…' : ''}`
}

/** Loads the built bundle and its index, the same way the app does (rebuilding a stale or damaged index). */
async function loadBuiltEngine(
  outDir: string,
): Promise<{ engine: SearchEngine; rebuilt: boolean }> {
  const bundle = CorpusBundle.parse(
    JSON.parse(await readFile(join(outDir, CORPUS_BUNDLE_FILE), 'utf8')),
  )
  const file = await readFile(join(outDir, SEARCH_INDEX_FILE), 'utf8')
  const loaded = loadOrNull(file, bundle.glossary)
  if (loaded) return { engine: loaded, rebuilt: false }
  return { engine: SearchEngine.build(bundle.documents, bundle.glossary), rebuilt: true }
}

/** The engine over an index file; null where it is stale or damaged and must be rebuilt. */
function loadOrNull(file: string, glossary: CorpusBundle['glossary']): SearchEngine | null {
  try {
    return SearchEngine.load(file, glossary)
  } catch (error) {
    if (error instanceof DamagedIndexError) return null
    throw error
  }
}

export async function runSearch(
  query: string,
  options: { outDir: string; json: boolean; limit: number },
): Promise<number> {
  let loaded: Awaited<ReturnType<typeof loadBuiltEngine>>
  try {
    loaded = await loadBuiltEngine(options.outDir)
  } catch (error) {
    console.error(
      `cannot load the built corpus in ${options.outDir} (run: npm run corpus -- build): ${String(error)}`,
    )
    return 1
  }
  if (loaded.rebuilt)
    console.error('the search index was built by another version: rebuilt it in memory')
  loaded.engine.useDictionary(Dictionary.parse(dictionaryData()))
  const hits = loaded.engine.search(query, options.limit)
  if (options.json) {
    const rows = hits.map(({ docId, blockId, score, lang, en, zh }: SearchHit) => ({
      docId,
      blockId,
      score,
      lang,
      en,
      zh,
    }))
    console.log(JSON.stringify(rows))
    return 0
  }
  if (!hits.length) console.log(`no results for "${query}"`)
  for (const hit of hits) {
    console.log(`${hit.docId} ${hit.blockId} (${hit.lang}, ${hit.score.toFixed(2)})`)
    console.log(`  en: ${marked(hit.snippets.en)}`)
    console.log(`  zh: ${marked(hit.snippets.zh)}`)
  }
  return 0
}
