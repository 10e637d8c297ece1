import type { Block, ContentLang, GlossaryMarks } from '../../electron/shared/model.ts'
import type { GlossaryMatcher, TermMatch } from '../search/glossary.ts'

/** The glossary terms to underline in one block, per language, in text order. */
export type BlockMarks = Record<ContentLang, TermMatch[]>

/**
 * Which glossary terms a document underlines. `all` marks every occurrence; `first` marks a term
 * where it first appears in each section (a heading starts one), in each language on its own, so a
 * page is not striped with every "Jiangmen" and a keyboard user meets each term once; `off` none.
 */
export function glossaryMarks(
  blocks: readonly Block[],
  matcher: GlossaryMatcher,
  policy: GlossaryMarks,
): Map<string, BlockMarks> {
  const marks = new Map<string, BlockMarks>()
  if (policy === 'off') return marks
  let seen: Record<ContentLang, Set<string>> = { en: new Set(), zh: new Set() }
  for (const block of blocks) {
    if (block.type === 'heading') seen = { en: new Set(), zh: new Set() }
    const pick = (lang: ContentLang): TermMatch[] =>
      matcher.find(block[lang], lang).filter((match) => {
        if (policy === 'all') return true
        if (seen[lang].has(match.term.id)) return false
        seen[lang].add(match.term.id)
        return true
      })
    marks.set(block.id, { en: pick('en'), zh: pick('zh') })
  }
  return marks
}
