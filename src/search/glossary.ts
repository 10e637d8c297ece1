import type { ContentLang, GlossaryTerm } from '../../electron/shared/model.ts'

export interface TermMatch {
  term: GlossaryTerm
  start: number
  end: number
}

/** All the ways a term is written in one language: its main form first, then its aliases. */
export function termForms(term: GlossaryTerm, lang: ContentLang): string[] {
  return [term[lang], ...(term.aliases?.[lang] ?? [])]
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Finds glossary terms in a text. English forms match case-insensitively on word boundaries;
 * Chinese forms match anywhere (Chinese has no spaces). Where matches overlap the longest wins,
 * so "Guangdong-Hong Kong-Macao Greater Bay Area" is one term, not three.
 */
export class GlossaryMatcher {
  private readonly forms: Array<{
    term: GlossaryTerm
    form: string
    folded: string
    lang: ContentLang
  }>

  constructor(terms: readonly GlossaryTerm[]) {
    this.forms = terms
      .flatMap((term) =>
        (['en', 'zh'] as const).flatMap((lang) =>
          termForms(term, lang).map((form) => ({ term, form, folded: fold(form), lang })),
        ),
      )
      .filter((f) => f.folded.length > 0)
      .sort((a, b) => b.folded.length - a.folded.length)
  }

  find(text: string, lang: ContentLang): TermMatch[] {
    const folded = fold(text)
    const taken: TermMatch[] = []
    for (const { term, folded: needle, lang: formLang } of this.forms) {
      if (formLang !== lang) continue
      let from = 0
      for (;;) {
        const start = folded.indexOf(needle, from)
        if (start < 0) break
        const end = start + needle.length
        from = start + 1
        if (lang === 'en' && !onWordBoundaries(folded, start, end)) continue
        if (taken.some((m) => start < m.end && end > m.start)) continue
        taken.push({ term, start, end })
      }
    }
    return taken.sort((a, b) => a.start - b.start)
  }
}

/** Case folding that keeps every index where it was, so matches map back onto the original text. */
function fold(text: string): string {
  let out = ''
  for (const char of text) {
    const lower = char.toLowerCase()
    out += lower.length === char.length ? lower : char
  }
  return out
}

function onWordBoundaries(text: string, start: number, end: number): boolean {
  const before = text[start - 1]
  const after = text[end]
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after))
}
