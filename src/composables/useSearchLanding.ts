import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { pairSpans, pairsTouching } from '../../electron/shared/align/counterpart.ts'
import type { TextRange } from '../../electron/shared/align/coverage.ts'
import type { Block, ContentLang } from '../../electron/shared/model.ts'
import { tokenizeQuery } from '../search/tokenize.ts'
import { useChineseStore } from '../stores/chinese.ts'
import { useGlossaryStore } from '../stores/glossary.ts'
import { useReaderStore } from '../stores/reader.ts'
import { findTextRanges, paintHighlight, rangeAt } from './textRanges.ts'

const NAMES = ['search-hit', 'search-sentence', 'search-passage'] as const
const langOfText = (text: Element): ContentLang =>
  text.classList.contains('lang-zh') ? 'zh' : 'en'

/** Every occurrence of `word` in `text`, ignoring case. */
function occurrences(text: string, word: string): TextRange[] {
  const [lower, wanted] = [text.toLowerCase(), word.toLowerCase()]
  const out: TextRange[] = []
  for (let at = lower.indexOf(wanted); wanted && at >= 0; at = lower.indexOf(wanted, at + 1))
    out.push({ start: at, end: at + wanted.length })
  return out
}

/**
 * Marks why a search result matched, in the block it led to: the words of the query, the other
 * language's form of every glossary term in it (人才岛 marks "Talent Island"), and, lighter, the
 * aligned sentences that hold them in both languages, so a hit in the language not shown still
 * lands on its sentence. Only a block without alignment gets its whole passage marked instead.
 */
export function useSearchLanding(column: Ref<HTMLElement | null>): void {
  const reader = useReaderStore()
  const glossary = useGlossaryStore()
  const chinese = useChineseStore()

  const wantedTerms = (query: string) =>
    new Set(
      (['en', 'zh'] as const).flatMap((lang) =>
        glossary.matcher.find(query, lang).map((m) => m.term.id),
      ),
    )
  const termsIn = (text: string, lang: ContentLang, wanted: Set<string>) =>
    glossary.matcher.find(text, lang).filter((m) => wanted.has(m.term.id))

  function termRanges(element: Element, block: Block, query: string): Range[] {
    const wanted = wantedTerms(query)
    if (!wanted.size) return []
    return [...element.querySelectorAll<HTMLElement>('.text')].flatMap((text) => {
      const lang = langOfText(text)
      return termsIn(block[lang], lang, wanted).flatMap((m) => rangeAt(text, m.start, m.end) ?? [])
    })
  }

  /** The aligned sentences holding a word or term of the query, in either language. */
  function sentenceRanges(element: Element, block: Block, words: string[], query: string): Range[] {
    const spans = pairSpans(block)
    if (!spans) return []
    const wanted = wantedTerms(query)
    const pairs = new Set(
      (['en', 'zh'] as const).flatMap((lang) =>
        [
          ...words.flatMap((word) => occurrences(block[lang], word)),
          ...termsIn(block[lang], lang, wanted),
        ].flatMap((found) => pairsTouching(spans[lang], found)),
      ),
    )
    return [...element.querySelectorAll('.text')].flatMap((text) =>
      [...pairs].flatMap((i) => {
        const span = spans[langOfText(text)][i]!
        return rangeAt(text, span.start, span.end) ?? []
      }),
    )
  }

  function passageRanges(element: Element, block: Block): Range[] {
    return [...element.querySelectorAll('.text')].flatMap(
      (text) => rangeAt(text, 0, block[langOfText(text)].length) ?? [],
    )
  }

  watch(
    () =>
      [
        reader.searchHighlight,
        reader.status,
        reader.mode,
        reader.flipped,
        chinese.revision,
      ] as const,
    async ([target]) => {
      await nextTick()
      const element =
        target && column.value?.querySelector(`[data-block-id="${CSS.escape(target.blockId)}"]`)
      const block = target && reader.document?.blocks.find((b) => b.id === target.blockId)
      if (!target || !element || !block) {
        for (const name of NAMES) paintHighlight(name, [])
        return
      }
      const typed = tokenizeQuery(target.query).map((tk) => (tk.kind === 'han' ? tk.text : tk.term))
      const words = [...new Set([...typed, ...target.marks])]
      const hits = [
        ...words.flatMap((word) => findTextRanges(element, word)),
        ...termRanges(element, block, target.query),
      ]
      const sentences = sentenceRanges(element, block, words, target.query)
      paintHighlight('search-hit', hits)
      paintHighlight('search-sentence', sentences, -2)
      paintHighlight(
        'search-passage',
        hits.length || sentences.length ? [] : passageRanges(element, block),
        -2,
      )
    },
    { immediate: true },
  )
  onBeforeUnmount(() => {
    for (const name of NAMES) paintHighlight(name, [])
  })
}
