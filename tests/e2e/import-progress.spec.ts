import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import { launchApp, type ReaderApp } from './harness.ts'
import { seenOnTop } from './journey.ts'

/**
 * A long pair takes a while to align: the person sees how far it has come, measured on the import's
 * own thread, and can stop it; nothing is added.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const PARAGRAPHS = 200
const SENTENCES = 12

async function longPair(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'import-progress-'))
  const paragraph = (k: number, lang: 'en' | 'zh') =>
    Array.from({ length: SENTENCES }, (_, j) =>
      lang === 'en'
        ? `Sentence ${j} of paragraph ${k} tells of the harbour.`
        : `第${k}段第${j}句讲述港口。`,
    ).join(lang === 'en' ? ' ' : '')
  const files = [join(dir, 'long-en.md'), join(dir, 'long-zh.md')]
  await writeFile(
    files[0]!,
    `# The Long Harbour\n\n${Array.from({ length: PARAGRAPHS }, (_, k) => paragraph(k, 'en')).join('\n\n')}\n`,
  )
  await writeFile(
    files[1]!,
    `# 漫长的港口\n\n${Array.from({ length: PARAGRAPHS }, (_, k) => paragraph(k, 'zh')).join('\n\n')}\n`,
  )
  return files
}

describe('a long import', () => {
  it(
    'shows its progress and stops when cancelled, adding nothing',
    { timeout: 120_000 },
    async () => {
      app = await launchApp({ osLocale: 'en-US' })
      const page = app.page
      const count = page.getByText(en.library.documents.split(' | ')[2]!.replace('{count}', '5'))
      expect(await seenOnTop(count)).toBe(true)

      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: en.imports.add }).click()
      await (await chooser).setFiles(await longPair())

      const dialog = page.getByRole('dialog', { name: en.imports.title })
      const aligned = dialog.getByText(
        new RegExp(`^[1-9][\\d,]* of ${PARAGRAPHS + 1} paragraphs aligned$`),
      )
      await aligned.waitFor({ timeout: 90_000 })
      expect(await seenOnTop(aligned)).toBe(true)
      const bar = dialog.getByRole('progressbar')
      expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0)
      expect(await bar.getAttribute('max')).toBe(String(PARAGRAPHS + 1))
      await app.screenshot('import-progress-en')

      await dialog.getByRole('button', { name: en.imports.cancel }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await seenOnTop(count)).toBe(true)
      expect(
        await page.getByRole('button', { name: 'The Long Harbour', exact: true }).count(),
      ).toBe(0)
      // Adding documents works again at once: the cancelled thread is gone, a new one starts.
      const again = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: en.imports.add }).click()
      await (await again).setFiles(await longPair())
      await aligned.waitFor({ timeout: 90_000 })
      await dialog.getByRole('button', { name: en.imports.cancel }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(app.pageErrors).toEqual([])
    },
  )
})
