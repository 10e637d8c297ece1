import type { ContentLang, GlossaryTerm } from '../../electron/shared/model.ts'
import { escapeRegExp } from './normalize.ts'

export interface TermMatch {
  term: GlossaryTerm
  start: number
  end: number
}

/** All the ways a term is written in one language: its main form first, then its aliases. */
export function termForms(term: GlossaryTerm, lang: ContentLang): string[] {
  return [term[lang], ...(term.aliases?.[lang] ?? [])]
}

/**
 * Finds glossary terms in a text. English forms match case-insensitively on word boundaries;
 * Chinese forms match anywhere (Chinese has no spaces). Where forms overlap the longest wins, so
 * "Guangdong-Hong Kong-Macao Greater Bay Area" is one term, not three. One regular expression per
 * language, longest forms first, scans each text once.
 */
export class GlossaryMatcher {
  private readonly byForm = new Map<string, GlossaryTerm>()
  private readonly patterns: Record<ContentLang, RegExp | null>

  constructor(terms: readonly GlossaryTerm[]) {
    const forms: Record<ContentLang, string[]> = { en: [], zh: [] }
    for (const term of terms) {
      for (const lang of ['en', 'zh'] as const) {
        for (const form of termForms(term, lang)) {
          const key = form.toLowerCase()
          if (!key || this.byForm.has(key)) continue
          this.byForm.set(key, term)
          forms[lang].push(form)
        }
      }
    }
    const alternation = (list: string[]) =>
      list
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|')
    this.patterns = {
      en: forms.en.length
        ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(forms.en)})(?![\\p{L}\\p{N}])`, 'giu')
        : null,
      zh: forms.zh.length ? new RegExp(alternation(forms.zh), 'giu') : null,
    }
  }

  find(text: string, lang: ContentLang): TermMatch[] {
    const pattern = this.patterns[lang]
    if (!pattern) return []
    const found: TermMatch[] = []
    for (const match of text.matchAll(pattern)) {
      const term = this.byForm.get(match[0].toLowerCase())
      if (term) found.push({ term, start: match.index, end: match.index + match[0].length })
    }
    return found
  }
}
