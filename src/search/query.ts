import type { Dictionary, DictionaryEntry } from '../chinese/dictionary.ts'
import type { GlossaryMatcher } from './glossary.ts'
import { normalize } from './normalize.ts'
import { glossaryTerm } from './options.ts'
import { splitPinyin } from './pinyin.ts'
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
  /** The most edits a typo may have; false: none. */
  fuzzy: number | false
  /** What the user typed that this term stands for (normalized): what a partial match lacks. */
  word: string
  /**
   * A looser reading of the word, ranked below direct matches: `pinyin`, two syllables ("qiao du")
   * standing for every Han bigram read that way; `gap`, one character of a Chinese word that may
   * match with a few characters between its own (深水港 in 深水大港); `gloss`, a word of what the
   * dictionary gives for the word in the other language (鹅 for "goose", "goose" for 鹅).
   */
  loose?: 'pinyin' | 'gap' | 'gloss'
}
/** One requirement of the query: any of its alternatives, each a list of terms that must all match. */
export type Clause = Leaf[][]
/** What a search asks for: every clause must match. */
export type Query = Clause[]

export interface ParseOptions {
  /** Typos allowed as Elasticsearch's AUTO fuzziness: none up to 2 characters, 1 up to 5, else 2. */
  typos: boolean
  /** The index's pinyin syllables, so that words typed in pinyin find the Chinese; omitted: not tried. */
  syllables?: ReadonlySet<string>
  /** Whether a Chinese word of three characters or more may match with a small gap (`Leaf.loose`). */
  gaps?: boolean
  /** The reader's dictionary (CC-CEDICT): a word may match what it gives in the other language. */
  dictionary?: Dictionary
}

/** Words too common to narrow anything down; left out of a query that has other words. */
const STOP_WORDS = new Set('a an and as at be by for from in is of on or the to with'.split(' '))
/** The shortest Chinese word whose characters may match apart: two would match almost anything. */
const SHORTEST_GAPPED = 3

/** The edits a typo may have in a word, as Elasticsearch's AUTO fuzziness; numbers take none. */
export function typoEdits(word: string): number | false {
  if (word.length <= 2 || /^\d/.test(word)) return false
  return word.length <= 5 ? 1 : 2
}

const wordOf = (token: QueryToken) => (token.kind === 'han' ? token.text : token.term)

function leavesOf(token: QueryToken, isLast: boolean, typing: boolean, typos: boolean): Leaf[] {
  const word = wordOf(token)
  if (token.kind === 'han') {
    return token.terms.map((term) => ({ term, prefix: false, fuzzy: false, word }))
  }
  // The word being typed matches as a prefix.
  const prefix = isLast && typing
  return [{ term: token.term, prefix, fuzzy: typos && typoEdits(token.term), word }]
}

/**
 * Turns what the user typed into a query: every word is required, a Chinese run requires all its
 * bigrams, and a glossary term may match in the other language instead; with `options`, words may
 * have typos, be pinyin, or (Chinese) match with a gap.
 */
export function parseQuery(
  raw: string,
  glossary: GlossaryMatcher | null,
  options: ParseOptions = { typos: true },
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
    leavesOf(token, i === tokens.length - 1, typing, options.typos),
  ])
  if (glossary) expandWithGlossary(normalized, tokens, clauses, glossary)
  if (options.syllables) expandWithPinyin(tokens, clauses, options.syllables)
  // Looser alternatives only for the words that no glossary term or pinyin run took.
  const own = tokens.map((_, i) => unmerged(clauses, i))
  if (options.gaps) expandWithGaps(tokens, clauses, own)
  if (options.dictionary) expandWithDictionary(tokens, clauses, own, options.dictionary)
  for (let i = clauses.length - 1; i >= 0; i--) if (!clauses[i]!.length) clauses.splice(i, 1)
  // A pasted paragraph of Chinese is hundreds of bigrams; its first ones are plenty to find it.
  while (new Set(clauses.flat(2).map((leaf) => leaf.term)).size > MAX_TERMS) {
    const last = clauses.at(-1)!
    const longest = last.reduce((a, b) => (b.length > a.length ? b : a))
    if (longest.length > 1) longest.pop()
    else clauses.pop()
  }
  return clauses
}

/** What a clause asks for, as the user typed it (normalized): "talent island", 深水港. */
export function clauseWords(clause: Clause): string {
  return [...new Set(clause[0]!.map((leaf) => leaf.word))].join(' ')
}

/**
 * Merges the clauses of tokens `covered` (ascending) into the first one, with `alternative` as
 * another way to meet them all; the others are left empty, for `parseQuery` to drop.
 */
function merge(clauses: Clause[], covered: readonly number[], alternative: Leaf[]) {
  const original = covered.flatMap((i) => clauses[i]!.flat())
  clauses[covered[0]!] = [original, alternative]
  for (const i of covered.slice(1)) clauses[i] = []
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
        t.start >= match.start && t.end <= match.end && clauses[i]!.length ? [i] : [],
      )
      if (!covered.length) continue
      const word = normalized.slice(match.start, match.end)
      merge(clauses, covered, [
        { term: glossaryTerm(match.term.id), prefix: false, fuzzy: false, word },
      ])
    }
  }
}

/** Whether a token's clause is still its own words alone (no glossary term or merge took it). */
const unmerged = (clauses: Clause[], i: number) => clauses[i]!.length === 1

/**
 * A run of words that are all pinyin ("qiaodu", "xiangcun zhenxing", "qiao du") may stand for the
 * Chinese they spell: the bigrams of its syllables, all required, as a Chinese run's are.
 */
function expandWithPinyin(tokens: QueryToken[], clauses: Clause[], syllables: ReadonlySet<string>) {
  let run: Array<{ at: number; syllables: string[] }> = []
  const close = () => {
    const spelt = run.flatMap((word) => word.syllables)
    if (spelt.length > 1) {
      const word = run.map(({ at }) => wordOf(tokens[at]!)).join(' ')
      const bigrams = new Set(spelt.slice(1).map((syllable, i) => `${spelt[i]} ${syllable}`))
      merge(
        clauses,
        run.map(({ at }) => at),
        [...bigrams].map((term) => ({ term, prefix: false, fuzzy: false, word, loose: 'pinyin' })),
      )
    }
    run = []
  }
  tokens.forEach((token, at) => {
    const split =
      token.kind === 'word' && unmerged(clauses, at) ? splitPinyin(token.term, syllables) : null
    if (split) run.push({ at, syllables: split })
    else close()
  })
  close()
}

/** A Chinese word of three characters or more may also match its characters with a small gap. */
function expandWithGaps(tokens: QueryToken[], clauses: Clause[], own: readonly boolean[]) {
  tokens.forEach((token, at) => {
    if (token.kind !== 'han' || !own[at]) return
    const chars = [...new Set(token.text)]
    if ([...token.text].length < SHORTEST_GAPPED) return
    const word = token.text
    clauses[at]!.push(
      chars.map((term) => ({ term, prefix: false, fuzzy: false, word, loose: 'gap' })),
    )
  })
}

/** How many dictionary entries an English word may stand for, commonest first. */
const GLOSSED_ENTRIES = 2
/** The longest English gloss a Chinese word may stand for, in words: longer ones explain, not name. */
const LONGEST_GLOSS = 3

/** Definitions that send elsewhere or describe, not translate: "variant of 鵝", "surname Li", "CL:只". */
const NOT_A_GLOSS = /^(?:old )?variant of|^surname|^CL:|^see /i

/**
 * The words of an entry's first definition, up to its first comma or semicolon, without notes in
 * brackets ("diaolou, a fortified … tower" → diaolou); none where it is not a translation or is
 * longer than `LONGEST_GLOSS` words.
 */
function glossWords({ english }: DictionaryEntry): string[] {
  const [first = ''] = english
  if (NOT_A_GLOSS.test(first)) return []
  const gloss = first.split(/[,;]/)[0]!.replace(/\([^)]*\)|\[[^\]]*\]/g, '')
  const words = tokenizeNormalized(normalize(gloss)).flatMap((t) =>
    t.kind === 'word' && !STOP_WORDS.has(t.term) ? [t.term] : [],
  )
  return words.length <= LONGEST_GLOSS ? words : []
}

/**
 * A word the glossary does not name may match what the reader's dictionary gives for it in the
 * other language: a Chinese word, the words of its first definition ("鹅" → goose); an English
 * word, the bigrams of the Chinese words it is the definition of ("goose" → 鹅).
 */
function expandWithDictionary(
  tokens: QueryToken[],
  clauses: Clause[],
  own: readonly boolean[],
  dictionary: Dictionary,
) {
  const leaves = (terms: string[], word: string): Leaf[] =>
    [...new Set(terms)].map((term) => ({ term, prefix: false, fuzzy: false, word, loose: 'gloss' }))
  tokens.forEach((token, at) => {
    if (!own[at]) return
    if (token.kind === 'han') {
      const words = dictionary
        .lookup(token.text)
        .map(glossWords)
        .find((w) => w.length > 0)
      if (words) clauses[at]!.push(leaves(words, token.text))
      return
    }
    for (const entry of dictionary.english(token.term, GLOSSED_ENTRIES)) {
      const han = tokenizeNormalized(normalize(entry.simplified))
      const terms = han.flatMap((t) => (t.kind === 'han' ? t.terms : []))
      if (terms.length) clauses[at]!.push(leaves(terms, token.term))
    }
  })
}
