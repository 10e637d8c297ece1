import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type ReaderApp } from './harness.ts'

let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

async function openDocument(reader: ReaderApp, title: string) {
  await reader.page.getByRole('button', { name: title }).click()
  await reader.page.locator('[data-block-id="b001"]').waitFor()
}

describe('reader', () => {
  it('shows each reading mode with the right languages', async () => {
    app = await launchApp()
    const { page } = app
    await openDocument(app, 'Major Decisions and Deployments')
    const first = page.locator('[data-block-id="b002"]')

    expect(
      await first.locator('.text').evaluateAll((els) => els.map((e) => e.getAttribute('lang'))),
    ).toEqual(['en'])
    await page.getByRole('radio', { name: '中文' }).click()
    await expect.poll(() => first.locator('.text').getAttribute('lang')).toBe('zh-CN')
    expect(await page.locator('#doc-title').textContent()).toBe('重大决策部署')

    await page.getByRole('radio', { name: 'Side by side' }).click()
    await expect.poll(() => first.locator('.text').count()).toBe(2)
    const [en, zh] = await first.locator('.text').all()
    const [enBox, zhBox] = [await en!.boundingBox(), await zh!.boundingBox()]
    expect(zhBox!.x).toBeGreaterThan(enBox!.x + enBox!.width - 1)
    expect(Math.abs(zhBox!.y - enBox!.y)).toBeLessThan(2)
    await app.screenshot('reader-side-by-side-en-ui')

    await page.getByRole('radio', { name: 'Interleaved' }).click()
    await expect.poll(async () => (await first.locator('.text').all()).length).toBe(2)
    const [iEn, iZh] = await first.locator('.text').all()
    expect((await iZh!.boundingBox())!.y).toBeGreaterThan((await iEn!.boundingBox())!.y)
    await app.screenshot('reader-interleaved')
    expect(app.pageErrors).toEqual([])
  })

  it('flips one paragraph to the other language and back, by click and by key', async () => {
    app = await launchApp()
    const { page } = app
    await openDocument(app, 'Major Decisions and Deployments')
    const block = page.locator('[data-block-id="b002"]')
    await block.hover()
    await block.getByRole('button', { name: 'Show this paragraph in Chinese' }).click()
    await expect.poll(() => block.locator('.text').getAttribute('lang')).toBe('zh-CN')
    expect(await page.locator('[data-block-id="b003"] .text').getAttribute('lang')).toBe('en')
    await app.screenshot('reader-flipped-block')

    await block.focus()
    await page.keyboard.press('f')
    await expect.poll(() => block.locator('.text').getAttribute('lang')).toBe('en')
  })

  it('marks glossary terms and shows the other language on focus', async () => {
    app = await launchApp()
    const { page } = app
    await openDocument(app, 'Major Decisions and Deployments')
    const term = page
      .locator('.term', { hasText: 'Guangdong-Hong Kong-Macao Greater Bay Area' })
      .first()
    await term.focus()
    const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`)
    await expect.poll(() => tip.isVisible()).toBe(true)
    expect(await tip.textContent()).toContain('粤港澳大湾区')
  })

  it('reopens the last document at the same block after a restart', async () => {
    app = await launchApp()
    const { page } = app
    await openDocument(
      app,
      'The Fourth Plenary Session of the Fourteenth CPC Jiangmen Municipal Committee was held',
    )
    await page.locator('.column').focus()
    for (let i = 0; i < 10; i++) await page.keyboard.press('j')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-block-id')))
      .toBe('b011')
    await expect
      .poll(
        async () =>
          (await app!.services.settings.get()).positions['fourth-plenary-session']?.blockId,
      )
      .toBe('b011')

    await app.restart()
    await app.page.locator('[data-block-id="b011"]').waitFor()
    const top = await app.page.evaluate(() => {
      const column = document.querySelector('.column')!.getBoundingClientRect().top
      const blocks = [...document.querySelectorAll<HTMLElement>('[data-block-id]')]
      return blocks.find((b) => b.getBoundingClientRect().bottom > column + 1)?.dataset['blockId']
    })
    expect(top).toBe('b011')
    await app.screenshot('reader-restored-after-restart')
  })

  it('changes the UI language live while reading, keeping the content language', async () => {
    app = await launchApp()
    const { page } = app
    await openDocument(app, 'Major Decisions and Deployments')
    await page.getByRole('button', { name: '简体中文', exact: true }).click()
    await expect
      .poll(() => page.getByRole('navigation').getByRole('heading').textContent())
      .toBe('目录')
    expect(await page.locator('[data-block-id="b002"] .text').getAttribute('lang')).toBe('en')
    await app.screenshot('reader-zh-ui-en-content')
  })

  it('uses the dark theme when chosen in settings', async () => {
    app = await launchApp()
    const { page } = app
    await openDocument(app, 'Major Decisions and Deployments')
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog').getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    await page.getByRole('radio', { name: 'Side by side' }).click()
    await app.screenshot('reader-dark')
  })
})
