import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type ReaderApp } from './harness.ts'

let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

describe('library', () => {
  it('lists the bundled documents with their English titles in an English UI', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    const { page } = app
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Library')
    const titles = await page
      .getByRole('article')
      .getByRole('heading', { level: 2 })
      .allTextContents()
    expect(titles).toHaveLength(5)
    expect(titles).toContain('The Achievements of Jiangmen')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await app.screenshot('library-en')
    expect(app.pageErrors).toEqual([])
  })

  it('switches the UI to Chinese without reloading the page', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    const { page } = app
    await page.getByRole('heading', { name: 'Library' }).waitFor()
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'))
    await page.getByRole('button', { name: '简体中文', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('文库')
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'still here',
    )
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.title()).toBe('江门双语阅读器')
    await app.screenshot('library-zh')
  })

  it('keeps the chosen UI language after the app restarts', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    await app.page.getByRole('button', { name: '简体中文', exact: true }).click()
    await expect.poll(() => app!.page.getByRole('heading', { level: 1 }).textContent()).toBe('文库')
    await app.restart()
    await expect.poll(() => app!.page.getByRole('heading', { level: 1 }).textContent()).toBe('文库')
    await app.screenshot('library-zh-after-restart')
  })

  it('follows a Chinese operating system until the user chooses otherwise', async () => {
    app = await launchApp({ osLocale: 'zh-CN' })
    const { page } = app
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('文库')
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Library')
    await app.screenshot('library-os-zh-chose-en')
  })
})
