import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../electron/core/atomic-write.ts'
import {
  CORPUS_BUNDLE_FILE,
  SEARCH_INDEX_FILE,
  type CorpusBundle,
} from '../../electron/shared/model.ts'
import { SearchEngine } from '../../src/search/engine.ts'
import type { CorpusSource } from './source.ts'

/** The bundle main loads at start: documents in id order, so the same content gives the same bytes. */
export function compileBundle(source: CorpusSource): CorpusBundle {
  return {
    format: 1,
    documents: source.documents.map((d) => d.document).sort((a, b) => a.id.localeCompare(b.id)),
    glossary: [...source.glossary.terms].sort((a, b) => a.id.localeCompare(b.id)),
  }
}

/** Writes the bundle and the search index built from it; returns the bundle's path. */
export async function writeBundle(outDir: string, bundle: CorpusBundle): Promise<string> {
  await mkdir(outDir, { recursive: true })
  const file = join(outDir, CORPUS_BUNDLE_FILE)
  await writeFileAtomic(file, JSON.stringify(bundle))
  const index = SearchEngine.build(bundle.documents, bundle.glossary).serialize()
  await writeFileAtomic(join(outDir, SEARCH_INDEX_FILE), JSON.stringify(index))
  return file
}
