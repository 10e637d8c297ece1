import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import { audit } from './axe.ts'
import { launchApp, type ReaderApp } from './harness.ts'
import { focused, OS_LOCALE, seenOnTop, UI_LOCALES } from './journey.ts'

/**
 * The smallest window the app allows (480 × 400, the main window's minimum size), played with the
 * keyboard and the mouse: every control of the app bar is on screen, and the reader's contents and
 * notes, beside the text in a wide window, are a drawer over it.
 */
const SMALLEST = { width: 480, height: 400 }
const DOCUMENT = 'Major Decisions and Deployments'
const SECTION = 'Work Initiatives'

let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

describe.each(UI_LOCALES)('the smallest window, UI in %s', (locale) => {
  const m = locale === 'en' ? en : zhCN

  async function start(): Promise<ReaderApp> {
    const started = await launchApp({ osLocale: OS_LOCALE[locale] })
    await started.page.setViewportSize(SMALLEST)
    await started.page.getByRole('heading', { name: m.library.heading, level: 1 }).waitFor()
    return started
  }

  async function openDocument(started: ReaderApp) {
    const { page } = started
    await page.getByRole('button', { name: DOCUMENT, exact: true }).click()
    await page.getByRole('heading', { name: DOCUMENT, level: 1 }).waitFor()
    return {
      toggle: page.getByRole('button', { name: m.reader.showSidebar }),
      back: page.getByRole('button', { name: m.reader.backToLibrary }),
    }
  }

  it('shows every control of the app bar and the library on screen, with no sideways scrolling', async () => {
    app = await start()
    const { page } = app
    const controls = [
      page.getByRole('button', { name: m.shortcuts.title }),
      page.getByRole('button', { name: m.search.open }),
      page.getByRole('button', { name: m.notebook.title }),
      page.getByRole('button', { name: m.settings.title }),
      ...(['en', 'zh-CN', 'zh-TW'] as const).map((l) =>
        page.getByRole('button', { name: m.locale[l], exact: true }),
      ),
      page.getByRole('button', { name: m.imports.add }),
      page.getByRole('searchbox', { name: m.library.filter }),
    ]
    for (const control of controls) expect(await seenOnTop(control)).toBe(true)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    expect(await audit(page)).toEqual([])
    await app.screenshot(`narrow-library-${locale}`)

    // An icon-only button still opens what it names, and Esc brings focus back to it.
    await page.getByRole('button', { name: m.search.open }).click()
    const field = page.getByRole('dialog').getByRole('combobox')
    expect(await seenOnTop(field)).toBe(true)
    expect((await focused(page)).inDialog).toBe(true)
    await page.keyboard.press('Escape')
    // (Its name is its label; the hint "Ctrl K" beside it is hidden from screen readers.)
    await expect.poll(async () => (await focused(page)).name).toContain(m.search.open)
  })

  it('keeps the contents in a drawer: its button opens it with focus inside, Esc and a jump close it', async () => {
    app = await start()
    const { page } = app
    const { toggle, back } = await openDocument(app)
    await app.screenshot(`narrow-reader-${locale}`)
    expect(await seenOnTop(page.getByRole('heading', { name: DOCUMENT, level: 1 }))).toBe(true)
    expect(await back.isVisible()).toBe(false)
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')

    await toggle.click()
    expect(await seenOnTop(back)).toBe(true)
    await expect.poll(async () => (await focused(page)).name).toBe(m.reader.backToLibrary)
    const section = page.getByRole('link', { name: SECTION })
    expect(await seenOnTop(section)).toBe(true)
    expect(await audit(page)).toEqual([])
    await app.screenshot(`narrow-drawer-${locale}`)

    await page.keyboard.press('Escape')
    await back.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await focused(page)).name).toBe(m.reader.showSidebar)
    // The page is where it was: Esc closed the drawer, nothing else.
    expect(await seenOnTop(page.getByRole('heading', { name: DOCUMENT, level: 1 }))).toBe(true)

    // Enter on its button opens it again; Tab out of it closes it, focus staying where it went.
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe(m.reader.backToLibrary)
    await page.keyboard.press('Shift+Tab')
    await back.waitFor({ state: 'hidden' })
    expect((await focused(page)).name).toBe(m.locale['zh-TW'])

    await toggle.click()
    expect(await seenOnTop(section)).toBe(true)
    await section.click()
    await back.waitFor({ state: 'hidden' })
    const heading = page.locator('[data-block-id="b006"]')
    await expect.poll(() => seenOnTop(heading)).toBe(true)
    expect(await heading.textContent()).toContain(SECTION)
    await app.screenshot(`narrow-after-jump-${locale}`)

    // The sidebar's key opens it too; a click beside it closes it.
    await page.keyboard.press('\\')
    expect(await seenOnTop(back)).toBe(true)
    await page.mouse.click(SMALLEST.width - 20, SMALLEST.height - 40)
    await back.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await focused(page)).name).toBe(m.reader.showSidebar)

    await toggle.click()
    await back.click()
    expect(await seenOnTop(page.getByRole('heading', { name: m.library.heading, level: 1 }))).toBe(
      true,
    )
  })

  it('opens the drawer at the note being written, typed into at once and kept', async () => {
    app = await start()
    const { page } = app
    const { back } = await openDocument(app)
    await page.keyboard.press('j')
    await page.keyboard.press('n')
    const editor = page.getByRole('textbox', { name: m.notes.noteLabel })
    expect(await seenOnTop(editor)).toBe(true)
    expect(await seenOnTop(back)).toBe(true)
    await page.keyboard.type('Read again on the ferry')
    await page.keyboard.press('Control+Enter')
    const note = page.locator('#reader-sidebar').getByText('Read again on the ferry')
    expect(await seenOnTop(note)).toBe(true)
    await app.screenshot(`narrow-note-${locale}`)

    await page.keyboard.press('Escape')
    await back.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await focused(page)).name).toBe(m.reader.showSidebar)
  })
})
