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
  /** The document's titles, on its first block only: a title match stands for the document. */
  title: string
  /** `g:<term id>` for each glossary term the block contains in either language. */
  terms: string
}

export type StoredBlock = Omit<IndexedBlock, 'id' | 'title' | 'terms'>

export const INDEX_FIELDS = ['en', 'zh', 'title', 'terms'] as const

/** The index term for a glossary entry: one posting list serves the term in both languages. */
export const glossaryTerm = (id: string): string => `g:${id}`
export const STORE_FIELDS = ['docId', 'blockId', 'type', 'en', 'zh'] as const

/** The same options on both sides: building (`npm run corpus -- build`) and loading (the worker). */
export const INDEX_OPTIONS: Options<IndexedBlock> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize: (text, field) =>
    field === 'terms' ? text.split(' ').filter(Boolean) : tokenizeForIndex(text),
  processTerm: (term) => term,
  searchOptions: {
    // Query leaves arrive already tokenized and normalized by tokenizeQuery.
    tokenize: (term) => [term],
    processTerm: (term) => term,
  },
}

export const SEARCH_DEFAULTS: SearchOptions = {
  boost: { en: 1, zh: 1, title: 1.5, terms: 1 },
  boostDocument: (_id, _term, stored) => (stored?.['type'] === 'heading' ? 1.5 : 1),
}

/** Identifies the index format; a bundled index with another hash is stale and is rebuilt. */
export const INDEX_HASH = `search-v${TOKENIZER_VERSION}.2:${INDEX_FIELDS.join(',')}:${STORE_FIELDS.join(',')}`
