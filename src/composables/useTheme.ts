import { watchEffect } from 'vue'
import type { Theme } from '../../electron/shared/model.ts'
import { useMediaQuery } from './useMediaQuery.ts'

/** Puts the effective theme on <html data-theme>; `system` follows the OS, live. */
export function useTheme(theme: () => Theme): void {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)')
  watchEffect(() => {
    const chosen = theme()
    document.documentElement.dataset['theme'] =
      chosen === 'system' ? (systemDark.value ? 'dark' : 'light') : chosen
  })
}
