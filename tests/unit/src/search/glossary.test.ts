import { describe, expect, it } from 'vitest'
import type { ContentLang, GlossaryTerm } from '../../../../electron/shared/model.ts'
import { loadRealCorpus } from '../../../../bench/generate.ts'
import { GlossaryMatcher, termForms } from '../../../../src/search/glossary.ts'

const { documents, glossary } = loadRealCorpus()
const matcher = new GlossaryMatcher(glossary)

/** The same search as one regular expression over every form: longest first, words whole in English. */
function reference(text: string, lang: ContentLang): Array<[string, number, number]> {
  const seen = new Set<string>()
  const forms: string[] = []
  for (const term of glossary) {
    for (const l of ['en', 'zh'] as const) {
      for (const form of termForms(term, l)) {
        const key = form.toLowerCase()
        if (seen.has(key)) continue
        seen.add(key)
        if (l === lang) forms.push(form)
      }
    }
  }
  const alternation = forms
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
  const pattern =
    lang === 'en'
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu')
      : new RegExp(alternation, 'giu')
  const idOf = new Map(
    glossary.flatMap((term) =>
      [...termForms(term, 'en'), ...termForms(term, 'zh')].map((f) => [f.toLowerCase(), term.id]),
    ),
  )
  return [...text.matchAll(pattern)].map((m) => [
    idOf.get(m[0].toLowerCase())!,
    m.index,
    m.index + m[0].length,
  ])
}

const found = (text: string, lang: ContentLang) =>
  matcher.find(text, lang).map(({ term, start, end }) => [term.id, start, end])

const term = (id: string, en: string, zh: string, aliases?: GlossaryTerm['aliases']) =>
  ({ id, en, zh, ...(aliases ? { aliases } : {}) }) as GlossaryTerm

describe('GlossaryMatcher', () => {
  it('finds what one regular expression over every form finds, in every block of the corpus', () => {
    let matches = 0
    for (const doc of documents) {
      for (const block of doc.blocks) {
        for (const lang of ['en', 'zh'] as const) {
          const expected = reference(block[lang], lang)
          expect(found(block[lang], lang)).toEqual(expected)
          matches += expected.length
        }
      }
    }
    expect(matches).toBeGreaterThan(500)
  })

  it('prefers the longest form, and a shorter one where the longer does not end a word', () => {
    const m = new GlossaryMatcher([
      term('gba', 'Greater Bay Area', '大湾区', { en: ['Bay Area'], zh: ['粤港澳大湾区'] }),
      term('bay', 'Bay', '湾'),
    ])
    const ids = (text: string, lang: ContentLang) =>
      m.find(text, lang).map(({ term: t, start, end }) => [t.id, text.slice(start, end)])
    expect(ids('the greater bay area and the Bay Areas', 'en')).toEqual([
      ['gba', 'greater bay area'],
      ['bay', 'Bay'],
    ])
    expect(ids('Baywatch, subbay, BAY.', 'en')).toEqual([['bay', 'BAY']])
    expect(ids('粤港澳大湾区与湾区', 'zh')).toEqual([
      ['gba', '粤港澳大湾区'],
      ['bay', '湾'],
    ])
  })

  it('keeps indexes into the text as given, whatever lower case does to it', () => {
    const m = new GlossaryMatcher([term('kp', 'Kaiping', '开平')])
    const text = 'İİ Kaiping, 𝐀Kaiping, éKaiping KAIPING'
    expect(m.find(text, 'en').map(({ start, end }) => text.slice(start, end))).toEqual([
      'Kaiping',
      'KAIPING',
    ])
  })

  it('finds nothing with no terms, and in an empty text', () => {
    expect(new GlossaryMatcher([]).find('Jiangmen', 'en')).toEqual([])
    expect(matcher.find('', 'zh')).toEqual([])
  })
})
