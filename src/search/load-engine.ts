import type { GlossaryTerm } from '../../electron/shared/model.ts'
import { SearchEngine, type IndexFile } from './engine.ts'

/** The engine over a built index file, refused if another version of the app built it. */
export function loadEngine(file: string, glossary: readonly GlossaryTerm[]): SearchEngine {
  const engine = SearchEngine.load(JSON.parse(file) as IndexFile, glossary)
  if (!engine) throw new Error('the search index was built by another version')
  return engine
}
