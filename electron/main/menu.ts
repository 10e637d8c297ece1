import { app, Menu, type BrowserWindow } from 'electron'
import type { SettingsService } from '../core/settings.ts'
import type { AppCommand, Settings } from '../shared/model.ts'
import { menuTemplate } from './menu-template.ts'
import { uiLocaleFor } from '../shared/locale.ts'

/** Installs the localized application menu and rebuilds it whenever the language or mode changes. */
export function installMenu(settings: SettingsService, window: () => BrowserWindow | null): void {
  const send = (command: AppCommand) => window()?.webContents.send('app:command', command)
  const build = (current: Settings) => {
    const template = menuTemplate(
      {
        locale: current.locale ?? uiLocaleFor(app.getLocale()),
        readingMode: current.readingMode,
        platform: process.platform,
        appName: app.getName(),
      },
      send,
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  let shown = ''
  settings.onChange((current) => {
    const key = `${current.locale}|${current.readingMode}`
    if (key !== shown) build(current)
    shown = key
  })
  void settings.get().then((current) => {
    shown = `${current.locale}|${current.readingMode}`
    build(current)
  })
}
