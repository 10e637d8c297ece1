import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { counterpartOf } from '../../electron/shared/align/counterpart.ts'
import type { Block, ContentLang, GlossaryTerm } from '../../electron/shared/model.ts'
import type { Entry, Word } from '../chinese/aids.ts'
import { useChineseStore } from './chinese.ts'
import { useGlossaryStore } from './glossary.ts'

/** The words of an English text, where each is. */
function englishWords(text: string): Array<{ start: number; end: number }> {
  return [...new Intl.Segmenter('en', { granularity: 'word' }).segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => ({ start: s.index, end: s.index + s.segment.length }))
}

/** What is being looked up: characters [start, end) of a block's authored text in one language. */
export interface LookupTarget {
  blockId: string
  lang: ContentLang
  start: number
  end: number
  /** Opened with the keyboard (d): ← and → walk the paragraph's words. */
  byKey: boolean
}

/**
 * The dictionary as the reader uses it: a word of the text, the dictionary's words under it (开平碉楼,
 * 碉楼, 碉) to choose from, their entries, and the glossary's entry where an official term covers it.
 * English words get the Chinese their aligned sentence uses.
 */
export const useLookupStore = defineStore('lookup', () => {
  const chinese = useChineseStore()
  const glossary = useGlossaryStore()
  const target = ref<LookupTarget | null>(null)
  const words = shallowRef<Word[]>([])
  const chosen = ref(0)
  const english = shallowRef<Entry[]>([])
  const status = ref<'idle' | 'looking' | 'ready' | 'failed'>('idle')
  const failure = ref<string | null>(null)
  /** The paragraph's words, for ← and →, when opened with the keyboard. */
  let segments: Array<{ start: number; end: number }> = []
  let asked = 0

  const word = computed(() => words.value[chosen.value] ?? null)
  /** The characters the card is about, in the authored text. */
  const span = computed(() => {
    const at = target.value
    if (!at) return null
    return word.value && at.lang === 'zh' ? { start: word.value.start, end: word.value.end } : at
  })

  /** The official term covering the looked-up words, if any. */
  function termOf(block: Block): GlossaryTerm | null {
    const at = target.value
    const covered = span.value
    if (!at || !covered) return null
    const match = glossary.matcher
      .find(block[at.lang], at.lang)
      .find((m) => m.start <= covered.start && covered.end <= m.end)
    return match?.term ?? null
  }

  async function run(next: LookupTarget, task: () => Promise<void>): Promise<void> {
    const mine = ++asked
    target.value = next
    status.value = 'looking'
    failure.value = null
    try {
      await task()
      if (mine === asked) status.value = 'ready'
    } catch (error) {
      if (mine !== asked) return
      status.value = 'failed'
      failure.value = error instanceof Error ? error.message : String(error)
    }
  }

  /** Looks up the words of `block` at [start, end): the Chinese words there, or an English word. */
  function lookUp(block: Block, at: Omit<LookupTarget, 'byKey'>, byKey = false): Promise<void> {
    const next = { ...at, byKey }
    return run(next, async () => {
      const client = chinese.aids()
      if (at.lang === 'zh') {
        const found = await client.wordsAt(block.zh, at.start)
        // A selection of a whole word chooses it; a click or a key offers the longest first.
        const exact = found.findIndex((w) => w.start === at.start && w.end === at.end)
        words.value = found
        chosen.value = Math.max(0, exact)
        english.value = []
      } else {
        const text = block.en.slice(at.start, at.end)
        const aligned = counterpartOf(block, 'en', at)?.text ?? block.zh
        english.value = await client.english(text, aligned)
        words.value = []
        chosen.value = 0
      }
    })
  }

  /** Opens the dictionary on a paragraph's first word in a language, for the keyboard. */
  async function openOn(block: Block, lang: ContentLang): Promise<void> {
    segments = lang === 'zh' ? await chinese.aids().segment(block.zh) : englishWords(block.en)
    const first = segments[0]
    if (first) await lookUp(block, { blockId: block.id, lang, ...first }, true)
  }

  /** The next (1) or previous (-1) word of the paragraph. */
  async function step(block: Block, by: 1 | -1): Promise<void> {
    const at = span.value
    if (!at || !target.value?.byKey) return
    const here = segments.findIndex((s) => s.start >= at.start)
    const next = segments[(here < 0 ? segments.length : here) + by]
    if (next) await lookUp(block, { blockId: block.id, lang: target.value.lang, ...next }, true)
  }

  function choose(index: number): void {
    if (words.value[index]) chosen.value = index
  }

  function close(): void {
    asked++
    target.value = null
    words.value = []
    english.value = []
    status.value = 'idle'
  }

  return {
    target,
    words,
    chosen,
    word,
    span,
    english,
    status,
    failure,
    termOf,
    lookUp,
    openOn,
    step,
    choose,
    close,
  }
})
