import { afterEach, describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhTW from '../../locales/zh-TW.json'
import { launchApp, type ReaderApp } from './harness.ts'
import { charPoint, drag, focused, seenOnTop } from './journey.ts'

// The worker loads OpenCC's dictionaries and CC-CEDICT on first use: seconds on a busy machine.
const SLOW = { timeout: 30_000 }
const ACHIEVEMENTS = 'The Achievements of Jiangmen'
const DISTRICTS =
  'Updates on the Concerted Development of all Districts of Jiangmen City, Guangdong'

let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

async function open(title: string, mode: string) {
  const { page } = app!
  await page.getByRole('button', { name: title, exact: true }).click()
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.getByRole('radio', { name: mode }).click()
  return page
}

/** The text a CSS highlight paints, readings over it (ruby) left out; reads, changes nothing. */
const painted = (name: string) =>
  app!.page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n)?.values() ?? [])].map((r) => {
        const copy = (r as Range).cloneContents()
        copy.querySelectorAll('rt, rp').forEach((reading) => reading.remove())
        return copy.textContent
      }),
    name,
  )

describe('reading aids: script, readings, dictionary', () => {
  it('reads a document in Traditional Chinese as written in Hong Kong, and speaks 繁體中文 at once', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    const page = await open(ACHIEVEMENTS, en.reader.modes.zh)
    const first = page.locator('[data-block-id] .text.lang-zh').first()
    expect(await first.innerText()).toContain('江门全力以赴')

    await page
      .getByRole('combobox', { name: en.chinese.script })
      .selectOption({ label: en.chinese.scripts['hant-hk'] })
    await expect.poll(() => first.innerText(), SLOW).toContain('江門全力以赴')
    expect(await first.getAttribute('lang')).toBe('zh-HK')
    expect(await seenOnTop(first)).toBe(true)
    // Hong Kong's forms, not Taiwan's: 裏 (not 裡) where the corpus has 里面.
    await app.screenshot('reading-aids-hong-kong')

    await page.getByRole('button', { name: '繁體中文' }).click()
    const settings = page.getByRole('button', { name: zhTW.settings.title })
    expect(await seenOnTop(settings)).toBe(true)
    await expect.poll(() => page.title()).toBe(`江門取得的成就 — ${zhTW.app.title}`)
    // The reader bar speaks it too, and the document is still where it was.
    expect(await seenOnTop(page.getByRole('radio', { name: zhTW.reader.modes.zh }))).toBe(true)
    expect(await first.innerText()).toContain('江門全力以赴')
    await app.screenshot('reading-aids-zh-TW')
  })

  it('opens in 繁體中文 with Hong Kong script on a Hong Kong system', async () => {
    app = await launchApp({ osLocale: 'zh-HK' })
    const { page } = app
    expect(await seenOnTop(page.getByRole('button', { name: zhTW.settings.title }))).toBe(true)
    // Library cards already show the subtitle in Traditional characters.
    await expect.poll(() => page.getByText('江門取得的成就').count(), SLOW).toBe(1)
    await page.getByRole('button', { name: ACHIEVEMENTS, exact: true }).click()
    await page.getByRole('radio', { name: zhTW.reader.modes.zh }).click()
    const script = page.getByRole('combobox', { name: zhTW.chinese.script })
    expect(await script.inputValue()).toBe('hant-hk')
  })

  it('shows pinyin, then Jyutping, over the Chinese, keeping side-by-side rows and highlights', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    const page = await open(ACHIEVEMENTS, en.reader.modes['side-by-side'])
    await page.getByRole('button', { name: en.chinese.pinyinShort }).click()
    const zh = page.locator('[data-block-id="b001"] .text.lang-zh')
    await expect.poll(() => zh.locator('rt').first().textContent(), SLOW).toBe('jiāng')
    expect(
      await page.getByRole('button', { name: en.chinese.pinyinShort }).getAttribute('aria-pressed'),
    ).toBe('true')
    // The rows stay rows: both languages of a paragraph start on one line.
    const [enBox, zhBox] = await Promise.all([
      page.locator('[data-block-id="b001"] .text.lang-en').boundingBox(),
      zh.boundingBox(),
    ])
    expect(Math.abs(enBox!.y - zhBox!.y)).toBeLessThan(4)
    expect(await seenOnTop(zh.locator('ruby').first())).toBe(true)
    await app.screenshot('reading-aids-pinyin')

    // A highlight over text with readings holds the characters, never the readings.
    await drag(page, { blockId: 'b001', index: 0 }, { blockId: 'b001', index: 5 }, 'zh-CN')
    await page.getByRole('button', { name: 'Highlight in Yellow' }).click()
    await expect.poll(() => painted('hl-yellow')).toEqual(['江门全力以赴'])

    // Shift+P: Cantonese readings instead; remembered for this document after a restart.
    await page.keyboard.press('Shift+P')
    await expect.poll(() => zh.locator('rt').first().textContent(), SLOW).toBe('gong1')
    await app.screenshot('reading-aids-jyutping')
    await app.restart()
    const again = app.page
    await again.getByRole('heading', { level: 1 }).waitFor()
    await expect
      .poll(
        () => again.locator('[data-block-id="b001"] .text.lang-zh rt').first().textContent(),
        SLOW,
      )
      .toBe('gong1')
    await again.keyboard.press('Shift+P')
    await expect.poll(() => again.locator('[data-block-id="b001"] rt').count()).toBe(0)
  })

  it('looks a word up with the mouse, and word by word with the keyboard', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    const page = await open(DISTRICTS, en.reader.modes.zh)
    const caption = page.locator('[data-block-id="b013"] .text')
    await caption.scrollIntoViewIfNeeded()
    // 世界文化遗产：开平碉楼与村落 — a double click on 碉 selects a word; its entry shows under the actions.
    const at = await charPoint(page, 'b013', 9, 'middle')
    await page.mouse.dblclick(at.x, at.y)
    const card = page.getByRole('toolbar', { name: en.notes.selectionActions })
    // The words under the character, longest first, to choose from.
    const words = card.getByRole('group', { name: en.dictionary.words })
    await expect
      .poll(() => words.getByRole('button').allInnerTexts(), SLOW)
      .toEqual(expect.arrayContaining(['开平碉楼', '碉楼']))
    await words.getByRole('button', { name: '碉楼', exact: true }).click()
    await expect.poll(() => card.innerText()).toContain('diāo lóu')
    expect(await seenOnTop(card.getByText('diāo lóu'))).toBe(true)
    await words.getByRole('button', { name: '开平碉楼' }).click()
    await expect.poll(() => card.innerText()).toContain('Kāi píng diāo lóu')
    expect(await card.innerText()).toContain(en.dictionary.glossary)
    await app.screenshot('reading-aids-dictionary-mouse')
    await page.keyboard.press('Escape')

    // With the keyboard: the paragraph, d, then → from word to word; Esc gives the paragraph back.
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('j')
    await page.keyboard.press('d')
    const popover = page.getByRole('region', { name: en.dictionary.title })
    expect(await seenOnTop(popover)).toBe(true)
    await expect.poll(() => popover.innerText(), SLOW).not.toContain(en.dictionary.looking)
    const firstWord = await painted('lookup')
    expect(firstWord).toHaveLength(1)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => painted('lookup')).not.toEqual(firstWord)
    expect(await popover.innerText()).toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/)
    await page.mouse.move(2, 2)
    await app.screenshot('reading-aids-dictionary-keyboard')
    await page.keyboard.press('Escape')
    expect(await popover.count()).toBe(0)
    expect((await focused(page)).role).toBe('group')
  })

  it('keeps a highlight made in 繁體 on the same words in 简体', async () => {
    app = await launchApp({ osLocale: 'en-US' })
    const page = await open(ACHIEVEMENTS, en.reader.modes.zh)
    await page
      .getByRole('combobox', { name: en.chinese.script })
      .selectOption({ label: en.chinese.scripts['hant-tw'] })
    const first = page.locator('[data-block-id="b001"] .text')
    await expect.poll(() => first.innerText(), SLOW).toContain('江門全力以赴')
    // Converted: the bar no longer says it is converting.
    await expect.poll(() => page.getByRole('status').count(), SLOW).toBe(0)
    await drag(page, { blockId: 'b001', index: 2 }, { blockId: 'b001', index: 5 })
    await page.getByRole('button', { name: 'Highlight in Green' }).click()
    await expect.poll(() => painted('hl-green'), SLOW).toEqual(['全力以赴'])
    await page
      .getByRole('combobox', { name: en.chinese.script })
      .selectOption({ label: en.chinese.scripts.hans })
    await expect.poll(() => first.innerText()).toContain('江门全力以赴')
    await expect.poll(() => painted('hl-green')).toEqual(['全力以赴'])
    // Stored against the authored (Simplified) text, once main has it (the page paints at once).
    await expect
      .poll(async () =>
        (await app!.services.annotations.list()).map((a) => a.annotation.anchor.quote),
      )
      .toEqual(['全力以赴'])
  })
})
