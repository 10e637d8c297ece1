import { onBeforeUnmount, ref, watchEffect } from 'vue'
import type { Theme } from '../../electron/shared/model.ts'

/** Puts the effective theme on <html data-theme>; `system` follows the OS, live. */
export function useTheme(theme: () => Theme): void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const systemDark = ref(query.matches)
  const onChange = (event: MediaQueryListEvent) => (systemDark.value = event.matches)
  query.addEventListener('change', onChange)
  onBeforeUnmount(() => query.removeEventListener('change', onChange))

  watchEffect(() => {
    const chosen = theme()
    document.documentElement.dataset['theme'] =
      chosen === 'system' ? (systemDark.value ? 'dark' : 'light') : chosen
  })
}
