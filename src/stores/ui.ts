import { defineStore } from 'pinia'
import { ref } from 'vue'

export type Panel =
  'settings' | 'about' | 'search' | 'find' | 'notebook' | 'shortcuts' | 'import' | 'remove-document'

/** Which screen is shown and which panel, if any, is open over it. */
export const useUiStore = defineStore('ui', () => {
  const view = ref<'library' | 'reader'>('library')
  const panel = ref<Panel | null>(null)

  function open(next: Panel): void {
    panel.value = next
  }

  /** Esc: closes the open panel; says whether there was one. */
  function closePanel(): boolean {
    const had = panel.value !== null
    panel.value = null
    return had
  }

  return { view, panel, open, closePanel }
})
