import type { Options, SearchOptions } from 'minisearch'
import { TOKENIZER_VERSION, tokenizeForIndex } from './tokenize.ts'

/** What the index stores per block, so results can be shown without loading the documents. */
export interface IndexedBlock {
  id: string
  docId: string
  blockId: string
  type: string
  en: string
  zh: string
  title: string
}

export type StoredBlock = Omit<IndexedBlock, 'id' | 'title'>

export const INDEX_FIELDS = ['en', 'zh', 'title'] as const
export const STORE_FIELDS = ['docId', 'blockId', 'type', 'en', 'zh'] as const

/** The same options on both sides: building (`npm run corpus -- build`) and loading (the worker). */
export const INDEX_OPTIONS: Options<IndexedBlock> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize: tokenizeForIndex,
  processTerm: (term) => term,
  searchOptions: {
    // Query leaves arrive already tokenized and normalized by tokenizeQuery.
    tokenize: (term) => [term],
    processTerm: (term) => term,
  },
}

export const SEARCH_DEFAULTS: SearchOptions = {
  // A document title matches every block of it; a match in the text itself must outrank that.
  boost: { en: 1, zh: 1, title: 0.2 },
  boostDocument: (_id, _term, stored) => (stored?.['type'] === 'heading' ? 1.5 : 1),
}

/** Identifies the index format; a bundled index with another hash is stale and is rebuilt. */
export const INDEX_HASH = `search-v${TOKENIZER_VERSION}:${INDEX_FIELDS.join(',')}:${STORE_FIELDS.join(',')}`
