import { onBeforeUnmount, onMounted } from 'vue'
import type { RubySystem } from '../../electron/shared/model.ts'
import { useAnnotationsStore } from '../stores/annotations.ts'
import { useChineseStore } from '../stores/chinese.ts'
import { useLookupStore } from '../stores/lookup.ts'
import { useReadAloudStore } from '../stores/read-aloud.ts'
import { useReaderStore } from '../stores/reader.ts'
import { useSidebarStore } from '../stores/sidebar.ts'
import { useShortcuts } from './useShortcuts.ts'

/**
 * The reader's keys: paragraphs and sections (j/k, ]/[), mode, flip, bookmark, note, the sidebar,
 * read aloud (r from here, pause, resume; Shift+R stop), and Back/Forward after a jump (Alt+←/→ and the mouse's back and forward buttons).
 */
export function useReaderKeys(options: {
  scrollToBlock: (blockId: string, offset: number, focus: boolean) => void
  showNotes: () => void
}): void {
  const reader = useReaderStore()
  const sidebar = useSidebarStore()
  const annotations = useAnnotationsStore()
  const chinese = useChineseStore()
  const lookup = useLookupStore()
  const readAloud = useReadAloudStore()

  /** The block the keyboard acts on: the focused one, else the one at the top of the view. */
  function currentBlockId(): string | null {
    const focused = document.activeElement?.closest<HTMLElement>('[data-block-id]')
    return focused?.dataset['blockId'] ?? reader.position?.blockId ?? null
  }
  const currentBlock = () => reader.document?.blocks.find((b) => b.id === currentBlockId())

  function moveBlock(step: number): void {
    const blocks = reader.document?.blocks ?? []
    const index = blocks.findIndex((b) => b.id === currentBlockId())
    const target = blocks[Math.min(blocks.length - 1, Math.max(0, index + step))]
    if (target) options.scrollToBlock(target.id, 0, true)
  }

  function moveSection(step: number): void {
    const blocks = reader.document?.blocks ?? []
    const index = blocks.findIndex((b) => b.id === currentBlockId())
    const headings = reader.headings.map((h) => blocks.indexOf(h))
    const target =
      step > 0 ? headings.find((i) => i > index) : headings.filter((i) => i < index).at(-1)
    if (target !== undefined) options.scrollToBlock(blocks[target]!.id, 0, true)
  }

  function bookmarkCurrent(): void {
    const block = currentBlock()
    if (block && reader.document)
      void annotations.toggleBookmark(reader.document.id, block, reader.langOf(block))
  }

  function noteOnCurrent(): void {
    const block = currentBlock()
    if (!block || !reader.document) return
    options.showNotes()
    void annotations.addBlockNote(reader.document.id, block, reader.langOf(block))
  }

  function flipCurrent(): void {
    const id = currentBlockId()
    if (id && (reader.mode === 'en' || reader.mode === 'zh')) reader.flip(id)
  }

  function toggleRuby(system: RubySystem): void {
    if (reader.document) void chinese.toggleRuby(reader.document.id, system)
  }

  /** The dictionary on the current paragraph, in Chinese wherever it is shown. */
  function lookUpCurrent(): void {
    const block = currentBlock()
    if (block) void lookup.openOn(block, reader.bilingual ? 'zh' : reader.langOf(block))
  }

  useShortcuts(() => ({
    j: () => moveBlock(1),
    k: () => moveBlock(-1),
    ']': () => moveSection(1),
    '[': () => moveSection(-1),
    m: () => void reader.cycleMode(),
    f: flipCurrent,
    b: bookmarkCurrent,
    n: noteOnCurrent,
    d: lookUpCurrent,
    p: () => toggleRuby('pinyin'),
    'Shift+p': () => toggleRuby('jyutping'),
    r: () => readAloud.toggle(currentBlockId()),
    'Shift+r': () => readAloud.stop(),
    '\\': () => sidebar.toggle(),
  }))

  // Alt+arrows are left alone by useShortcuts (Alt is the menu's), so they get their own listener.
  function onHistoryKey(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    void reader.travel(event.key === 'ArrowLeft' ? -1 : 1)
  }
  function onHistoryButton(event: MouseEvent): void {
    if (event.button !== 3 && event.button !== 4) return
    event.preventDefault()
    void reader.travel(event.button === 3 ? -1 : 1)
  }
  onMounted(() => {
    window.addEventListener('keydown', onHistoryKey)
    window.addEventListener('mouseup', onHistoryButton)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onHistoryKey)
    window.removeEventListener('mouseup', onHistoryButton)
  })
}
