import {
  create,
  insertMultiple,
  load,
  save,
  search,
  type AnyOrama,
  type RawData,
} from '@orama/orama'
import { Charset, Document as FlexDocument, type DocumentOptions } from 'flexsearch'
import type { Document } from '../electron/shared/model.ts'

/**
 * Peer libraries, on the same corpus and queries as the engine, each configured as its
 * documentation recommends for this job: prefix matching and typo tolerance for English, sub-word
 * matching for Chinese. Each finds blocks by id (`docId#blockId`).
 */
export interface Peer {
  name: string
  build(documents: readonly Document[]): void
  serialize(): string
  load(serialized: string): void
  /** The ids of the best `limit` blocks for a query, best first. */
  search(query: string, limit: number): string[]
}

/** A block as the peers index it (a type alias: FlexSearch wants an index signature). */
type Row = {
  id: string
  en: string
  zh: string
}

const rowsOf = (documents: readonly Document[]): Row[] =>
  documents.flatMap((doc) =>
    doc.blocks.map((block) => ({ id: `${doc.id}#${block.id}`, en: block.en, zh: block.zh })),
  )

/**
 * FlexSearch 0.8: a document index, English with the forward tokenizer (prefixes) and the
 * LatinBalance encoder (its phonetic typo tolerance), Chinese with the CJK charset and the full
 * tokenizer (every sub-string); searched with `suggest`, so a query whose words do not all match
 * still answers, and fields merged.
 */
export function flexSearchPeer(): Peer {
  const options: DocumentOptions<Row> = {
    document: {
      id: 'id',
      index: [
        { field: 'en', tokenize: 'forward', encoder: Charset.LatinBalance },
        { field: 'zh', tokenize: 'full', encoder: Charset.CJK },
      ],
    },
  }
  let index = new FlexDocument<Row>(options)
  return {
    name: 'FlexSearch',
    build(documents) {
      index = new FlexDocument<Row>(options)
      for (const row of rowsOf(documents)) index.add(row)
    },
    serialize() {
      const parts: Record<string, string> = {}
      void index.export((key: string, data: string) => {
        parts[key] = data
      })
      return JSON.stringify(parts)
    },
    load(serialized) {
      index = new FlexDocument<Row>(options)
      for (const [key, data] of Object.entries(JSON.parse(serialized) as Record<string, string>))
        index.import(key, data)
    },
    search(query, limit) {
      const results = index.search(query, { limit, suggest: true, merge: true }) as Array<{
        id: string
      }>
      return results.slice(0, limit).map((r) => String(r.id))
    },
  }
}

/** CJK text as its characters and bigrams, other text as lower-case words: Orama has no Chinese. */
function bigramTokens(text: string): string[] {
  const tokens: string[] = []
  for (const [run] of text.toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
    if (!/\p{Script=Han}/u.test(run)) {
      tokens.push(run)
      continue
    }
    const chars = [...run]
    tokens.push(...chars)
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!)
  }
  return tokens
}

/**
 * Orama 3: one string field per language, searched with `tolerance: 1` (typos) and its default
 * prefix matching on every term; Chinese through a tokenizer of characters and bigrams, Orama's
 * documented way to add a language it does not tokenize (its Mandarin tokenizer is a separate
 * package).
 */
export function oramaPeer(): Peer {
  const schema = { id: 'string', en: 'string', zh: 'string' } as const
  const make = () =>
    create({
      schema,
      components: {
        tokenizer: {
          language: 'mandarin',
          normalizationCache: new Map(),
          tokenize: (raw: string) => bigramTokens(raw),
        },
      },
    })
  let db: AnyOrama = make()
  return {
    name: 'Orama',
    build(documents) {
      db = make()
      void insertMultiple(db, rowsOf(documents))
    },
    serialize() {
      return JSON.stringify(save(db))
    },
    load(serialized) {
      db = make()
      load(db, JSON.parse(serialized) as RawData)
    },
    search(query, limit) {
      const result = search(db, {
        term: query,
        properties: ['en', 'zh'],
        tolerance: 1,
        limit,
      }) as { hits: Array<{ document: { id: string } }> }
      return result.hits.map((hit) => hit.document.id)
    },
  }
}
