import type { Options } from 'minisearch'
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
export type IndexField = (typeof INDEX_FIELDS)[number]
/** The bit that stands for a field in a set of fields. */
export const FIELD_BIT = Object.fromEntries(
  INDEX_FIELDS.map((field, i) => [field, 1 << i]),
) as Record<IndexField, number>

const GLOSSARY_PREFIX = 'g:'
/** The index term for a glossary entry: one posting list serves the term in both languages. */
export const glossaryTerm = (id: string): string => `${GLOSSARY_PREFIX}${id}`
/** Whether an index term stands for a glossary entry rather than a word of the texts. */
export const isGlossaryTerm = (term: string): boolean => term.startsWith(GLOSSARY_PREFIX)
const STORE_FIELDS = ['docId', 'blockId', 'type', 'en', 'zh'] as const

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

/**
 * How blocks are ranked: MiniSearch's BM25 with its default parameters and weights (so a ranking
 * can be checked against MiniSearch's own search), a title match and a heading worth more.
 */
export const RANKING = {
  fieldBoost: { en: 1, zh: 1, title: 1.5, terms: 1 } satisfies Record<IndexField, number>,
  headingBoost: 1.5,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /** The weight of a term found by completing a prefix, and of one found despite a typo. */
  prefixWeight: 0.375,
  fuzzyWeight: 0.45,
  /** The weight of a Han bigram found through the pinyin the user typed. */
  pinyinWeight: 0.4,
} as const

/** Identifies the index format; a bundled index with another hash is stale and is rebuilt. */
export const INDEX_HASH = `search-v${TOKENIZER_VERSION}.4:${INDEX_FIELDS.join(',')}:${STORE_FIELDS.join(',')}`
