import type { ContentLang } from '../model.ts'
import { numbersIn, numberWordsIn, sameValue, statesNumber, zhNumbersIn } from '../numbers.ts'
import { locateParts } from './coverage.ts'
import { splitSentences } from './sentences.ts'

/** A group of English sentences and the Chinese sentences that translate them. */
export interface AlignedPair {
  en: string
  zh: string
  /** 0–1: how well the two sides' lengths and anchors (numbers, terms, punctuation) agree. */
  confidence: number
}

/** Finds glossary terms in a text; the search module's `GlossaryMatcher` is one. */
export interface TermFinder {
  find(text: string, lang: ContentLang): ReadonlyArray<{ term: { id: string } }>
}

export interface AlignOptions {
  /** Terms whose two forms should fall into the same pair. */
  glossary?: TermFinder
}

/** The most sentences one side of a pair may group. */
const MAX_GROUP = 4

/**
 * Gale & Church (1993) measured 1-1 0.89, 2-1 (and 1-2) 0.089, 2-2 0.011 for European languages.
 * 1-0 and 0-1 are left out, because every pair must have both sides (an untranslated sentence joins
 * its neighbour's pair); 1-3, 3-1 and larger groups, which a Chinese translation sometimes makes, get
 * small shares. Large groups must stay rare: the length model fits them too well, since their
 * lengths average out.
 */
function beadPrior(enCount: number, zhCount: number): number {
  if (enCount === 1 && zhCount === 1) return 0.89
  if (enCount + zhCount === 3) return 0.089
  if (enCount === 2 && zhCount === 2) return 0.011
  if (enCount + zhCount === 4) return 0.005
  return 0.0005
}

/** Gale & Church's variance of a translation's length per unit of source length. */
const LENGTH_VARIANCE = 6.8
/** Cost of one figure, term or separator found on one side of a pair but not the other. */
const NUMBER_MISS = 2
const TERM_MISS = 1
const PUNCTUATION_MISS = 0.5

interface Sentence {
  text: string
  /**
   * Characters other than whitespace and those both languages write alike (digits, and Latin
   * letters in the Chinese: GDP, IBM, LNG): a figure is as long in either language, so counting
   * it would skew the Chinese-to-English ratio of the sentences that have many.
   */
  length: number
  termIds: string[]
  /** Semicolons (；;), which separate the items of an enumeration in both languages. */
  semicolons: number
  /** Opening quotes: a quoted name or slogan is quoted in both languages. */
  quotes: number
  /** The values it writes: English figures with their scale, Chinese digits with 万/亿. */
  numbers: number[]
  /** Numbers the English spells out ("six"), which the Chinese may write in digits. */
  spelled: number[]
}

/**
 * Aligns the sentences of a paragraph and its translation: splits both sides, then finds the
 * cheapest sequence of pairs (1-1, 1-2, 2-1, 2-2 … up to 4 sentences a side) by dynamic
 * programming. A pair costs the improbability of its length ratio under a Gale–Church model, with
 * the Chinese-to-English character ratio taken from this paragraph (so the model fits any pair of
 * texts, not a corpus), plus the anchors one side has and the other lacks: numbers
 * (320.1 billion ↔ 3201亿), glossary terms, semicolons and quotes. The pairs are substrings of the
 * texts, in order, covering both.
 */
export function alignSentences(en: string, zh: string, options: AlignOptions = {}): AlignedPair[] {
  const enTexts = splitSentences(en, 'en')
  const zhTexts = splitSentences(zh, 'zh')
  if (!enTexts.length && !zhTexts.length) return []
  if (!enTexts.length || !zhTexts.length) return [{ en: en.trim(), zh: zh.trim(), confidence: 0 }]

  const enSentences = enTexts.map((text) => describe(text, 'en', options.glossary))
  const zhSentences = zhTexts.map((text) => describe(text, 'zh', options.glossary))
  // At least one character a side, so a paragraph of figures only ("2020" / "2020年") has a ratio.
  const ratio = Math.max(1, sum(zhSentences, 'length')) / Math.max(1, sum(enSentences, 'length'))

  const beads = cheapestBeads(enSentences, zhSentences, ratio)
  // Beyond 4:1 no path exists; the paragraph then stays one pair, for a person to split.
  if (!beads) return [{ en: en.trim(), zh: zh.trim(), confidence: 0 }]

  const enRanges = locateParts(en, enTexts)!
  const zhRanges = locateParts(zh, zhTexts)!
  return beads.map(({ en: [i, a], zh: [j, b], confidence }) => ({
    en: en.slice(enRanges[i]!.start, enRanges[i + a - 1]!.end),
    zh: zh.slice(zhRanges[j]!.start, zhRanges[j + b - 1]!.end),
    confidence,
  }))
}

/** A group of consecutive paragraphs of each side that translate each other: [first, count]. */
export interface Bead {
  en: [number, number]
  zh: [number, number]
  confidence: number
}

/**
 * Pairs the paragraphs of a document and of its translation with the same model as the sentences
 * of a paragraph (a paragraph the translation split or merged makes a 1-2 or 2-1 group), within a
 * band around the diagonal so that long documents stay linear. Null when no path exists (one side
 * has more than twice the paragraphs of the other).
 */
export function alignParagraphs(
  en: readonly string[],
  zh: readonly string[],
  options: AlignOptions = {},
): Bead[] | null {
  if (!en.length || !zh.length) return null
  const enUnits = en.map((text) => describe(text, 'en', options.glossary))
  const zhUnits = zh.map((text) => describe(text, 'zh', options.glossary))
  const ratio = Math.max(1, sum(zhUnits, 'length')) / Math.max(1, sum(enUnits, 'length'))
  const band = PARAGRAPH_BAND + Math.abs(en.length - zh.length)
  return cheapestBeads(enUnits, zhUnits, ratio, { band, maxGroup: PARAGRAPH_MAX_GROUP })
}

/** How far from the diagonal a paragraph pairing may stray, beyond the difference in counts. */
const PARAGRAPH_BAND = 10
/** A translation seldom splits one paragraph in three; groups of two keep long documents fast. */
const PARAGRAPH_MAX_GROUP = 2

/**
 * The cheapest sequence of groups (1-1 … 4-4) covering both sides in order, by dynamic
 * programming; `band` limits how far a path may stray from the diagonal, `maxGroup` how many units a side of a
 * group may hold. Null when none exists.
 */
function cheapestBeads(
  enUnits: Sentence[],
  zhUnits: Sentence[],
  ratio: number,
  { band = Infinity, maxGroup = MAX_GROUP } = {},
): Bead[] | null {
  const n = enUnits.length
  const m = zhUnits.length
  const best: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(Infinity))
  const step: Array<Array<[number, number]>> = Array.from({ length: n + 1 }, () =>
    Array<[number, number]>(m + 1).fill([0, 0]),
  )
  best[0]![0] = 0
  for (let i = 0; i <= n; i++) {
    const diagonal = (i * m) / n
    const from = Math.max(0, Math.floor(diagonal - band))
    const to = Math.min(m, Math.ceil(diagonal + band))
    for (let j = from; j <= to; j++) {
      const here = best[i]![j]!
      if (here === Infinity) continue
      for (let a = 1; a <= maxGroup && i + a <= n; a++) {
        for (let b = 1; b <= maxGroup && j + b <= m; b++) {
          const fit = beadFit(enUnits.slice(i, i + a), zhUnits.slice(j, j + b), ratio)
          const cost = here + fit - Math.log(beadPrior(a, b))
          if (cost < best[i + a]![j + b]!) {
            best[i + a]![j + b] = cost
            step[i + a]![j + b] = [a, b]
          }
        }
      }
    }
  }
  if (best[n]![m] === Infinity) return null
  const beads: Bead[] = []
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [a, b] = step[i]![j]!
    const fit = beadFit(enUnits.slice(i - a, i), zhUnits.slice(j - b, j), ratio)
    beads.push({
      en: [i - a, a],
      zh: [j - b, b],
      confidence: Math.round(Math.exp(-fit) * 1000) / 1000,
    })
    i -= a
    j -= b
  }
  return beads.reverse()
}

/** How badly a group of English sentences and a group of Chinese ones fit as a pair (≥ 0). */
function beadFit(en: Sentence[], zh: Sentence[], ratio: number): number {
  const enLength = sum(en, 'length')
  const zhLength = sum(zh, 'length') / ratio
  const spread = Math.sqrt(LENGTH_VARIANCE * Math.max(1, (enLength + zhLength) / 2))
  const delta = (zhLength - enLength) / spread
  const lengthCost = -Math.log(Math.max(2 * (1 - normalCdf(Math.abs(delta))), 1e-12))

  const zhText = zh.map((s) => s.text).join('')
  const enNumbers = en.flatMap((s) => s.numbers)
  const enMentions = [...enNumbers, ...en.flatMap((s) => s.spelled)]
  const numberMisses =
    enNumbers.filter((value) => !statesNumber(zhText, value)).length +
    zh.flatMap((s) => s.numbers).filter((value) => !enMentions.some((v) => sameValue(v, value)))
      .length
  const enTerms = new Set(en.flatMap((s) => s.termIds))
  const zhTerms = new Set(zh.flatMap((s) => s.termIds))
  const termMisses =
    [...enTerms].filter((id) => !zhTerms.has(id)).length +
    [...zhTerms].filter((id) => !enTerms.has(id)).length
  const punctuationMisses =
    Math.abs(sum(en, 'semicolons') - sum(zh, 'semicolons')) +
    Math.abs(sum(en, 'quotes') - sum(zh, 'quotes'))
  return (
    lengthCost +
    NUMBER_MISS * numberMisses +
    TERM_MISS * termMisses +
    PUNCTUATION_MISS * punctuationMisses
  )
}

function describe(text: string, lang: ContentLang, glossary: TermFinder | undefined): Sentence {
  return {
    text,
    length: text.replace(lang === 'en' ? /[\s\d]+/g : /[\s\da-z]+/gi, '').length,
    termIds: glossary ? glossary.find(text, lang).map((match) => match.term.id) : [],
    semicolons: (text.match(/[;；]/g) ?? []).length,
    quotes: (text.match(/[“「『]/g) ?? []).length,
    numbers: lang === 'en' ? numbersIn(text).map((n) => n.value) : zhNumbersIn(text),
    spelled: lang === 'en' ? numberWordsIn(text) : [],
  }
}

function sum(sentences: Sentence[], key: 'length' | 'semicolons' | 'quotes'): number {
  return sentences.reduce((total, s) => total + s[key], 0)
}

/** Standard normal distribution function (Abramowitz & Stegun 26.2.17), as Gale & Church used. */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z))
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)
  const tail =
    density *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  return z >= 0 ? 1 - tail : tail
}
