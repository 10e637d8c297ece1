import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { IpcError } from '../../electron/shared/contract.ts'
import type {
  Block,
  ContentLang,
  Document,
  ReadingMode,
  ReadingPosition,
} from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { useSettingsStore } from './settings.ts'
import { useUiStore } from './ui.ts'

export const READING_MODES: readonly ReadingMode[] = ['en', 'zh', 'side-by-side', 'interleaved']

/** A place in the library a reader can go back to. */
export interface Place {
  docId: string
  position: ReadingPosition
}
const MAX_HISTORY = 50

/** The document being read, where the reader is in it, and which blocks are flipped. */
/**
 * Where to open a document: a block, an offset in it; from a search, the language it matched in
 * and what matched as it stands in the block (a typo, pinyin or a Traditional query marks the
 * words found, not the words typed).
 */
interface OpenAt {
  blockId: string
  offset?: number
  matchedLang?: ContentLang | 'both'
  marks?: readonly string[]
}

export const useReaderStore = defineStore('reader', () => {
  const document = shallowRef<Document | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<IpcError | null>(null)
  const flipped = ref(new Set<string>())
  const position = ref<ReadingPosition | null>(null)
  /**
   * Where the view goes, with keyboard focus, once the document is rendered: a position in it, or
   * its top (`at: null`), with the title in view.
   */
  const pendingScroll = ref<{ at: ReadingPosition | null } | null>(null)
  /** Places left by jumps (search, notes, contents), for Back; and those left by Back, for Forward. */
  /** The block holding keyboard focus, if any: with the reading position, the column's Tab stop. */
  const focusedBlockId = ref<string | null>(null)
  const backStack = ref<Place[]>([])
  const forwardStack = ref<Place[]>([])
  /** Words to mark in one block after arriving from a search result. */
  /** The search that led to a block: its query, and what matched as it stands in the block. */
  const searchHighlight = ref<{ blockId: string; query: string; marks: readonly string[] } | null>(
    null,
  )
  const settings = useSettingsStore()

  const mode = computed<ReadingMode>(() => settings.settings?.readingMode ?? 'en')
  const headings = computed(() => document.value?.blocks.filter((b) => b.type === 'heading') ?? [])
  const currentIndex = computed(() => {
    const blocks = document.value?.blocks ?? []
    const index = blocks.findIndex((b) => b.id === position.value?.blockId)
    return Math.max(0, index)
  })
  const activeBlockId = computed(
    () => focusedBlockId.value ?? position.value?.blockId ?? document.value?.blocks[0]?.id ?? null,
  )
  /** The heading of the section the reader is in. */
  const currentHeadingId = computed(() => {
    const blocks = document.value?.blocks ?? []
    for (let i = currentIndex.value; i >= 0; i--)
      if (blocks[i]?.type === 'heading') return blocks[i]!.id
    return null
  })

  /**
   * Opens a document where the reader left it, or at a block. Coming from a search (`query`), a
   * block whose match is only in the language not shown is flipped so the match can be seen.
   */
  async function open(docId: string, at?: OpenAt, query?: string): Promise<boolean> {
    if (at) remember()
    return go(docId, at, query)
  }

  async function go(docId: string, at?: OpenAt, query?: string): Promise<boolean> {
    searchHighlight.value =
      at && query ? { blockId: at.blockId, query, marks: at.marks ?? [] } : null
    useUiStore().view = 'reader'
    if (document.value?.id !== docId) {
      status.value = 'loading'
      const result = await useApi().corpus.get({ id: docId })
      if (!result.ok) {
        error.value = result.error
        status.value = 'error'
        return false
      }
      document.value = result.value
      flipped.value = new Set()
    }
    const saved = settings.settings?.positions[docId]
    const target = at
      ? { blockId: at.blockId, offset: at.offset ?? 0, progress: saved?.progress ?? 0 }
      : saved
    const first = document.value!.blocks[0]!
    const place =
      target && document.value!.blocks.some((b) => b.id === target.blockId) ? target : null
    position.value = place ?? { blockId: first.id, offset: 0, progress: 0 }
    // The start of a document is its top, title and credits in view.
    const atStart = !place || (place.blockId === first.id && place.offset === 0)
    pendingScroll.value = { at: atStart ? null : position.value }
    const matched = at?.matchedLang
    const block = at && document.value!.blocks.find((b) => b.id === at.blockId)
    if (
      block &&
      (matched === 'en' || matched === 'zh') &&
      langOf(block) !== matched &&
      !bilingual()
    ) {
      flip(block.id)
    }
    error.value = null
    status.value = 'ready'
    await persist()
    return true
  }

  /** Records where the reader is before a jump, so Back can return there. */
  function remember(): void {
    const doc = document.value
    if (!doc || status.value !== 'ready' || !position.value) return
    backStack.value = [...backStack.value, { docId: doc.id, position: position.value }].slice(
      -MAX_HISTORY,
    )
    forwardStack.value = []
  }

  /** Back (`-1`) or Forward (`1`) through the places left by jumps; says whether it moved. */
  async function travel(step: -1 | 1): Promise<boolean> {
    const [from, to] = step < 0 ? [backStack, forwardStack] : [forwardStack, backStack]
    const place = from.value.at(-1)
    const doc = document.value
    if (!place || !doc || !position.value) return false
    from.value = from.value.slice(0, -1)
    to.value = [...to.value, { docId: doc.id, position: position.value }]
    const { blockId, offset } = place.position
    return go(place.docId, { blockId, offset })
  }

  function close(): void {
    useUiStore().view = 'library'
    void settings.update({ lastDocId: null })
  }

  function bilingual(): boolean {
    return mode.value === 'side-by-side' || mode.value === 'interleaved'
  }

  /** What language a block shows in a single-language mode, after any flip. */
  function langOf(block: Block): ContentLang {
    const base: ContentLang = mode.value === 'zh' ? 'zh' : 'en'
    if (!flipped.value.has(block.id)) return base
    return base === 'en' ? 'zh' : 'en'
  }

  /** The languages a block shows, in the order they show: both in the bilingual modes. */
  function shownLangs(block: Block): ContentLang[] {
    return bilingual() ? ['en', 'zh'] : [langOf(block)]
  }

  function flip(blockId: string): void {
    const next = new Set(flipped.value)
    if (!next.delete(blockId)) next.add(blockId)
    flipped.value = next
  }

  let saveTimer: ReturnType<typeof setTimeout> | undefined
  /** Records the reading position now, and stores it shortly after the reader stops moving. */
  function track(next: ReadingPosition): void {
    position.value = next
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => void persist(), 400)
  }

  async function persist(): Promise<void> {
    const doc = document.value
    const at = position.value
    if (!doc || !at) return
    const result = await useApi().settings.savePosition({ docId: doc.id, position: at })
    if (result.ok && settings.settings) {
      settings.settings = {
        ...settings.settings,
        lastDocId: doc.id,
        positions: { ...settings.settings.positions, [doc.id]: at },
      }
    }
  }

  function cycleMode(): Promise<boolean> {
    const next = READING_MODES[(READING_MODES.indexOf(mode.value) + 1) % READING_MODES.length]!
    return settings.update({ readingMode: next })
  }

  return {
    document,
    status,
    error,
    flipped,
    position,
    pendingScroll,
    searchHighlight,
    focusedBlockId,
    activeBlockId,
    canGoBack: computed(() => backStack.value.length > 0),
    canGoForward: computed(() => forwardStack.value.length > 0),
    mode,
    headings,
    currentIndex,
    currentHeadingId,
    open,
    remember,
    travel,
    close,
    bilingual: computed(bilingual),
    langOf,
    shownLangs,
    flip,
    track,
    persist,
    cycleMode,
  }
})
