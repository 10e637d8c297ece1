import type { ContentLang, GlossaryTerm } from '../../electron/shared/model.ts'
import { normalize, wordCharAt, wordCharBefore } from './normalize.ts'

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
 * "Guangdong-Hong Kong-Macao Greater Bay Area" is one term, not three. The text is scanned once,
 * left to right: at each position only the forms that start with its character are tried, longest
 * first, and a match resumes the scan after its end. (One regular expression over every form did
 * the same, at ten times the cost on a short query: a search runs this on every keystroke.)
 */
export class GlossaryMatcher {
  /** Each form in lower case, and as a normalized query writes it, with its term. */
  private readonly byForm = new Map<string, GlossaryTerm>()
  /** Each language's forms (those keys) by their first character, longest first. */
  private readonly byFirst: Record<ContentLang, Map<string, string[]>> = {
    en: new Map(),
    zh: new Map(),
  }

  /**
   * `queries: false` when only texts as written are searched (the reader's marks): the forms are
   * then not normalized, which would build the Traditional-to-Simplified tables for nothing.
   */
  constructor(terms: readonly GlossaryTerm[], { queries = true }: { queries?: boolean } = {}) {
    for (const term of terms) {
      for (const lang of ['en', 'zh'] as const) {
        for (const form of termForms(term, lang)) {
          // A query arrives normalized (中欧（江门） as 中欧(江门)), a text as written: both count.
          const keys = [form.toLowerCase(), ...(queries ? [normalize(form)] : [])]
          for (const key of new Set(keys)) {
            if (!key || this.byForm.has(key)) continue
            this.byForm.set(key, term)
            const starting = this.byFirst[lang].get(key[0]!) ?? []
            starting.push(key)
            this.byFirst[lang].set(key[0]!, starting)
          }
        }
      }
    }
    for (const forms of [...this.byFirst.en.values(), ...this.byFirst.zh.values()]) {
      forms.sort((a, b) => b.length - a.length)
    }
  }

  find(text: string, lang: ContentLang): TermMatch[] {
    const byFirst = this.byFirst[lang]
    const found: TermMatch[] = []
    if (!byFirst.size) return found
    const lower = lowerCaseAligned(text)
    const onWords = lang === 'en'
    for (let at = 0; at < lower.length;) {
      const forms = byFirst.get(lower[at]!)
      const form =
        forms && !(onWords && wordCharBefore(lower, at))
          ? forms.find(
              (f) => lower.startsWith(f, at) && !(onWords && wordCharAt(lower, at + f.length)),
            )
          : undefined
      if (form) {
        found.push({ term: this.byForm.get(form)!, start: at, end: at + form.length })
        at += form.length
      } else {
        at++
      }
    }
    return found
  }
}

/**
 * The text in lower case, each character at the index it has in the text: the few characters whose
 * lower case is longer ("İ") stay as they are, so a match's indexes hold in the original.
 */
function lowerCaseAligned(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  let aligned = ''
  for (const char of text) {
    const lowered = char.toLowerCase()
    aligned += lowered.length === char.length ? lowered : char
  }
  return aligned
}
