import { onBeforeUnmount } from 'vue'
import type { AppCommand } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { useReaderStore } from '../stores/reader.ts'
import { useSettingsStore } from '../stores/settings.ts'
import { useUiStore, type Panel } from '../stores/ui.ts'

/** Runs what the native menu asks for, through the same stores as the on-screen controls. */
export function useAppCommands(): void {
  const settings = useSettingsStore()
  const reader = useReaderStore()
  const ui = useUiStore()
  const panels: Partial<Record<AppCommand['type'], Panel>> = {
    'open-settings': 'settings',
    'open-search': 'search',
    'find-in-document': 'find',
    'export-notes': 'notebook',
    about: 'about',
  }
  const off = useApi().on('app:command', (command) => {
    switch (command.type) {
      case 'set-locale':
        return void settings.update({ locale: command.locale })
      case 'set-reading-mode':
        return void settings.update({ readingMode: command.mode })
      case 'open-library':
        return reader.close()
      default: {
        const panel = panels[command.type]
        if (panel) ui.open(panel)
      }
    }
  })
  onBeforeUnmount(off)
}
