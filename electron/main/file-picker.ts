import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron'
import en from '../../locales/en.json' with { type: 'json' }
import zhCN from '../../locales/zh-CN.json' with { type: 'json' }
import zhTW from '../../locales/zh-TW.json' with { type: 'json' }
import { IMPORT_EXTENSIONS } from '../shared/import-upload.ts'
import type { UiLocale } from '../shared/model.ts'

const LABELS: Record<UiLocale, { title: string; filter: string }> = {
  en: { title: en.imports.add, filter: en.imports.pickerFilter },
  'zh-CN': { title: zhCN.imports.add, filter: zhCN.imports.pickerFilter },
  'zh-TW': { title: zhTW.imports.add, filter: zhTW.imports.pickerFilter },
}

/** "Add documents…" in the UI language: one file or several, of the kinds the import reads. */
export function importPickerOptions(locale: UiLocale): OpenDialogOptions {
  const { title, filter } = LABELS[locale]
  return {
    title,
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: filter, extensions: Object.keys(IMPORT_EXTENSIONS) }],
  }
}

/**
 * The system's file picker for documents to import, attached to the window: the paths chosen, none
 * if the person cancelled. Main reads them itself (electron/core), so no bytes cross IPC.
 */
export async function pickImportFiles(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BrowserWindow | null,
  locale: UiLocale,
): Promise<string[]> {
  const options = importPickerOptions(locale)
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths
}
