import type { GlossaryTerm } from '../../electron/shared/model.ts'
import { SearchEngine } from './engine.ts'

/** The engine over a built index file, refused if another version of the app built it. */
export function loadEngine(file: string, glossary: readonly GlossaryTerm[]): SearchEngine {
  const engine = SearchEngine.load(file, glossary)
  if (!engine) throw new Error('the search index was built by another version')
  return engine
}
