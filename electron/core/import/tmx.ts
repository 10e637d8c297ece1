import { ServiceError } from '../../shared/contract.ts'
import { collapseWhitespace } from './paragraphs.ts'
import { inlineXmlText } from './markup.ts'
import { attribute, childrenOf, xmlLangOf, findAll, parseXml, rawText, tagOf } from './xml.ts'

/** A unit a bilingual file pairs itself: its two texts and, where it says so, its sentence pairs. */
export interface BilingualUnit {
  en: string
  zh: string
  pairs: Array<{ en: string; zh: string }> | null
}

export interface BilingualFile {
  units: BilingualUnit[]
  date: string | null
  /** Units left out because one of the two languages was missing. */
  skipped: number
}

/** A TMX 1.4 translation memory: each `<tu>` with an English and a Chinese `<tuv>` is a unit. */
export function tmxUnits(text: string, name: string): BilingualFile {
  const root = parseXml(text, name, 'tu', ['seg'])
  const tmx = findAll(root, 'tmx')[0]
  if (!tmx) throw new ServiceError('import-unsupported', `${name}: no <tmx> element`)
  const created = attribute(findAll(childrenOf(tmx), 'header')[0] ?? {}, 'creationdate')
  const units: BilingualUnit[] = []
  let skipped = 0
  for (const tu of findAll(childrenOf(tmx), 'tu')) {
    const sides: Partial<Record<'en' | 'zh', string>> = {}
    for (const tuv of childrenOf(tu).filter((child) => tagOf(child) === 'tuv')) {
      const lang = xmlLangOf(attribute(tuv, 'xml:lang') ?? attribute(tuv, 'lang'))
      const seg = findAll(childrenOf(tuv), 'seg')[0]
      if (lang) sides[lang] ??= collapseWhitespace(inlineXmlText(rawText(seg)))
    }
    if (sides.en && sides.zh) units.push({ en: sides.en, zh: sides.zh, pairs: null })
    else skipped++
  }
  if (!units.length)
    throw new ServiceError(
      'import-mismatched-languages',
      `${name}: no unit has both English and Chinese`,
    )
  const date = /^(\d{4})(\d{2})(\d{2})T/.exec(created ?? '')
  return { units, skipped, date: date ? `${date[1]}-${date[2]}-${date[3]}` : null }
}
