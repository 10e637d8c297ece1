import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type ReaderApp } from './harness.ts'

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
