import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import { launchApp, type ReaderApp } from './harness.ts'
import { drag, fill, OS_LOCALE, painted, seenOnTop, UI_LOCALES } from './journey.ts'

/**
 * A person brings their own bilingual document, played with the mouse and the keyboard only, in
 * each UI language: a Markdown pair chosen in the file chooser, reviewed and fixed, read side by
 * side, annotated, kept across a restart, removed and brought back.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const TITLE = 'Harbour Notes'
/** The removal asks in the UI language. */
const TITLE_IN_UI = { en: TITLE, 'zh-CN': '港口札记' }
const EN_MD = `# ${TITLE}

The port opened in 1904. Ships from Hong Kong arrived every week.

## Trade

Fish and rice were sold at the pier. Silk went to Guangzhou by river.
`
const ZH_MD = `# 港口札记

港口于1904年开放。来自香港的船只每周抵达。

## 贸易

码头上出售鱼和大米。丝绸经水路运往广州。
`

async function pairOfFiles(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'own-documents-'))
  const files = [join(dir, 'harbour-en.md'), join(dir, 'harbour-zh.md')]
  await writeFile(files[0]!, EN_MD)
  await writeFile(files[1]!, ZH_MD)
  return files
}

for (const locale of UI_LOCALES) {
  const m = locale === 'en' ? en : zhCN

  describe(`own documents, UI in ${locale}`, () => {
    it('imports a Markdown pair, fixes a pair, reads and annotates it, keeps it, removes it and undoes', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      let page = app.page
      await page.getByRole('heading', { name: m.library.heading, level: 1 }).waitFor()

      // Add documents… opens the system's file chooser; the pair is chosen there.
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: m.imports.add }).click()
      await (await chooser).setFiles(await pairOfFiles())

      // The review shows the aligned pairs side by side, with the aligner's confidence.
      const dialog = page.getByRole('dialog', { name: m.imports.title })
      const second = dialog.getByRole('listitem', { name: fill(m.imports.block, { n: '2' }) })
      await second.waitFor()
      expect(await seenOnTop(second.getByText('The port opened in 1904.'))).toBe(true)
      expect(await seenOnTop(second.getByText('港口于1904年开放。'))).toBe(true)
      expect(await second.locator('.pair').count()).toBe(2)
      await app.screenshot(`own-documents-review-${locale}`)

      // Fix: the two sentences of paragraph 2 belong together; join them, undo, join again.
      const join1 = second.getByRole('button', { name: fill(m.imports.mergePairs, { n: '1' }) })
      await join1.click()
      expect(await second.locator('.pair').count()).toBe(1)
      await dialog.getByRole('button', { name: m.imports.undo }).click()
      expect(await second.locator('.pair').count()).toBe(2)
      await join1.click()
      expect(await second.locator('.pair').count()).toBe(1)
      expect(await second.locator('.pair').textContent()).toContain(
        'The port opened in 1904. Ships from Hong Kong arrived every week.',
      )
      await dialog.getByRole('button', { name: m.imports.accept }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(
        await seenOnTop(page.getByRole('status').getByText(m.notices.info.documentAdded)),
      ).toBe(true)

      const card = page.getByRole('button', { name: TITLE, exact: true })
      expect(await seenOnTop(card)).toBe(true)
      expect(await seenOnTop(page.locator('.badge').getByText(m.library.mine))).toBe(true)
      await app.screenshot(`own-documents-library-${locale}`)

      // Read it side by side: each paragraph's two languages share a row.
      await card.click()
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
      await page.getByRole('radio', { name: m.reader.modes['side-by-side'] }).click()
      const enText = page.locator('[data-block-id="p2"] .text[lang="en"]')
      const zhText = page.locator('[data-block-id="p2"] .text[lang="zh-CN"]')
      expect(await seenOnTop(enText)).toBe(true)
      expect(await seenOnTop(zhText)).toBe(true)
      const [enBox, zhBox] = [await enText.boundingBox(), await zhText.boundingBox()]
      expect(zhBox!.x).toBeGreaterThan(enBox!.x + enBox!.width - 1)
      expect(Math.abs(zhBox!.y - enBox!.y)).toBeLessThan(8)

      // Annotate: a drag over "The port opened" and a highlight color.
      await drag(page, { blockId: 'p2', index: 0 }, { blockId: 'p2', index: 13 }, 'en')
      const toolbar = page.getByRole('toolbar', { name: m.notes.selectionActions })
      expect(await seenOnTop(toolbar)).toBe(true)
      await toolbar
        .getByRole('button', { name: fill(m.notes.highlightIn, { color: m.notes.colors.yellow }) })
        .click()
      const notesTab = page.getByRole('tab', { name: fill(m.notes.tab, { count: '1' }) })
      expect(await seenOnTop(notesTab)).toBe(true)
      await app.screenshot(`own-documents-side-by-side-${locale}`)

      // A restart keeps the document, its reading mode and its highlight.
      await app.restart()
      page = app.page
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
      expect(await seenOnTop(page.locator('[data-block-id="p2"] .text[lang="zh-CN"]'))).toBe(true)
      expect(
        await seenOnTop(page.getByRole('tab', { name: fill(m.notes.tab, { count: '1' }) })),
      ).toBe(true)

      // Remove it: the app asks, the card goes, Undo brings it back with its note.
      await page.getByRole('button', { name: m.reader.backToLibrary, exact: true }).click()
      await page
        .getByRole('button', { name: fill(m.imports.removeNamed, { title: TITLE }) })
        .click()
      const ask = page.getByRole('dialog', { name: m.imports.removeTitle })
      expect(
        await seenOnTop(
          ask.getByText(fill(m.imports.removeQuestion, { title: TITLE_IN_UI[locale] })),
        ),
      ).toBe(true)
      await ask.getByRole('button', { name: m.imports.remove, exact: true }).click()
      await page.getByRole('button', { name: TITLE, exact: true }).waitFor({ state: 'detached' })
      const removed = page.getByRole('status').filter({ hasText: m.notices.info.documentRemoved })
      expect(await seenOnTop(removed)).toBe(true)
      await app.screenshot(`own-documents-removed-${locale}`)
      await removed.getByRole('button', { name: m.notices.actions.undo }).click()
      expect(await seenOnTop(page.getByRole('button', { name: TITLE, exact: true }))).toBe(true)
      expect(app.pageErrors).toEqual([])
    })
  })
}

describe('own documents in search', () => {
  it('finds an imported document as soon as it is added, lands on the paragraph marked, and not once it is removed', async () => {
    app = await launchApp({ osLocale: OS_LOCALE.en })
    const { page } = app
    const m = en
    await page.getByRole('heading', { name: m.library.heading, level: 1 }).waitFor()
    // The bundled index is loaded first, as when someone searched before importing.
    await page.keyboard.press('Control+k')
    const search = page.getByRole('dialog').getByRole('combobox')
    await search.pressSequentially('pier', { delay: 25 })
    await page.getByText('Nothing found for').waitFor()
    await page.keyboard.press('Escape')

    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: m.imports.add }).click()
    await (await chooser).setFiles(await pairOfFiles())
    const dialog = page.getByRole('dialog', { name: m.imports.title })
    await dialog.getByRole('button', { name: m.imports.accept }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor()

    // "pier" is in no bundled document, not even as a typo: the imported one answers, and Enter opens it there, marked.
    // The panel keeps the last query; it is typed over.
    await page.keyboard.press('Control+k')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('pier', { delay: 25 })
    const first = page.getByRole('dialog').getByRole('option').first()
    await expect
      .poll(async () => (await first.locator('mark').allTextContents()).join(' | '), {
        timeout: 15_000,
      })
      .toMatch(/pier/i)
    expect(await seenOnTop(first)).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await expect
      .poll(async () => (await painted(page, 'search-hit')).join(' | '), { timeout: 15_000 })
      .toMatch(/pier/i)
    const focused = page.locator('.block:focus')
    expect(await seenOnTop(focused)).toBe(true)
    expect(await focused.textContent()).toContain('Fish and rice were sold at the pier.')

    // Removed, it is no longer found.
    await page.getByRole('button', { name: m.reader.backToLibrary, exact: true }).click()
    await page.getByRole('button', { name: fill(m.imports.removeNamed, { title: TITLE }) }).click()
    const ask = page.getByRole('dialog', { name: m.imports.removeTitle })
    await ask.getByRole('button', { name: m.imports.remove, exact: true }).click()
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor({ state: 'detached' })
    // The panel keeps the last query; it is typed over.
    await page.keyboard.press('Control+k')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('pier', { delay: 25 })
    await page.getByText('Nothing found for').waitFor()
    expect(await page.getByRole('dialog').getByRole('option').count()).toBe(0)
    expect(app.pageErrors).toEqual([])
  })
})
