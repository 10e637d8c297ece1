import type { GlossaryMatcher } from './glossary.ts'
import { normalize } from './normalize.ts'
import { glossaryTerm } from './options.ts'
import { tokenizeNormalized, type QueryToken } from './tokenize.ts'

/** Queries longer than this are cut: nobody types more, and a pasted page must stay fast. */
export const MAX_QUERY_LENGTH = 200
const MAX_TOKENS = 24
/** The most distinct terms a query looks up: the ranker tracks which matched in one 32-bit word. */
export const MAX_TERMS = 32

/** One index term the query looks up: as is, as the prefix being typed, or allowing typos. */
export interface Leaf {
  term: string
  prefix: boolean
  /** The edit distance allowed, as a fraction of the term's length; false: none. */
  fuzzy: number | false
}
/** One requirement of the query: any of its alternatives, each a list of terms that must all match. */
type Clause = Leaf[][]
/** What a search asks for: every clause must match. */
export type Query = Clause[]

/** Words too common to narrow anything down; left out of a query that has other words. */
const STOP_WORDS = new Set('a an and as at be by for from in is of on or the to with'.split(' '))

function leavesOf(token: QueryToken, isLast: boolean, typing: boolean, typos: boolean): Leaf[] {
  if (token.kind === 'han') {
    return token.terms.map((term) => ({ term, prefix: false, fuzzy: false }))
  }
  const long = typos && token.term.length >= 5 && !/^\d/.test(token.term)
  return [
    {
      term: token.term,
      // The word being typed matches as a prefix; longer words may tolerate typos.
      prefix: isLast && typing,
      fuzzy: long ? 0.2 : false,
    },
  ]
}

/**
 * Turns what the user typed into a query: every word is required, a Chinese run requires all its
 * bigrams, and a glossary term may match in the other language instead.
 */
export function parseQuery(
  raw: string,
  glossary: GlossaryMatcher | null,
  { typos }: { typos: boolean } = { typos: true },
): Query | null {
  const text = raw.slice(0, MAX_QUERY_LENGTH)
  const typing = !/\s$/.test(text)
  const normalized = normalize(text)
  const typed = tokenizeNormalized(normalized).slice(0, MAX_TOKENS)
  const isStop = (t: QueryToken, i: number) =>
    t.kind === 'word' && STOP_WORDS.has(t.term) && !(typing && i === typed.length - 1)
  const tokens = typed.every(isStop) ? typed : typed.filter((t, i) => !isStop(t, i))
  if (!tokens.length) return null

  const clauses: Clause[] = tokens.map((token, i) => [
    leavesOf(token, i === tokens.length - 1, typing, typos),
  ])
  if (glossary) expandWithGlossary(normalized, tokens, clauses, glossary)
  // A pasted paragraph of Chinese is hundreds of bigrams; its first ones are plenty to find it.
  while (new Set(clauses.flat(2).map((leaf) => leaf.term)).size > MAX_TERMS) {
    const last = clauses.at(-1)!
    const longest = last.reduce((a, b) => (b.length > a.length ? b : a))
    if (longest.length > 1) longest.pop()
    else clauses.pop()
  }
  return clauses
}

/**
 * Where the query names a glossary term, the term itself becomes an alternative: every block that
 * contains it in either language is indexed under `g:<id>`, so "Talent Island" also finds 人才岛 and
 * 碉楼与村落 finds "Diaolou and Villages". The tokens the term covers merge into one clause.
 */
function expandWithGlossary(
  normalized: string,
  tokens: QueryToken[],
  clauses: Clause[],
  glossary: GlossaryMatcher,
) {
  for (const lang of ['en', 'zh'] as const) {
    for (const match of glossary.find(normalized, lang)) {
      const covered = tokens.flatMap((t, i) =>
        t.start >= match.start && t.end <= match.end ? [i] : [],
      )
      if (!covered.length) continue
      const term: Leaf = { term: glossaryTerm(match.term.id), prefix: false, fuzzy: false }
      const original = covered.flatMap((i) => clauses[i]!.flat())
      const first = covered[0]!
      clauses[first] = [original, [term]]
      for (const i of covered.slice(1)) clauses[i] = []
    }
  }
  for (let i = clauses.length - 1; i >= 0; i--) if (!clauses[i]!.length) clauses.splice(i, 1)
}
