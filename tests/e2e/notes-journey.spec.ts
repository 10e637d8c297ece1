import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { makeAnchor } from '../../electron/shared/anchoring.ts'
import { citation } from '../../electron/shared/citation.ts'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import { seedAnnotations, storedAnnotations } from '../support/stored-annotations.ts'
import { launchApp, type ReaderApp } from './harness.ts'
import { drag, fill, focused, OS_LOCALE, seenOnTop, UI_LOCALES } from './journey.ts'

let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const selectedText = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '')

for (const locale of UI_LOCALES) {
  const m = locale === 'en' ? en : zhCN
  const lang = locale === 'en' ? 'en' : 'zh'

  describe(`notes journeys, UI in ${locale}`, () => {
    /** Clicks the document's card in the library; cards name documents in the reading language. */
    async function openDocument(id: string) {
      const doc = await app!.services.corpus.get(id)
      await app!.page.getByRole('button', { name: doc.title.en, exact: true }).click()
      await app!.page.locator('[data-block-id="b001"]').waitFor()
      return doc
    }

    it('an empty notebook explains how to highlight and disables Export', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const { page } = app
      await page.getByRole('button', { name: m.notebook.title, exact: true }).click()
      const dialog = page.getByRole('dialog')
      expect(await seenOnTop(dialog.getByText(m.notebook.emptyTitle))).toBe(true)
      expect(await seenOnTop(dialog.getByText(m.notebook.emptyHighlight))).toBe(true)
      for (const name of [m.notebook.exportMarkdown, m.notebook.exportJson])
        expect(await dialog.getByRole('button', { name }).isDisabled()).toBe(true)
      await app.screenshot(`notebook-empty-${locale}`)
      expect(app.pageErrors).toEqual([])
    })

    it('a drag ending mid-word highlights whole words; the note survives a restart and leads back', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const doc = await openDocument('major-decisions')
      const text = doc.blocks[3]!.en
      await drag(
        app.page,
        { blockId: 'b004', index: 0 },
        { blockId: 'b004', index: text.indexOf('pattern') + 4 },
      )
      const toolbar = app.page.getByRole('toolbar', { name: m.notes.selectionActions })
      expect(await seenOnTop(toolbar)).toBe(true)
      const words = text.slice(0, text.indexOf('pattern') + 'pattern'.length)
      expect(await selectedText(app.page)).toBe(words)
      await app.screenshot(`selection-toolbar-${locale}`)
      await toolbar
        .getByRole('button', { name: fill(m.notes.highlightIn, { color: m.notes.colors.green }) })
        .click()

      await app.page.getByRole('tab', { name: fill(m.notes.tab, { count: '1' }) }).click()
      const more = app.page.getByRole('button', {
        name: fill(m.notes.moreActions, { kind: m.notes.kinds.highlight }),
      })
      await more.click()
      expect(await more.getAttribute('aria-expanded')).toBe('true')
      await app.page.keyboard.press('ArrowDown')
      expect((await focused(app.page)).role).toBe('menuitemradio')
      await app.page.keyboard.press('Escape')
      expect(await more.getAttribute('aria-expanded')).toBe('false')
      expect((await focused(app.page)).name).toBe(
        fill(m.notes.moreActions, { kind: m.notes.kinds.highlight }),
      )
      await app.page.keyboard.press('Enter')
      await app.page.getByRole('menuitem', { name: m.notes.addNote }).click()
      expect((await focused(app.page)).tag).toBe('textarea')
      await app.page.keyboard.type('Worth remembering')
      await app.page.keyboard.press('Control+Enter')
      await app.page.locator('[data-annotation-id]').getByText('Worth remembering').waitFor()
      // The note also shows beside the highlighted paragraph.
      expect(await app.page.locator('#block-b004 [role="note"]').textContent()).toBe(
        'Worth remembering',
      )
      await app.screenshot(`notes-sidebar-${locale}`)

      await app.restart()
      const { page } = app
      await page.getByRole('button', { name: m.notebook.title, exact: true }).click()
      const item = page.getByRole('dialog').locator('[data-annotation-id]')
      expect(await item.locator('blockquote').textContent()).toBe(words)
      expect(await item.getByText('Worth remembering').isVisible()).toBe(true)
      const dot = await item
        .locator('.color-dot')
        .evaluate((e) => getComputedStyle(e).backgroundColor)
      expect(dot).toBe('rgb(76, 175, 80)')
      expect(await seenOnTop(item)).toBe(true)
      await app.screenshot(`notebook-${locale}`)

      await item.getByRole('button', { name: m.notes.go }).click()
      await page.getByRole('dialog').waitFor({ state: 'detached' })
      expect(await seenOnTop(page.locator('[data-block-id="b004"] .text'))).toBe(true)
      expect(app.pageErrors).toEqual([])
    })

    it('a drag across paragraphs explains itself and picks up no button labels', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      await openDocument('major-decisions')
      await drag(app.page, { blockId: 'b002', index: 10 }, { blockId: 'b003', index: 12 })
      const message = app.page.getByRole('status').filter({ hasText: m.notes.oneParagraphOnly })
      expect(await seenOnTop(message)).toBe(true)
      const selected = await selectedText(app.page)
      expect(selected).toContain('Secondly')
      for (const control of ['中', 'EN', '☆', '★', '✎', '⧉'])
        expect(selected).not.toContain(control)
      await app.screenshot(`selection-several-paragraphs-${locale}`)
      expect(app.pageErrors).toEqual([])
    })

    it('a notebook of 3,000 notes opens at once, newest first, and shows more by click and by key', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const doc = await app.services.corpus.get('major-decisions')
      const count = 3_000
      const anchor = makeAnchor(doc.id, doc.blocks[3]!, 'en', 0, 8)
      const notes = storedAnnotations(count, anchor, (i) => {
        const stamp = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
        return { note: `Note number ${i}`, createdAt: stamp, updatedAt: stamp }
      })
      // Notes kept from an earlier session: the data folder holds them when the app starts.
      await seedAnnotations(app.dataDir, notes)
      await app.restart()
      const { page } = app
      await page.getByRole('button', { name: m.notebook.title, exact: true }).click()
      const dialog = page.getByRole('dialog')
      const total = count.toLocaleString(locale)
      const counted = dialog.getByText(fill(m.notebook.count.split(' | ')[2]!, { count: total }))
      expect(await seenOnTop(counted)).toBe(true)
      const items = dialog.locator('[data-annotation-id]')
      expect(await items.count()).toBe(100)
      expect(await seenOnTop(items.first().getByText(`Note number ${count - 1}`))).toBe(true)

      const more = dialog.getByRole('button', {
        name: fill(m.notebook.showMore, { count: '100', shown: '100', total }),
      })
      // Down the list with the wheel, as a person scrolls to its end.
      await items.first().hover()
      for (let i = 0; i < 60 && !((await more.isVisible()) && (await seenOnTop(more))); i++)
        await page.mouse.wheel(0, 600)
      expect(await seenOnTop(more)).toBe(true)
      await more.click()
      await expect.poll(() => items.count()).toBe(200)
      const again = dialog.getByRole('button', {
        name: fill(m.notebook.showMore, { count: '100', shown: '200', total }),
      })
      expect((await focused(page)).name).toBe(await again.textContent().then((t) => t!.trim()))
      await page.keyboard.press('Enter')
      await expect.poll(() => items.count()).toBe(300)
      expect(await items.nth(299).textContent()).toContain(`Note number ${count - 300}`)
      await app.screenshot(`notebook-more-${locale}`)
      expect(app.pageErrors).toEqual([])
    })

    it('copies with a citation and exports the scope the person picks, labelled in the UI language', async () => {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const { page } = app
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(page.url()).origin,
      })
      const first = await openDocument('major-decisions')
      await drag(page, { blockId: 'b002', index: 0 }, { blockId: 'b002', index: 10 })
      await page
        .getByRole('button', { name: fill(m.notes.highlightIn, { color: m.notes.colors.blue }) })
        .click()

      const block = page.locator('[data-block-id="b003"]')
      await block.hover()
      await block.getByRole('button', { name: m.notes.copyCitation }).click()
      await page.getByText(m.notices.info.copied).waitFor()
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      expect(copied).toBe(
        `${first.blocks[2]!.en}\n\n${first.blocks[2]!.zh}\n\n— ${citation(first, 'b003', locale)}`,
      )

      await page.getByRole('button', { name: new RegExp(`${m.reader.backToLibrary}$`) }).click()
      const second = await openDocument('achievements')
      await drag(page, { blockId: 'b002', index: 0 }, { blockId: 'b002', index: 6 })
      await page
        .getByRole('button', { name: fill(m.notes.highlightIn, { color: m.notes.colors.pink }) })
        .click()

      await page.getByRole('button', { name: m.notebook.title, exact: true }).click()
      const dialog = page.getByRole('dialog')
      const thisDocument = dialog.getByRole('radio', { name: new RegExp(m.notebook.thisDocument) })
      expect(await thisDocument.isChecked()).toBe(true)
      const scope = dialog.getByRole('group', { name: m.notebook.exportScope })
      expect(await seenOnTop(scope.getByText(second.title[lang], { exact: true }))).toBe(true)
      await app.screenshot(`notebook-export-scope-${locale}`)
      const exported = async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          dialog.getByRole('button', { name: m.notebook.exportMarkdown }).click(),
        ])
        return readFile((await download.path())!, 'utf8')
      }
      const one = await exported()
      expect(one).toContain(`# ${m.citation.exportTitle}`)
      expect(one).toContain(
        `### ${fill(m.citation.kindColor, { kind: m.notes.kinds.highlight, color: m.notes.colors.pink })}`,
      )
      expect(one).toContain(`— ${citation(second, 'b002', locale)}`)
      expect(one).not.toContain(first.title.en)

      await dialog.getByRole('radio', { name: m.notebook.allDocuments }).click()
      const all = await exported()
      expect(all).toContain(`— ${citation(first, 'b002', locale)}`)
      expect(all).toContain(`— ${citation(second, 'b002', locale)}`)
      expect(app.pageErrors).toEqual([])
    })
  })
}
