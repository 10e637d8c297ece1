import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate, type MenuState } from '../../../../electron/main/menu-template.ts'
import type { AppCommand } from '../../../../electron/shared/model.ts'

const base: MenuState = {
  locale: 'en',
  readingMode: 'en',
  platform: 'linux',
  appName: 'Jiangmen Reader',
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...flatten((item.submenu as MenuItemConstructorOptions[]) ?? []),
  ])
}

function find(items: MenuItemConstructorOptions[], label: string) {
  const item = flatten(items).find((i) => i.label === label)
  if (!item) throw new Error(`no menu item "${label}"`)
  return item
}

function click(item: MenuItemConstructorOptions) {
  ;(item.click as () => void)()
}

describe('menuTemplate', () => {
  it('names the menus in the UI language', () => {
    expect(menuTemplate(base, () => undefined).map((m) => m.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ])
    expect(menuTemplate({ ...base, locale: 'zh-CN' }, () => undefined).map((m) => m.label)).toEqual(
      ['文件', '编辑', '视图', '帮助'],
    )
  })

  it('sends the app commands to the renderer', () => {
    const sent: AppCommand[] = []
    const menu = menuTemplate(base, (c) => sent.push(c))
    for (const label of [
      'Find in Document',
      'Search Everything',
      'Export Notes…',
      'About Jiangmen Reader',
      'Side by Side',
      '简体中文',
      '繁體中文',
      'Library',
    ]) {
      click(find(menu, label))
    }
    expect(sent).toEqual([
      { type: 'find-in-document' },
      { type: 'open-search' },
      { type: 'export-notes' },
      { type: 'about' },
      { type: 'set-reading-mode', mode: 'side-by-side' },
      { type: 'set-locale', locale: 'zh-CN' },
      { type: 'set-locale', locale: 'zh-TW' },
      { type: 'open-library' },
    ])
  })

  it('checks the current reading mode and language', () => {
    const menu = menuTemplate(
      { ...base, locale: 'zh-CN', readingMode: 'interleaved' },
      () => undefined,
    )
    expect(find(menu, '中英交替').checked).toBe(true)
    expect(find(menu, '中英对照').checked).toBe(false)
    const language = find(menu, '界面语言').submenu as MenuItemConstructorOptions[]
    expect(language.find((i) => i.label === '简体中文')!.checked).toBe(true)
    expect(language.map((i) => i.label)).toEqual(['English', '简体中文', '繁體中文'])
  })

  it('speaks Traditional Chinese in a zh-TW menu', () => {
    const menu = menuTemplate({ ...base, locale: 'zh-TW' }, () => undefined)
    expect(find(menu, '中英對照')).toBeTruthy()
    const language = find(menu, '介面語言').submenu as MenuItemConstructorOptions[]
    expect(language.find((i) => i.label === '繁體中文')!.checked).toBe(true)
  })

  it('puts About and Settings under the app menu on macOS', () => {
    const menu = menuTemplate({ ...base, platform: 'darwin' }, () => undefined)
    expect(menu[0]!.label).toBe('Jiangmen Reader')
    expect(flatten([menu[0]!]).map((i) => i.label)).toContain('Settings…')
    expect(menu.map((m) => m.label)).not.toContain('Help')
  })
})
