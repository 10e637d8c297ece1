import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import { launchApp, type ReaderApp } from './harness.ts'
import { fill, OS_LOCALE, seenOnTop, UI_LOCALES } from './journey.ts'

/**
 * A person adds several documents at once, in each UI language: three pairs and a broken file chosen
 * together in the file chooser are imported one after another without a review, with the count
 * shown; the summary says what was added and why the broken file was not; the library lists the
 * three under "Mine". Cancel stops after the document under way, and the summary says what was
 * added, as the library shows it.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const PIERS = [
  { base: 'north', en: 'North Pier', zh: '北码头' },
  { base: 'south', en: 'South Pier', zh: '南码头' },
  { base: 'east', en: 'East Pier', zh: '东码头' },
]
/** Long enough that each document takes a moment to align, so the count can be seen. */
const PARAGRAPHS = 60

async function batchOfFiles(piers = PIERS, broken = true): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'import-batch-'))
  const files: Array<[string, string]> = piers.flatMap(({ base, en, zh }) => [
    [
      `${base}.en.md`,
      `# ${en}\n\n${Array.from({ length: PARAGRAPHS }, (_, k) => `Ship ${k} came to the ${en}. It carried rice and silk. The crew rested for a day.`).join('\n\n')}\n`,
    ],
    [
      `${base}.zh.md`,
      `# ${zh}\n\n${Array.from({ length: PARAGRAPHS }, (_, k) => `第${k}艘船来到${zh}。它运来大米和丝绸。船员休息了一天。`).join('\n\n')}\n`,
    ],
  ])
  if (broken) files.push(['broken.tmx', '<tmx version="1.4"><body><tu><tuv xml:lang="en">'])
  for (const [name, text] of files) await writeFile(join(dir, name), text)
  return files.map(([name]) => join(dir, name))
}

const pattern = (template: string, values: Record<string, string>) =>
  new RegExp(
    `^${template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')}$`,
  )

/** The form vue-i18n picks for `count` among a message's `a | b | c` (or `a | b`) forms. */
function plural(template: string, count: number): string {
  const forms = template.split(' | ')
  const form =
    forms.length === 3 ? Math.min(count, 2) : forms.length === 2 ? (count === 1 ? 0 : 1) : 0
  return fill(forms[form]!, { count: String(count) })
}

/** Eight more piers: enough documents that Cancel lands before the last one. */
const HARBOUR = Array.from({ length: 8 }, (_, k) => ({
  base: `berth-${k}`,
  en: `Berth ${k}`,
  zh: `${k}号泊位`,
}))

for (const locale of UI_LOCALES) {
  const m = locale === 'en' ? en : zhCN

  describe(`a batch of documents, UI in ${locale}`, () => {
    it('imports three pairs with the count shown, reports the broken file, lists the three as mine', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const page = app.page
      await page.getByRole('heading', { name: m.library.heading, level: 1 }).waitFor()

      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: m.imports.add }).click()
      await (await chooser).setFiles(await batchOfFiles())

      // While it runs: a progress bar named for what it measures, and "n of 4 documents".
      const dialog = page.getByRole('dialog', { name: m.imports.title })
      const bar = dialog.getByRole('progressbar', { name: m.imports.batch.running })
      const count = dialog.getByText(
        pattern(m.imports.batch.progress, { done: '[0-3]', total: '4' }),
      )
      await count.waitFor({ timeout: 60_000 })
      expect(await seenOnTop(bar)).toBe(true)
      expect(await bar.getAttribute('max')).toBe('4')
      await app.screenshot(`import-batch-progress-${locale}`)

      // The summary: three added; the broken file named, with its own reason.
      const added = dialog.getByRole('status').filter({
        hasText: fill(m.imports.batch.added.split(' | ')[2]!, { count: '3' }),
      })
      await added.waitFor({ timeout: 90_000 })
      const skipped = dialog.getByRole('list', {
        name: fill(m.imports.batch.skipped, { count: '1' }),
      })
      const reason = skipped.getByRole('listitem')
      expect(await reason.count()).toBe(1)
      expect(await seenOnTop(reason)).toBe(true)
      expect(await reason.textContent()).toContain(
        fill(m.imports.batch.skippedFile, {
          files: 'broken.tmx',
          reason: m.errors['import-invalid-xml'].split('{detail}')[0]!,
        }),
      )
      await app.screenshot(`import-batch-summary-${locale}`)
      // The summary's own Close (the × in the corner has no text).
      await dialog
        .getByRole('button', { name: m.app.close })
        .filter({ hasText: m.app.close })
        .click()
      await dialog.waitFor({ state: 'detached' })

      // The library shows the three under "Mine", and nothing else there.
      await page.getByLabel(m.library.origin).selectOption({ label: m.library.origins.user })
      for (const pier of PIERS)
        expect(await seenOnTop(page.getByRole('button', { name: pier.en, exact: true }))).toBe(true)
      expect(await page.locator('.badge').getByText(m.library.mine).count()).toBe(3)
      expect(app.pageErrors).toEqual([])
    })

    it('stops after the document under way when cancelled, keeping and saying what was added', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const page = app.page
      await page.getByRole('heading', { name: m.library.heading, level: 1 }).waitFor()
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: m.imports.add }).click()
      await (await chooser).setFiles(await batchOfFiles(HARBOUR, false))

      const dialog = page.getByRole('dialog', { name: m.imports.title })
      await dialog.getByRole('progressbar', { name: m.imports.batch.running }).waitFor()
      await dialog.getByRole('button', { name: m.imports.cancel }).click()
      const summary = dialog.getByRole('status').filter({
        hasText: m.imports.batch.stopped.split(' | ').at(-1)!.split('{count}')[0]!,
      })
      await summary.waitFor({ timeout: 60_000 })
      const said = (await summary.textContent())!.replace(/\s+/g, ' ').trim()
      await app.screenshot(`import-batch-stopped-${locale}`)
      // Cancel went away when pressed; the summary's Close has the focus: Enter closes it.
      await page.keyboard.press('Enter')
      await dialog.waitFor({ state: 'detached' })

      // What the summary says was added is what the library holds as mine, and the rest not.
      await page.getByLabel(m.library.origin).selectOption({ label: m.library.origins.user })
      const added = await page.locator('.badge').getByText(m.library.mine).count()
      expect(added).toBeGreaterThan(0)
      expect(added).toBeLessThan(HARBOUR.length)
      expect(said).toBe(
        `${plural(m.imports.batch.added, added)} ${plural(m.imports.batch.stopped, HARBOUR.length - added)}`,
      )
      expect(app.pageErrors).toEqual([])
    })
  })
}
