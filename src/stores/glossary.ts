import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { GlossaryTerm } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { GlossaryMatcher } from '../search/glossary.ts'

/** The official term pairs, loaded once, with a matcher to mark them in the text. */
export const useGlossaryStore = defineStore('glossary', () => {
  const terms = shallowRef<GlossaryTerm[]>([])
  const matcher = computed(() => new GlossaryMatcher(terms.value, { queries: false }))
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= useApi()
      .corpus.glossary()
      .then((result) => {
        if (result.ok) terms.value = result.value
        else loading = null
      })
    return loading
  }

  return { terms, matcher, load }
})
