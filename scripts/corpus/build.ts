import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../electron/core/atomic-write.ts'
import {
  CORPUS_BUNDLE_FILE,
  SEARCH_INDEX_FILE,
  type CorpusBundle,
} from '../../electron/shared/model.ts'
import { SearchEngine } from '../../src/search/engine.ts'
import { indexHash } from '../../src/search/index-file.ts'
import { INDEX_HASH } from '../../src/search/options.ts'
import type { CorpusSource } from './source.ts'

/** The bundle main loads at start: documents in id order, so the same content gives the same bytes. */
export function compileBundle(source: CorpusSource): CorpusBundle {
  return {
    format: 1,
    documents: source.documents.map((d) => d.document).sort((a, b) => a.id.localeCompare(b.id)),
    glossary: [...source.glossary.terms].sort((a, b) => a.id.localeCompare(b.id)),
  }
}

/**
 * Writes the bundle and the search index built from it; returns the bundle's path. `progress` hears
 * of each step as it starts.
 */
export async function writeBundle(
  outDir: string,
  bundle: CorpusBundle,
  progress: (step: string) => void = () => {},
): Promise<string> {
  await mkdir(outDir, { recursive: true })
  const file = join(outDir, CORPUS_BUNDLE_FILE)
  progress(`writing ${file}`)
  await writeFileAtomic(file, JSON.stringify(bundle))
  const blocks = bundle.documents.reduce((n, d) => n + d.blocks.length, 0)
  progress(`building the search index over ${blocks} blocks`)
  const index = SearchEngine.buildToShip(bundle.documents, bundle.glossary).serialize()
  progress(`writing ${join(outDir, SEARCH_INDEX_FILE)}`)
  await writeFileAtomic(join(outDir, SEARCH_INDEX_FILE), index)
  return file
}

/**
 * Whether `outDir` holds `bundle` as `writeBundle` writes it, with a search index of this version
 * of the search module: false when either file is missing, older than the content, or unreadable.
 */
export async function isBuilt(outDir: string, bundle: CorpusBundle): Promise<boolean> {
  const read = (name: string) => readFile(join(outDir, name), 'utf8').catch(() => null)
  const [built, index] = await Promise.all([read(CORPUS_BUNDLE_FILE), read(SEARCH_INDEX_FILE)])
  return built === JSON.stringify(bundle) && index !== null && indexHash(index) === INDEX_HASH
}
