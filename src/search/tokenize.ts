import { HAN_RUN, normalize, WORD } from './normalize.ts'

/** Bump when what the tokenizer emits changes: an index built by another version is stale. */
export const TOKENIZER_VERSION = 4

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** Terms for one word of a non-Chinese script: the word whole, and the parts of a compound. */
function wordTerms(word: string): string[] {
  // 1,800 is the number 1800; 320.1 stays whole; "3-5" and "high-quality" are searchable whole and in parts.
  const joined = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(word) ? word.replaceAll(',', '') : word
  if (/^\d+(?:\.\d+)?$/.test(joined)) return [joined]
  const parts = joined.split(/['’.,-]/).filter(Boolean)
  if (parts.length === 1) return [joined]
  const whole = joined.replace(/[’']/g, '').replace(/,/g, '')
  return [...new Set([whole, ...parts])]
}

/**
 * The terms of Chinese runs seen before, by run: a library repeats its names and set phrases
 * (江门市, 粤港澳大湾区) run after run, and the segmenter (ICU) is most of what indexing Chinese costs.
 * Emptied when full, so it holds the runs of recent blocks at most.
 */
const hanCache = new Map<string, readonly string[]>()
const HAN_CACHE_SIZE = 50_000

/** Unigrams and bigrams of a Chinese run, plus the longer words a segmenter finds in it. */
function hanTerms(run: string): readonly string[] {
  let terms = hanCache.get(run)
  if (!terms) {
    if (hanCache.size >= HAN_CACHE_SIZE) hanCache.clear()
    hanCache.set(run, (terms = segmentHan(run)))
  }
  return terms
}

function segmentHan(run: string): string[] {
  const chars = [...run]
  const terms = [...chars]
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!)
  if (chars.length > 2) {
    for (const { segment, isWordLike } of segmenter.segment(run)) {
      if (isWordLike && [...segment].length > 2) terms.push(segment)
    }
  }
  return terms
}

/** Splits normalized text into its Chinese runs and the text between them, with where each starts. */
function scriptRuns(text: string): Array<{ han: boolean; text: string; start: number }> {
  const runs: Array<{ han: boolean; text: string; start: number }> = []
  let at = 0
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > at) runs.push({ han: false, text: text.slice(at, match.index), start: at })
    runs.push({ han: true, text: match[0], start: match.index })
    at = match.index + match[0].length
  }
  if (at < text.length) runs.push({ han: false, text: text.slice(at), start: at })
  return runs
}

/** Every term a text is indexed under (MiniSearch `tokenize`; terms are already normalized). */
export function tokenizeForIndex(text: string): string[] {
  const terms: string[] = []
  for (const run of scriptRuns(normalize(text))) {
    if (run.han) terms.push(...hanTerms(run.text))
    else for (const [word] of run.text.matchAll(WORD)) terms.push(...wordTerms(word))
  }
  return terms
}

/** A token of a query, and where it stands in the normalized query: [start, end) in UTF-16 units. */
export type QueryToken = { start: number; end: number } & (
  { kind: 'word'; term: string } | { kind: 'han'; terms: string[]; text: string }
)

/**
 * What a query asks for, in order: each non-Chinese word once (whole, as indexed), and each Chinese
 * run as the bigrams that must all occur (a single character stands for itself).
 */
export function tokenizeQuery(query: string): QueryToken[] {
  return tokenizeNormalized(normalize(query))
}

/** `tokenizeQuery` for a query that is already normalized (`normalize`). */
export function tokenizeNormalized(normalized: string): QueryToken[] {
  const tokens: QueryToken[] = []
  for (const run of scriptRuns(normalized)) {
    const { start } = run
    if (run.han) {
      const chars = [...run.text]
      const terms = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]!)
      const end = start + run.text.length
      tokens.push({ kind: 'han', terms: [...new Set(terms)], text: run.text, start, end })
    } else {
      for (const { 0: word, index } of run.text.matchAll(WORD)) {
        const [whole] = wordTerms(word)
        const at = start + index
        tokens.push({ kind: 'word', term: whole!, start: at, end: at + word.length })
      }
    }
  }
  return tokens
}
