import type { MenuItemConstructorOptions } from 'electron'
import en from '../../locales/en.json' with { type: 'json' }
import zhCN from '../../locales/zh-CN.json' with { type: 'json' }
import zhTW from '../../locales/zh-TW.json' with { type: 'json' }
import { UiLocale, type AppCommand, type ReadingMode } from '../shared/model.ts'

type MenuKey = keyof typeof en.menu
const MENUS: Record<UiLocale, Record<MenuKey, string>> = {
  en: en.menu,
  'zh-CN': zhCN.menu,
  'zh-TW': zhTW.menu,
}

export interface MenuState {
  locale: UiLocale
  readingMode: ReadingMode
  platform: NodeJS.Platform
  appName: string
}

const MODES: Array<[ReadingMode, MenuKey]> = [
  ['en', 'modeEn'],
  ['zh', 'modeZh'],
  ['side-by-side', 'modeSideBySide'],
  ['interleaved', 'modeInterleaved'],
]

/**
 * The native menu in the UI language. Every app command is sent to the renderer, which runs it
 * exactly as the matching button would; the menu only names and triggers them.
 */
export function menuTemplate(
  state: MenuState,
  send: (command: AppCommand) => void,
): MenuItemConstructorOptions[] {
  const t = MENUS[state.locale]
  const mac = state.platform === 'darwin'
  const about: MenuItemConstructorOptions = {
    label: t.about,
    click: () => send({ type: 'about' }),
  }
  const settings: MenuItemConstructorOptions = {
    label: t.settings,
    accelerator: 'CmdOrCtrl+,',
    click: () => send({ type: 'open-settings' }),
  }
  return [
    ...(mac
      ? [
          {
            label: state.appName,
            submenu: [
              about,
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'quit', label: t.quit },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: t.file,
      submenu: [
        {
          label: t.library,
          accelerator: 'CmdOrCtrl+L',
          click: () => send({ type: 'open-library' }),
        },
        {
          label: t.exportNotes,
          accelerator: 'CmdOrCtrl+E',
          click: () => send({ type: 'export-notes' }),
        },
        ...(mac
          ? []
          : [
              { type: 'separator' } as const,
              settings,
              { type: 'separator' } as const,
              { role: 'quit', label: t.quit } as const,
            ]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
        { type: 'separator' },
        {
          label: t.find,
          accelerator: 'CmdOrCtrl+F',
          click: () => send({ type: 'find-in-document' }),
        },
        { label: t.search, accelerator: 'CmdOrCtrl+K', click: () => send({ type: 'open-search' }) },
      ],
    },
    {
      label: t.view,
      submenu: [
        {
          label: t.readingMode,
          submenu: MODES.map(([mode, key]) => ({
            label: t[key],
            type: 'radio',
            checked: state.readingMode === mode,
            click: () => send({ type: 'set-reading-mode', mode }),
          })),
        },
        {
          label: t.language,
          submenu: UiLocale.options.map((locale) => ({
            // Each language by its own name, as the locale files give it.
            label: en.locale[locale],
            type: 'radio',
            checked: state.locale === locale,
            click: () => send({ type: 'set-locale', locale }),
          })),
        },
        { type: 'separator' },
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    ...(mac ? [] : [{ label: t.help, submenu: [about] }]),
  ]
}
