import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import type { FakeVoices } from '../support/fake-speech.ts'
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
 * Reading aloud, played with the keyboard and the mouse, in each UI language: with the fake voices
 * (English, Mandarin, Cantonese) the sentence being read is painted and the view follows it; with
 * headless Chromium's own speech service, which has no voice, the reader is told how to add one.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const UI = { en, 'zh-CN': zhCN } as const
const TITLE = 'The Achievements of Jiangmen'
const DOC = 'achievements'

async function openDocument(locale: JourneyLocale, speech?: FakeVoices): Promise<ReaderApp> {
  const started = await launchApp({ osLocale: OS_LOCALE[locale], ...(speech ? { speech } : {}) })
  await started.page.getByRole('button', { name: TITLE, exact: true }).click()
  await started.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
  return started
}

/** The sentence being read, as painted; '' when none is. */
const reading = async (reader: ReaderApp) => (await painted(reader.page, 'reading-aloud')).join('')

/** Whether the painted sentence lies inside the reading column's visible part. */
const readingInView = (reader: ReaderApp) =>
  reader.page.evaluate(() => {
    const range = [...(CSS.highlights.get('reading-aloud')?.keys() ?? [])][0]
    const column = document.querySelector('.column')
    if (!(range instanceof Range) || !column) return false
    const at = range.getBoundingClientRect()
    const view = column.getBoundingClientRect()
    return at.height > 0 && at.top >= view.top && at.bottom <= view.bottom
  })

describe.each(UI_LOCALES)('reading aloud, UI in %s', (locale) => {
  const t = UI[locale].readAloud

  it('reads from the top, sentence by sentence, painted; pauses, resumes and stops', async () => {
    app = await openDocument(locale, 'fake-voices')
    const { page } = app
    const blocks = (await app.services.corpus.get(DOC)).blocks
    const read = page.getByRole('button', { name: t.read, exact: true })
    expect(await seenOnTop(read)).toBe(true)
    await read.click()

    await expect.poll(() => reading(app!)).toBe(blocks[0]!.pairs![0]!.en)
    await expect.poll(() => reading(app!), { timeout: 10_000 }).toBe(blocks[1]!.pairs![0]!.en)
    expect(await readingInView(app)).toBe(true)
    await app.screenshot(`read-aloud-sentence-${locale}`)

    await page.getByRole('button', { name: t.pause, exact: true }).click()
    const resume = page.getByRole('button', { name: t.resume, exact: true })
    expect(await seenOnTop(resume)).toBe(true)
    // Paused for longer than most of these sentences take: the same one stays painted.
    const paused = await reading(app)
    expect(paused).not.toBe('')
    await page.waitForTimeout(1500)
    expect(await reading(app)).toBe(paused)
    await resume.click()
    await expect.poll(() => reading(app!), { timeout: 10_000 }).not.toBe(paused)
    expect(await reading(app)).not.toBe('')

    await page.getByRole('button', { name: t.stop, exact: true }).click()
    await expect.poll(() => reading(app!)).toBe('')
    expect(await seenOnTop(page.getByRole('button', { name: t.read, exact: true }))).toBe(true)
    expect(await focused(page)).toMatchObject({ tag: 'button', name: t.read })
    expect(await page.getByRole('button', { name: t.stop, exact: true }).count()).toBe(0)
    expect(app.pageErrors).toEqual([])
  })

  it('reads a Chinese paragraph from the keyboard, from the paragraph in focus, following it', async () => {
    app = await openDocument(locale, 'fake-voices')
    const { page } = app
    const blocks = (await app.services.corpus.get(DOC)).blocks
    await page.getByRole('radio', { name: UI[locale].reader.modes.zh, exact: true }).click()
    // From the title, Tab reaches the first paragraph; j the next one, which r reads from.
    await page.keyboard.press('Tab')
    await page.keyboard.press('j')
    expect(await page.locator('.block:focus').getAttribute('data-block-id')).toBe(blocks[1]!.id)
    await page.keyboard.press('r')
    const [first, second, third] = blocks[1]!.pairs!.map((p) => p.zh)
    await expect.poll(() => reading(app!)).toBe(first)
    expect(await page.locator('.block:focus').textContent()).toContain(first)

    // Scrolled away by the reader, the view comes back to the next sentence read.
    await page.mouse.move(700, 400)
    await page.mouse.wheel(0, 3000)
    await expect.poll(() => readingInView(app!)).toBe(false)
    await expect
      .poll(async () => (await reading(app!)) !== first && (await readingInView(app!)), {
        timeout: 10_000,
      })
      .toBe(true)
    expect([second, third]).toContain(await reading(app))
    await app.screenshot(`read-aloud-chinese-${locale}`)

    // r pauses, r resumes, Shift+R stops.
    await page.keyboard.press('r')
    expect(await seenOnTop(page.getByRole('button', { name: t.resume, exact: true }))).toBe(true)
    await page.keyboard.press('r')
    expect(await seenOnTop(page.getByRole('button', { name: t.pause, exact: true }))).toBe(true)
    await page.keyboard.press('Shift+R')
    await expect.poll(() => reading(app!)).toBe('')
    expect(await seenOnTop(page.getByRole('button', { name: t.read, exact: true }))).toBe(true)
  })

  it('says there is no voice, and how to add one, where the system has none', async () => {
    // Headless Chromium's own speech service: it lists no voice.
    app = await openDocument(locale)
    const { page } = app
    await page.getByRole('button', { name: t.read, exact: true }).click()
    const message = page.getByRole('alert')
    expect(await seenOnTop(message)).toBe(true)
    // The text is in English: it is English that cannot be read.
    expect(await message.textContent()).toContain(t.noVoice.replace('{langs}', t.langs.en))
    expect(await message.textContent()).toContain(t.install.linux)
    expect(await reading(app)).toBe('')
    await app.screenshot(`read-aloud-no-voice-${locale}`)
    await message.getByRole('button', { name: UI[locale].app.dismiss }).click()
    expect(await message.count()).toBe(0)
    expect(await focused(page)).toMatchObject({ tag: 'button', name: t.read })
  })
})
