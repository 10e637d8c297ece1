import { ServiceError } from '../../shared/contract.ts'
import { inlineXmlText } from './markup.ts'
import { collapseWhitespace } from './paragraphs.ts'
import type { BilingualFile, BilingualUnit } from './tmx.ts'
import {
  attribute,
  childrenOf,
  xmlLangOf,
  findAll,
  parseXml,
  rawText,
  tagOf,
  type XmlNode,
} from './xml.ts'

/**
 * An XLIFF file, 1.2 (`<trans-unit>` with `<source>` and `<target>`) or 2.x (`<unit>` whose
 * `<segment>`s become the sentence pairs), English to Chinese or Chinese to English.
 */
export function xliffUnits(text: string, name: string): BilingualFile {
  const version = /<xliff\b[^>]*\bversion\s*=\s*["']([\d.]+)/.exec(text)?.[1]
  if (!version) throw new ServiceError('import-unsupported', `${name}: no <xliff version>`)
  const modern = !version.startsWith('1.')
  const root = parseXml(text, name, modern ? 'unit' : 'trans-unit', ['source', 'target'])
  const xliff = findAll(root, 'xliff')[0]!
  const units: BilingualUnit[] = []
  let skipped = 0
  for (const file of findAll(childrenOf(xliff), 'file')) {
    const source = xmlLangOf(
      modern ? attribute(xliff, 'srcLang') : attribute(file, 'source-language'),
    )
    const target = xmlLangOf(
      modern ? attribute(xliff, 'trgLang') : attribute(file, 'target-language'),
    )
    if (!source || !target || source === target)
      throw new ServiceError(
        'import-mismatched-languages',
        `${name}: ${modern ? attribute(xliff, 'srcLang') : attribute(file, 'source-language')} → ${modern ? attribute(xliff, 'trgLang') : attribute(file, 'target-language')}`,
      )
    const toUnit = (pieces: Array<{ source: string; target: string }>): BilingualUnit | null => {
      const pairs = pieces
        .map(({ source: s, target: t }) => (source === 'en' ? { en: s, zh: t } : { en: t, zh: s }))
        .filter((pair) => pair.en || pair.zh)
      if (!pairs.length || pairs.some((pair) => !pair.en || !pair.zh)) return null
      return {
        en: pairs.map((pair) => pair.en).join(' '),
        zh: pairs.map((pair) => pair.zh).join(''),
        pairs: pieces.length > 1 ? pairs : null,
      }
    }
    const pieces = modern
      ? findAll(childrenOf(file), 'unit').map((unit) =>
          findAll(childrenOf(unit), 'segment').map(piece),
        )
      : findAll(childrenOf(file), 'trans-unit').map((unit) => [piece(unit)])
    for (const unitPieces of pieces) {
      const unit = toUnit(unitPieces)
      if (unit) units.push(unit)
      else skipped++
    }
  }
  if (!units.length)
    throw new ServiceError(
      'import-mismatched-languages',
      `${name}: no unit has both a source and a target`,
    )
  return { units, skipped, date: null }
}

function piece(element: XmlNode): { source: string; target: string } {
  const text = (tag: string) =>
    collapseWhitespace(
      inlineXmlText(rawText(childrenOf(element).find((child) => tagOf(child) === tag))),
    )
  return { source: text('source'), target: text('target') }
}
