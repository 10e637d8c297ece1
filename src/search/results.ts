import type { ContentLang } from '../../electron/shared/model.ts'
import type { Snippet } from './snippet.ts'

// What a search answers, apart from the engine that finds it: the page shows and groups results
// without loading the engine, which runs in a worker.

/** How many results a search shows at first, and how many more each "show more" adds. */
export const RESULTS_PAGE = 20

export interface SearchHit {
  docId: string
  blockId: string
  type: string
  score: number
  /** Which language the query matched in. */
  lang: 'en' | 'zh' | 'both'
  en: string
  zh: string
  snippets: { en: Snippet; zh: Snippet }
  /** The words of the query this block lacks: none but for a partial match. */
  missing: string[]
  /** What matched, as it stands in the block's texts: what the reader marks when the hit opens. */
  marks: string[]
}

/** What results may come from: some documents only, a match in one language only. */
export interface SearchFilter {
  docIds?: readonly string[]
  lang?: ContentLang
}

/** A page of results, and whether there are more after it. */
export interface SearchPage {
  hits: SearchHit[]
  more: boolean
}

/** Hits grouped by document, documents ordered by their best hit. */
export function groupByDocument(
  hits: readonly SearchHit[],
): Array<{ docId: string; hits: SearchHit[] }> {
  const groups = new Map<string, SearchHit[]>()
  for (const hit of hits) {
    const group = groups.get(hit.docId) ?? []
    group.push(hit)
    groups.set(hit.docId, group)
  }
  return [...groups].map(([docId, group]) => ({ docId, hits: group }))
}
