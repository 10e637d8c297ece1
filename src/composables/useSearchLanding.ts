import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import type { ContentLang } from '../../electron/shared/model.ts'
import { tokenizeQuery } from '../search/tokenize.ts'
import { useGlossaryStore } from '../stores/glossary.ts'
import { useReaderStore } from '../stores/reader.ts'
import { findTextRanges, paintHighlight, rangeAt } from './textRanges.ts'

/**
 * Marks why a search result matched, in the block it led to: the words of the query, and the
 * other language's form of every glossary term in it (人才岛 marks "Talent Island"). When nothing
 * finer can be found in the text shown, the whole passage is marked, so the landing is never blank.
 */
export function useSearchLanding(column: Ref<HTMLElement | null>): void {
  const reader = useReaderStore()
  const glossary = useGlossaryStore()

  function termRanges(block: Element, query: string): Range[] {
    const matcher = glossary.matcher
    const wanted = new Set(
      (['en', 'zh'] as const).flatMap((lang) => matcher.find(query, lang).map((m) => m.term.id)),
    )
    if (!wanted.size) return []
    return [...block.querySelectorAll<HTMLElement>('.text')].flatMap((text) => {
      const lang: ContentLang = text.classList.contains('lang-zh') ? 'zh' : 'en'
      const content = text.textContent ?? ''
      return matcher
        .find(content, lang)
        .filter((m) => wanted.has(m.term.id))
        .flatMap((m) => rangeAt(text, m.start, m.end) ?? [])
    })
  }

  function passageRanges(block: Element): Range[] {
    return [...block.querySelectorAll('.text')].flatMap((text) => {
      const length = text.textContent?.length ?? 0
      return rangeAt(text, 0, length) ?? []
    })
  }

  watch(
    () => [reader.searchHighlight, reader.status, reader.mode, reader.flipped] as const,
    async ([target]) => {
      await nextTick()
      const block =
        target && column.value?.querySelector(`[data-block-id="${CSS.escape(target.blockId)}"]`)
      if (!target || !block) {
        paintHighlight('search-hit', [])
        paintHighlight('search-passage', [])
        return
      }
      const words = tokenizeQuery(target.query).map((tk) => (tk.kind === 'han' ? tk.text : tk.term))
      const hits = [
        ...words.flatMap((word) => findTextRanges(block, word)),
        ...termRanges(block, target.query),
      ]
      paintHighlight('search-hit', hits)
      paintHighlight('search-passage', hits.length ? [] : passageRanges(block))
    },
    { immediate: true },
  )
  onBeforeUnmount(() => {
    paintHighlight('search-hit', [])
    paintHighlight('search-passage', [])
  })
}
