import type { Locator } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type ReaderApp } from './harness.ts'
import { painted, OS_LOCALE, seenOnTop, UI_LOCALES, type JourneyLocale } from './journey.ts'

let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const topBlockId = (reader: ReaderApp) =>
  reader.page.evaluate(() => {
    const column = document.querySelector('.column')!.getBoundingClientRect()
    const blocks = [...document.querySelectorAll<HTMLElement>('[data-block-id]')]
    return blocks.find((b) => b.getBoundingClientRect().bottom > column.top + 1)?.dataset['blockId']
  })

describe('search', () => {
  it('finds a Chinese sub-word as the user types and opens the reader at that block', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('heading', { name: 'Library' }).waitFor()
    await page.keyboard.press('Control+k')
    const dialog = page.getByRole('dialog')
    const box = dialog.getByRole('combobox', { name: /Search in English/ })
    await box.pressSequentially('碉楼', { delay: 30 })
    const first = dialog.getByRole('option').first()
    await first.waitFor()
    expect(await first.locator('mark').allTextContents()).toContain('碉楼')
    expect(await dialog.getByRole('status').textContent()).toMatch(/results?/)
    await app.screenshot('search-zh-subword')

    const target = await first.getAttribute('id')
    await box.press('Enter')
    const blockId = target!.split('-').at(-1)!
    await page.locator(`[data-block-id="${blockId}"]`).waitFor()
    await expect.poll(() => topBlockId(app!)).toBe(blockId)
    expect(await page.evaluate(() => CSS.highlights.get('search-hit')?.size ?? 0)).toBeGreaterThan(
      0,
    )
    await app.screenshot('search-landed-on-block')
  })

  it('matches across languages through the glossary and keeps recent queries', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: /^Search/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox').fill('人才岛')
    await dialog.getByRole('option').first().waitFor()
    const english = await dialog
      .getByRole('option')
      .first()
      .locator('[lang="en"] mark')
      .allTextContents()
    expect(english.join(' ')).toMatch(/Talent|Island/)
    await dialog.getByRole('combobox').press('Enter')
    await page.locator('.column').waitFor()

    await page.keyboard.press('/')
    const again = page.getByRole('dialog').getByRole('combobox')
    expect(await again.inputValue()).toBe('人才岛')
    await again.fill('')
    expect(
      await page
        .getByRole('region', { name: 'Recent searches' })
        .getByRole('button')
        .allTextContents(),
    ).toEqual(['人才岛'])
  })

  it('shows the best results first and more on request, by button or arrow key', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('heading', { name: 'Library' }).waitFor()
    await page.keyboard.press('Control+k')
    const dialog = page.getByRole('dialog')
    const box = dialog.getByRole('combobox')
    await box.fill('Jiangmen')
    await dialog.getByText('The best 20 results').waitFor()
    const options = dialog.getByRole('option')
    expect(await options.count()).toBe(20)

    await dialog.getByRole('button', { name: 'Show more results' }).scrollIntoViewIfNeeded()
    await app.screenshot('search-more')
    await dialog.getByRole('button', { name: 'Show more results' }).click()
    await expect.poll(() => options.count()).toBeGreaterThan(20)
    const afterClick = await options.count()

    // Arrow down past the last result shown brings the next page and selects the next result.
    for (let i = 0; i < afterClick; i++) await box.press('ArrowDown')
    await expect.poll(() => options.count()).toBeGreaterThan(afterClick)
    const selected = dialog.locator('[role="option"][aria-selected="true"]')
    expect(await selected.getAttribute('id')).toBe(await options.nth(afterClick).getAttribute('id'))
  })

  it('says so when nothing matches, and survives hostile queries', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('heading', { name: 'Library' }).waitFor()
    await page.keyboard.press('Control+k')
    const box = page.getByRole('dialog').getByRole('combobox')
    for (const query of ['zzzqqqxxx', '((*[?+', '💥💥', 'a'.repeat(5000), '\u0000\u0007']) {
      await box.fill(query)
      await page.getByText('Nothing found for').waitFor()
    }
    expect(app.pageErrors).toEqual([])
  })

  it('finds text in the open document, counting and stepping through matches', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: 'Major Decisions and Deployments' }).click()
    await page.locator('[data-block-id="b001"]').waitFor()
    await page.keyboard.press('Control+f')
    await page.getByRole('searchbox', { name: 'Find in this document' }).fill('jiangmen')
    await expect
      .poll(() => page.locator('.find [role="status"]').textContent())
      .toMatch(/^\s*1 of \d+/)
    const total = Number(
      (await page.locator('.find [role="status"]').textContent())!.match(/of (\d+)/)![1],
    )
    expect(total).toBeGreaterThan(5)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.find [role="status"]').textContent()).toMatch(/^\s*2 of/)

    await page.getByRole('radio', { name: '中文' }).click()
    await page.getByRole('searchbox', { name: 'Find in this document' }).fill('江门')
    await expect.poll(() => page.locator('.find [role="status"]').textContent()).toMatch(/of \d+/)
    await app.screenshot('find-in-document-zh')
  })
})

/** How long a journey waits for what it expects to show: the first search loads the index. */
const POLL = { timeout: 15_000 }

/**
 * What people really type, typed for real in each UI language, each landing on a paragraph with
 * what matched marked: the keyboard and clicks on visible elements only.
 */
describe.each(UI_LOCALES)('search journeys, UI in %s', (locale: JourneyLocale) => {
  const TEXT = {
    en: {
      library: 'Library',
      missing: 'Missing:',
      inLanguage: 'Matching in',
      filtersOn: 'Filters (1)',
    },
    'zh-CN': {
      library: '文库',
      missing: '未找到：',
      inLanguage: '匹配语言',
      filtersOn: '筛选（1）',
    },
  }[locale]

  async function searchFor(query: string): Promise<ReaderApp> {
    app = await launchApp({ osLocale: OS_LOCALE[locale] })
    const { page } = app
    await page.getByRole('heading', { name: TEXT.library, level: 1 }).waitFor()
    await page.keyboard.press('Control+k')
    await page.keyboard.type(query, { delay: 25 })
    return app
  }

  /**
   * Once the first result shows `marked` highlighted (the answer to the whole query, not to a
   * keystroke before), Enter on it: the reader shows its paragraph, focused, marked.
   */
  async function landMarked(reader: ReaderApp, marked: RegExp) {
    const first = reader.page.getByRole('dialog').getByRole('option').first()
    const shown = async (marks: Locator) => (await marks.allTextContents()).join(' | ')
    await first.waitFor()
    await expect.poll(() => shown(first.locator('mark')), POLL).toMatch(marked)
    expect(await seenOnTop(first)).toBe(true)
    await reader.page.keyboard.press('Enter')
    await expect
      .poll(async () => (await painted(reader.page, 'search-hit')).join(' | '), POLL)
      .toMatch(marked)
    expect(await seenOnTop(reader.page.locator('.block:focus'))).toBe(true)
  }

  it('forgives a typo in a short word: "Magang gose" lands on the Magang goose', async () => {
    const reader = await searchFor('Magang gose')
    await landMarked(reader, /goose/i)
    expect(await reader.page.locator('.block:focus').textContent()).toMatch(/Magang goose|马冈鹅/)
    await reader.screenshot(`search-typo-${locale}`)
  })

  it('shows what a partial match lacks, and still lands on it marked', async () => {
    const reader = await searchFor('Talent Island zebra')
    const missing = reader.page.getByRole('dialog').getByRole('option').first().locator('.missing')
    // The answer to a keystroke before ("…ze") may show first; the whole query's follows.
    await expect
      .poll(() => missing.textContent(), POLL)
      .toMatch(new RegExp(`${TEXT.missing}\\s*zebra`))
    expect(await seenOnTop(missing)).toBe(true)
    const shot = await reader.screenshot(`search-partial-${locale}`)
    expect(shot).toBeTruthy()
    await landMarked(reader, /Talent|Island|人才岛/)
  })

  it('finds the Simplified text for a Traditional query: 開平碉樓', async () => {
    const reader = await searchFor('開平碉樓')
    await landMarked(reader, /开平碉楼|Kaiping|Diaolou/)
    await reader.screenshot(`search-traditional-${locale}`)
  })

  it('finds the Chinese for toneless pinyin: qiaodu lands on 侨都, marked', async () => {
    const reader = await searchFor('qiaodu')
    await landMarked(reader, /侨都/)
    await reader.screenshot(`search-pinyin-${locale}`)
  })

  it('keeps to the language picked with the keyboard in the panel’s filter', async () => {
    const reader = await searchFor('diaolou')
    const dialog = reader.page.getByRole('dialog')
    await dialog.getByRole('option').first().waitFor()
    // From the field: Tab to the filters' button, Enter opens them, Tab past the document filter
    // to the language one, ↓ to English, ↓ to 中文.
    await reader.page.keyboard.press('Tab')
    await reader.page.keyboard.press('Enter')
    await reader.page.keyboard.press('Tab')
    await reader.page.keyboard.press('Tab')
    await reader.page.keyboard.press('ArrowDown')
    await reader.page.keyboard.press('ArrowDown')
    const language = dialog.getByRole('combobox', { name: TEXT.inLanguage })
    expect(await language.inputValue()).toBe('zh')
    expect(await seenOnTop(dialog.getByRole('button', { name: TEXT.filtersOn }))).toBe(true)
    await reader.screenshot(`search-filter-${locale}`)
    const results = dialog.getByRole('listbox').getByRole('option')
    await expect
      .poll(() => results.first().locator('[lang="zh-CN"] mark').count(), POLL)
      .toBeGreaterThan(0)
    const marks = await results.locator('[lang="zh-CN"] mark').allTextContents()
    expect(marks.every((mark) => mark.includes('碉楼'))).toBe(true)
  })
})
