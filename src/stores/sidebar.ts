import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { NARROW_WINDOW, useMediaQuery } from '../composables/useMediaQuery.ts'
import { useSettingsStore } from './settings.ts'

/** The sidebar's element id, for the button that controls it. */
export const SIDEBAR_ID = 'reader-sidebar'

/**
 * The reader's sidebar: beside the text in a wide window, open or closed as the person left it
 * (a setting); over the text in a narrow one, where it opens only when asked and closes after use.
 */
export const useSidebarStore = defineStore('sidebar', () => {
  const settings = useSettingsStore()
  const narrow = useMediaQuery(NARROW_WINDOW)
  const drawerOpen = ref(false)
  const open = computed(() =>
    narrow.value ? drawerOpen.value : (settings.settings?.sidebarOpen ?? true),
  )
  watch(narrow, () => (drawerOpen.value = false))

  function toggle(): void {
    if (narrow.value) drawerOpen.value = !drawerOpen.value
    else void settings.update({ sidebarOpen: !open.value })
  }

  /** Something the person asked for is in the sidebar (a note to write): it opens. */
  function reveal(): void {
    if (narrow.value) drawerOpen.value = true
    else if (!open.value) void settings.update({ sidebarOpen: true })
  }

  /** After a jump or Esc: the drawer gets out of the way; a sidebar beside the text stays. */
  function dismiss(): void {
    drawerOpen.value = false
  }

  return {
    narrow,
    open,
    drawer: computed(() => narrow.value && drawerOpen.value),
    toggle,
    reveal,
    dismiss,
  }
})
