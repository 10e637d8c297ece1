import type { Block } from '../../electron/shared/model.ts'
import { GlossaryMatcher } from '../../src/search/glossary.ts'
import { numbersIn, statesNumber } from '../../electron/shared/numbers.ts'
import type { CorpusSource, Problem } from './source.ts'

export interface CheckReport {
  documents: number
  blocks: number
  aligned: number
  glossaryTerms: number
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
      const blockProblems = checkBlock(block)
      blockProblems.forEach(report)
      if (HAN.test(block.zh) && block.en.trim() && block.zh.trim()) aligned++
      for (const { term } of matcher.find(block.en, 'en')) {
        const zhForms = [term.zh, ...(term.aliases?.zh ?? [])]
        if (zhForms.some((form) => block.zh.includes(form))) continue
        if (exceptions.has(`${term.id}\u0000${document.id}\u0000${block.id}`)) continue
        report(`glossary: "${term.en}" in English but not "${term.zh}" in Chinese`)
      }
    }
  }
  return {
    documents: source.documents.length,
    blocks,
    aligned,
    glossaryTerms: source.glossary.terms.length,
    problems,
  }
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
  for (const number of numbersIn(block.en)) {
    if (!statesNumber(block.zh, number.value))
      found.push(`number "${number.text}" missing in Chinese`)
  }
  return found
}

export function formatProblem({ file, blockId, reason }: Problem): string {
  return `${file}: ${blockId ?? '-'}: ${reason}`
}
