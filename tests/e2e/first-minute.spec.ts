import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type ReaderApp } from './harness.ts'
import {
  focused,
  OS_LOCALE,
  painted,
  seenOnTop,
  UI_LOCALES,
  type JourneyLocale,
} from './journey.ts'

/**
 * A new reader's first minute, played with the keyboard and the mouse only, in each UI language:
 * what they see and where focus is after every step.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const TEXT: Record<
  JourneyLocale,
  { library: string; settings: string; notebook: string; search: string; back: string }
> = {
  en: {
    library: 'Library',
    settings: 'Settings',
    notebook: 'Notebook',
    search: 'Search',
    back: 'Back',
  },
  'zh-CN': { library: '文库', settings: '设置', notebook: '笔记本', search: '搜索', back: '后退' },
}
/** The text (and its card) is in English until the reader picks 中文; the window speaks the UI's. */
const TITLE = 'The Achievements of Jiangmen'
const WINDOW_TITLE = { en: TITLE, 'zh-CN': '江门取得的成就' }

async function start(locale: JourneyLocale): Promise<ReaderApp> {
  const started = await launchApp({ osLocale: OS_LOCALE[locale] })
  await started.page.getByRole('heading', { name: TEXT[locale].library, level: 1 }).waitFor()
  return started
}

describe.each(UI_LOCALES)('the first minute, UI in %s', (locale) => {
  it('opens a document from the library at its top, title in view and named in the window', async () => {
    app = await start(locale)
    const { page } = app
    await page.getByRole('button', { name: TITLE, exact: true }).click()

    const heading = page.getByRole('heading', { level: 1, name: TITLE })
    expect(await seenOnTop(heading)).toBe(true)
    expect(await seenOnTop(page.locator('.doc-meta'))).toBe(true)
    expect(await page.locator('.column').evaluate((c) => c.scrollTop)).toBe(0)
    expect(await page.title()).toContain(WINDOW_TITLE[locale])
    // Focus is on the title: the next Tab goes into the text, `j` to the first paragraph.
    expect((await focused(page)).tag).toBe('h1')
    await app.screenshot(`first-minute-open-${locale}`)
    expect(app.pageErrors).toEqual([])
  })

  it('types a search straight after Ctrl+K and lands on the hit, marked', async () => {
    app = await start(locale)
    const { page } = app
    await page.keyboard.press('Control+k')
    expect(await focused(page)).toMatchObject({ tag: 'input', inDialog: true })
    await page.keyboard.type('talent island', { delay: 20 })
    const first = page.getByRole('dialog').getByRole('option').first()
    expect(await seenOnTop(first)).toBe(true)
    await page.keyboard.press('Enter')

    await expect
      .poll(() => painted(app!.page, 'search-hit'))
      .toEqual(expect.arrayContaining(['Talent', 'Island']))
    const block = page.locator('.block:focus')
    expect(await seenOnTop(block)).toBe(true)
    expect(await block.textContent()).toContain('Talent Island')
    await app.screenshot(`first-minute-search-landing-${locale}`)
  })

  it('marks the counterpart of a glossary term when the hit is in the other language', async () => {
    app = await start(locale)
    const { page } = app
    await page.keyboard.press('/')
    await page.keyboard.type('人才岛', { delay: 20 })
    await page.getByRole('dialog').getByRole('option').first().waitFor()
    await page.keyboard.press('Enter')
    // The text is in English: the paragraph shows the term's English form marked.
    await expect
      .poll(async () => (await painted(app!.page, 'search-hit')).join(' | '))
      .toMatch(/Talent Island/)
    expect(await seenOnTop(page.locator('.block:focus'))).toBe(true)
    await app.screenshot(`first-minute-cross-language-${locale}`)
  })

  it('puts focus in the first field of a panel, keeps it inside, and gives it back on Esc', async () => {
    app = await start(locale)
    const { page } = app
    for (const name of [TEXT[locale].settings, TEXT[locale].notebook]) {
      const opener = page.getByRole('button', { name, exact: true })
      await opener.click()
      const now = await focused(page)
      expect(now.inDialog).toBe(true)
      expect(['input', 'select', 'textarea']).toContain(now.tag)
      // Tab past the last control wraps to the first: focus never leaves the dialog.
      for (let i = 0; i < 30; i++) await page.keyboard.press('Tab')
      expect((await focused(page)).inDialog).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
      expect((await focused(page)).name).toContain(name)
    }
  })

  it('reaches every part of a document with few Tab stops, terms with the arrow keys', async () => {
    app = await start(locale)
    const { page } = app
    await page.getByRole('button', { name: TITLE, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    // From the title, one Tab reaches the paragraph being read, then its buttons; then out.
    await page.keyboard.press('Tab')
    const paragraph = page.locator('.block:focus')
    expect(await seenOnTop(paragraph)).toBe(true)
    let stopsInText = 1
    for (;;) {
      await page.keyboard.press('Tab')
      const inArticle = await page.evaluate(() =>
        Boolean(document.activeElement?.closest('article')),
      )
      if (!inArticle) break
      stopsInText++
      expect(await seenOnTop(page.locator(':focus'))).toBe(true)
      expect(stopsInText).toBeLessThan(8)
    }
    await page.keyboard.press('Shift+Tab')
    // j moves to the next paragraph; → walks its glossary terms and shows each one's tooltip.
    await page.keyboard.press('j')
    await page.keyboard.press('ArrowRight')
    const term = page.locator('.term:focus')
    expect(await seenOnTop(term)).toBe(true)
    const tip = page.getByRole('tooltip')
    expect(await tip.isVisible()).toBe(true)
    const box = (await tip.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(1200)
    expect(await term.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'))
    await app.screenshot(`first-minute-term-tooltip-${locale}`)
    await page.keyboard.press('Escape')
    expect(await tip.count()).toBe(0)
  })

  it('goes back after a jump with Alt+← and the Back button, and hides the sidebar', async () => {
    app = await start(locale)
    const { page } = app
    await page.getByRole('button', { name: TITLE, exact: true }).click()
    const heading = page.getByRole('heading', { level: 1, name: TITLE })
    await heading.waitFor()
    const progress = page.locator('.progress .figures')
    expect(await progress.textContent()).toMatch(
      locale === 'en' ? /0% · \d+ min left/ : /0% · 还剩 \d+ 分钟/,
    )

    await page.keyboard.press('Control+k')
    await page.keyboard.type('Magang', { delay: 20 })
    // Enter once the first result answers the whole word, not a keystroke before it.
    const first = page.getByRole('dialog').getByRole('option').first()
    await first.waitFor()
    await expect.poll(() => first.locator('mark').allTextContents()).toContain('Magang')
    await page.keyboard.press('Enter')
    // Magang is in another document: the jump leaves this one.
    await expect.poll(() => painted(app!.page, 'search-hit')).toContain('Magang')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toContain(TITLE)

    await page.keyboard.press('Alt+ArrowLeft')
    await expect.poll(() => seenOnTop(heading)).toBe(true)
    await page.keyboard.press('Alt+ArrowRight')
    await expect.poll(() => page.locator('.block:focus').textContent()).toContain('Magang')
    await page.getByRole('button', { name: TEXT[locale].back, exact: true }).click()
    await expect.poll(() => seenOnTop(heading)).toBe(true)

    const hide = page.getByRole('button', {
      name: locale === 'en' ? 'Hide the sidebar' : '隐藏侧栏',
    })
    await hide.click()
    expect(await page.getByRole('navigation').count()).toBe(0)
    await app.screenshot(`first-minute-focus-mode-${locale}`)
    await page
      .getByRole('button', { name: locale === 'en' ? 'Show the sidebar' : '显示侧栏' })
      .click()
    expect(await seenOnTop(page.getByRole('navigation'))).toBe(true)
  })
})

describe.each(UI_LOCALES)('reading comfort, UI in %s', (locale) => {
  const SETTINGS = {
    en: {
      settings: 'Settings',
      marks: 'Underline glossary terms',
      all: 'Every occurrence',
      off: 'Off',
      typeface: 'Typeface',
      sans: 'Sans serif (Hei)',
    },
    'zh-CN': {
      settings: '设置',
      marks: '术语下划线',
      all: '每次出现',
      off: '关闭',
      typeface: '字体',
      sans: '无衬线（黑体）',
    },
  }[locale]

  it('underlines glossary terms as chosen and keeps tooltips in the window side by side', async () => {
    app = await start(locale)
    const { page } = app
    await page.getByRole('button', { name: TITLE, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    const underlined = () => page.locator('.term').count()
    const firstInSection = await underlined()
    expect(firstInSection).toBeGreaterThan(0)

    await page.getByRole('button', { name: SETTINGS.settings, exact: true }).click()
    await page.getByRole('combobox', { name: SETTINGS.marks }).selectOption({ label: SETTINGS.all })
    await page.keyboard.press('Escape')
    await expect.poll(underlined).toBeGreaterThan(firstInSection)

    // Side by side, the last term of a paragraph is in the Chinese column, at the window's right.
    await page.getByRole('radio', { name: locale === 'en' ? 'Side by side' : '中英对照' }).click()
    await page.keyboard.press('j')
    await page.keyboard.press('ArrowLeft')
    const term = page.locator('.term:focus')
    expect(await term.getAttribute('class')).toContain('term')
    expect(await term.evaluate((t) => t.closest('[lang]')?.getAttribute('lang'))).toBe('zh-CN')
    const tip = page.getByRole('tooltip')
    expect(await seenOnTop(tip)).toBe(true)
    const box = (await tip.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(1200)
    expect(box.y + box.height).toBeLessThanOrEqual(800)
    await app.screenshot(`reading-comfort-tooltip-side-by-side-${locale}`)

    await page.getByRole('button', { name: SETTINGS.settings, exact: true }).click()
    await page.getByRole('combobox', { name: SETTINGS.marks }).selectOption({ label: SETTINGS.off })
    await page
      .getByRole('combobox', { name: SETTINGS.typeface })
      .selectOption({ label: SETTINGS.sans })
    await page.keyboard.press('Escape')
    await expect.poll(underlined).toBe(0)
    const font = await page
      .locator('.text[lang="zh-CN"]')
      .first()
      .evaluate((t) => getComputedStyle(t).fontFamily)
    expect(font).toMatch(/Noto Sans CJK SC/)
    await app.screenshot(`reading-comfort-sans-${locale}`)
  })
})
