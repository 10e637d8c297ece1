import { locateParts } from '../../electron/shared/align/coverage.ts'
import type { Block } from '../../electron/shared/model.ts'
import {
  numbersIn,
  numberWordsIn,
  sameValue,
  statesNumber,
  zhNumbersIn,
} from '../../electron/shared/numbers.ts'
import { GlossaryMatcher } from '../../src/search/glossary.ts'
import { measureAligner, type AlignerScore } from './align.ts'
import type { CorpusSource, Problem } from './source.ts'

export interface CheckReport {
  documents: number
  blocks: number
  /** Blocks with both languages present. */
  aligned: number
  /** Authored sentence pairs, over all blocks. */
  pairs: number
  glossaryTerms: number
  /** How many authored pairs the automatic aligner proposes exactly. */
  aligner: AlignerScore
  problems: Problem[]
}

const HAN = /\p{Script=Han}/u

/** Patterns that mean web boilerplate or an extraction artifact survived in the English. */
const EN_ARTIFACTS: Array<[RegExp, string]> = [
  [/Briefing of This Website|Sitemap \||All Rights Reserved|Copyright/i, 'website boilerplate'],
  [/来源|时间[:：]|\bdate \d{4}-\d{2}-\d{2}/, 'source/date line left in the text'],
  [/△/, 'caption marker left in the text'],
  [/\u00a0/, 'non-breaking space'],
  [/ {2,}|^\s|\s$/, 'stray whitespace'],
  [/\s[,.;:!?](?!\d)/, 'space before punctuation'],
  [/[,;](?=[A-Za-z])/, 'missing space after punctuation'],
  [/[a-z]{2}\.(?=[A-Z][a-z])/, 'missing space after a full stop'],
  [/\b[A-Za-z]{2,}- (?!and\b|or\b|to\b)[a-z]/, 'broken hyphenation'],
  [/\b[A-Za-z][a-z]+[A-Z][a-z]{2,}/, 'glued words'],
  [/\p{Script=Han}/u, 'Chinese characters in the English text'],
]

const ZH_ARTIFACTS: Array<[RegExp, string]> = [
  [/\p{Script=Han}[,.;:?!](?!\d)|[,;:?!]\p{Script=Han}/u, 'half-width punctuation in Chinese text'],
  [/\u00a0/, 'non-breaking space'],
]

export function checkCorpus(source: CorpusSource): CheckReport {
  const problems: Problem[] = [...source.problems]
  const matcher = new GlossaryMatcher(source.glossary.terms)
  const exceptions = new Set(
    source.glossary.exceptions.map((e) => `${e.term}\u0000${e.docId}\u0000${e.blockId}`),
  )
  let blocks = 0
  let aligned = 0
  let pairs = 0

  const termIds = new Set<string>()
  for (const term of source.glossary.terms) {
    if (termIds.has(term.id))
      problems.push({
        file: 'glossary.json',
        blockId: null,
        reason: `duplicate term id "${term.id}"`,
      })
    termIds.add(term.id)
  }

  const docIds = new Map<string, string>()
  for (const { file, document } of source.documents) {
    if (file !== `${document.id}.json`) {
      problems.push({ file, blockId: null, reason: `file name must be "${document.id}.json"` })
    }
    const other = docIds.get(document.id)
    if (other)
      problems.push({
        file,
        blockId: null,
        reason: `document id "${document.id}" also used by ${other}`,
      })
    docIds.set(document.id, file)

    const blockIds = new Set<string>()
    for (const block of document.blocks) {
      blocks++
      const report = (reason: string) => problems.push({ file, blockId: block.id, reason })
      if (blockIds.has(block.id)) report('duplicate block id')
      blockIds.add(block.id)
      checkBlock(block).forEach(report)
      if (HAN.test(block.zh) && block.en.trim() && block.zh.trim()) aligned++
      pairs += block.pairs?.length ?? 0
      const exempt = (termId: string) =>
        exceptions.has(`${termId}\u0000${document.id}\u0000${block.id}`)
      // Sentence pairs that cover the block carry its numbers and terms: checking each pair checks
      // the block, and also that the alignment keeps every figure and name with its translation.
      const alignment = alignmentProblems(block)
      alignment.forEach(report)
      const units =
        alignment.length || !block.pairs
          ? [{ where: '', en: block.en, zh: block.zh }]
          : block.pairs.map((pair, k) => ({ where: `pair ${k + 1}: `, ...pair }))
      const blockNumbers = mentionedNumbers(block.en)
      for (const { where, en, zh } of units) {
        for (const reason of translationProblems(en, zh, matcher, exempt)) report(where + reason)
        // A figure of the Chinese whose English is in another pair: the pair boundary is wrong.
        const enNumbers = mentionedNumbers(en)
        for (const value of zhNumbersIn(zh)) {
          const inEnglish = (values: number[]) => values.some((v) => sameValue(v, value))
          if (inEnglish(blockNumbers) && !inEnglish(enNumbers))
            report(`${where}number ${value} in Chinese but not in this pair's English`)
        }
      }
    }
  }
  return {
    documents: source.documents.length,
    blocks,
    aligned,
    pairs,
    glossaryTerms: source.glossary.terms.length,
    aligner: measureAligner(
      source.documents.map((d) => d.document),
      matcher,
    ),
    problems,
  }
}

/** Why a block's sentence pairs do not make up its two texts, if they do not. */
function alignmentProblems(block: Block): string[] {
  if (!block.pairs) return ['no sentence alignment ("pairs")']
  const found: string[] = []
  block.pairs.forEach((pair, k) => {
    if (!pair.en.trim()) found.push(`pair ${k + 1}: English side is empty`)
    if (!pair.zh.trim()) found.push(`pair ${k + 1}: Chinese side is empty`)
  })
  for (const lang of ['en', 'zh'] as const) {
    const name = lang === 'en' ? 'English' : 'Chinese'
    const sides = block.pairs.map((pair) => pair[lang])
    if (!locateParts(block[lang], sides))
      found.push(`pairs: the ${name} sides, in order, are not the block's ${name} text`)
  }
  return found
}

/** The figures an English text writes and the numbers it spells out. */
function mentionedNumbers(en: string): number[] {
  return [...numbersIn(en).map((n) => n.value), ...numberWordsIn(en)]
}

/** Numbers and glossary terms of the English that its Chinese lacks. */
function translationProblems(
  en: string,
  zh: string,
  matcher: GlossaryMatcher,
  exempt: (termId: string) => boolean,
): string[] {
  const found: string[] = []
  for (const number of numbersIn(en)) {
    if (!statesNumber(zh, number.value)) found.push(`number "${number.text}" missing in Chinese`)
  }
  for (const { term } of matcher.find(en, 'en')) {
    const zhForms = [term.zh, ...(term.aliases?.zh ?? [])]
    if (zhForms.some((form) => zh.includes(form)) || exempt(term.id)) continue
    found.push(`glossary: "${term.en}" in English but not "${term.zh}" in Chinese`)
  }
  return found
}

function checkBlock(block: Block): string[] {
  const found: string[] = []
  if (!block.en.trim()) found.push('English text is empty')
  if (!block.zh.trim()) found.push('Chinese text is empty')
  else if (!HAN.test(block.zh)) found.push('Chinese text has no Chinese characters')
  for (const [pattern, reason] of EN_ARTIFACTS)
    if (pattern.test(block.en)) found.push(`English: ${reason}`)
  for (const [pattern, reason] of ZH_ARTIFACTS)
    if (pattern.test(block.zh)) found.push(`Chinese: ${reason}`)
  for (const mark of block.marks ?? []) {
    if (!block[mark.lang].includes(mark.quote))
      found.push(
        `mark: "${mark.quote}" is not in the ${mark.lang === 'en' ? 'English' : 'Chinese'} text`,
      )
  }
  return found
}

export function formatProblem({ file, blockId, reason }: Problem): string {
  return `${file}: ${blockId ?? '-'}: ${reason}`
}
