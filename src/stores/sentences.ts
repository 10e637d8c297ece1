import { defineStore } from 'pinia'
import { ref } from 'vue'
import { pairSpans } from '../../electron/shared/align/counterpart.ts'
import type { Block } from '../../electron/shared/model.ts'

/** How a sentence came to be lit: under the pointer, stepped to with Alt+↓/↑, or clicked to peek. */
export type LitBy = 'pointer' | 'key' | 'click'

/** The aligned sentence (pair) lit in the reading column, in both languages where both are shown. */
export const useSentencesStore = defineStore('sentences', () => {
  const lit = ref<{ blockId: string; index: number; by: LitBy } | null>(null)

  function light(blockId: string, index: number, by: LitBy): void {
    const now = lit.value
    if (now?.blockId === blockId && now.index === index && now.by === by) return
    lit.value = { blockId, index, by }
  }

  /** Puts the light out; with `by`, only a light that came that way. */
  function clear(by?: LitBy): void {
    if (!by || lit.value?.by === by) lit.value = null
  }

  /** The next (1) or previous (-1) sentence of a block, from the lit one or from an end. */
  function step(block: Block, delta: 1 | -1): void {
    const count = pairSpans(block)?.en.length ?? 0
    if (!count) return
    const from = lit.value?.blockId === block.id ? lit.value.index : delta > 0 ? -1 : count
    light(block.id, Math.min(count - 1, Math.max(0, from + delta)), 'key')
  }

  return { lit, light, clear, step }
})
