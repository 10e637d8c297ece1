import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import { audit, type Finding } from './axe.ts'
import { launchApp, type ReaderApp } from './harness.ts'
import { fill, OS_LOCALE, UI_LOCALES } from './journey.ts'

/**
 * An axe-core audit (WCAG 2.x A and AA rules, and best practices) of every view and panel, in
 * both UI languages and both colour schemes, reached by clicks and keys as a person gets there.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

/** A Markdown pair to import, for the review and the removal question. */
async function markdownPair(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'a11y-import-'))
  const files = [join(dir, 'notes-en.md'), join(dir, 'notes-zh.md')]
  await writeFile(files[0]!, '# Pier Notes\n\nThe pier is old. It was built in 1904.\n')
  await writeFile(files[1]!, '# 码头札记\n\n码头很古老。它建于1904年。\n')
  return files
}

const LABELS = {
  en: {
    library: 'Library',
    search: 'Search',
    notebook: 'Notebook',
    settings: 'Settings',
    shortcuts: 'Keyboard shortcuts',
    about: 'About Jiangmen Reader',
    modes: ['English', '中文', 'Side by side', 'Interleaved'],
  },
  'zh-CN': {
    library: '文库',
    search: '搜索',
    notebook: '笔记本',
    settings: '设置',
    shortcuts: '键盘快捷键',
    about: '关于江门双语阅读器',
    modes: ['英文', '中文', '中英对照', '中英交替'],
  },
} as const

describe.each(UI_LOCALES)('accessibility audit, UI in %s', (locale) => {
  it.each(['light', 'dark'] as const)(
    'finds no serious or critical violation in any view, %s scheme',
    async (scheme) => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const { page } = app
      await page.emulateMedia({ colorScheme: scheme })
      const text = LABELS[locale]
      const findings: Record<string, Finding[]> = {}
      const check = async (view: string) => {
        findings[view] = await audit(page)
      }
      const close = async () => {
        await page.keyboard.press('Escape')
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
      }

      await page.getByRole('heading', { name: text.library, level: 1 }).waitFor()
      await check('library')

      for (const [name, label] of [
        ['settings', text.settings],
        ['notebook', text.notebook],
        ['shortcuts', text.shortcuts],
      ] as const) {
        await page.getByRole('button', { name: label, exact: true }).click()
        await page.getByRole('dialog').waitFor()
        await check(name)
        await close()
      }
      await page.getByRole('button', { name: text.settings, exact: true }).click()
      await page.getByRole('button', { name: text.about }).click()
      await page.getByRole('dialog', { name: text.about }).waitFor()
      await check('about')
      await close()

      const m = locale === 'en' ? en : zhCN
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: m.imports.add }).click()
      await (await chooser).setFiles(await markdownPair())
      await page.getByRole('button', { name: m.imports.accept }).waitFor()
      await check('import review')
      await page.getByRole('button', { name: m.imports.accept }).click()
      await page.getByRole('dialog').waitFor({ state: 'detached' })
      await page
        .getByRole('button', { name: fill(m.imports.removeNamed, { title: 'Pier Notes' }) })
        .click()
      await page.getByRole('dialog', { name: m.imports.removeTitle }).waitFor()
      await check('remove document')
      await close()

      await page.getByRole('button', { name: 'The Achievements of Jiangmen', exact: true }).click()
      await page.getByRole('heading', { level: 1 }).waitFor()
      for (const mode of text.modes) {
        await page.getByRole('radio', { name: mode, exact: true }).click()
        await check(`reader (${mode})`)
      }
      await page.keyboard.press('Control+k')
      await page.keyboard.type('碉楼 Talent', { delay: 10 })
      await page.getByRole('dialog').getByRole('option').first().waitFor()
      await check('search results')
      await close()
      await page.keyboard.press('Control+f')
      await page.keyboard.type('Jiangmen')
      await check('find in document')

      await app.screenshot(`accessibility-reader-${locale}-${scheme}`)
      expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])))
    },
  )
})
