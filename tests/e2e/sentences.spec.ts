import { afterEach, describe, expect, it } from 'vitest'
import type { Document } from '../../electron/shared/model.ts'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import { launchApp, type ReaderApp } from './harness.ts'
import {
  charPoint,
  drag,
  focused,
  OS_LOCALE,
  painted as paintedIn,
  seenOnTop,
  UI_LOCALES,
} from './journey.ts'

/**
 * Sentence by sentence: the aligned sentences of a paragraph light up together under the mouse
 * and the keyboard, a sentence's translation can be peeked in a single-language mode, highlights
 * show lighter on the other language's aligned sentences, and a search lands on its sentence.
 */
let app: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const DOCS = [
  'achievements',
  'concerted-development',
  'fourth-plenary-session',
  'major-decisions',
  'striving-for-first-place',
]
const DOC = 'striving-for-first-place'
const BLOCK = 'b002'

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))

const painted = (name: string) => paintedIn(app!.page, name)

/** Where the block's texts are: lighting must leave them exactly where they were. */
const boxes = () =>
  app!.page
    .locator(`[data-block-id="${BLOCK}"] .text`)
    .evaluateAll((els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())))

/** The middle of the first character of a pair's text in the shown language. */
async function hoverPair(doc: Document, pair: number, lang: 'en' | 'zh') {
  const block = doc.blocks.find((b) => b.id === BLOCK)!
  const at = block[lang].indexOf(block.pairs![pair]![lang]) + 2
  const point = await charPoint(app!.page, BLOCK, at, 'middle', lang === 'en' ? 'en' : 'zh-CN')
  await app!.page.mouse.move(point.x, point.y, { steps: 4 })
}

for (const locale of UI_LOCALES) {
  const m = locale === 'en' ? en : zhCN

  describe(`sentences, UI in ${locale}`, () => {
    async function open(): Promise<Document> {
      app = await launchApp({ osLocale: OS_LOCALE[locale] })
      const doc = await app.services.corpus.get(DOC)
      await app.page.getByRole('button', { name: doc.title.en, exact: true }).click()
      await app.page.locator(`[data-block-id="${BLOCK}"]`).waitFor()
      return doc
    }
    /** A click on the paragraph's edge, then k and j: it has focus, scrolled to the top. */
    async function reachBlock() {
      const block = app!.page.locator(`[data-block-id="${BLOCK}"]`)
      await block.click({ position: { x: 2, y: 2 } })
      await app!.page.keyboard.press('k')
      await app!.page.keyboard.press('j')
      await expect.poll(() => block.evaluate((e) => e === document.activeElement)).toBe(true)
    }
    const mode = (name: keyof typeof m.reader.modes) =>
      app!.page.getByRole('radio', { name: m.reader.modes[name], exact: true }).click()

    it('lights a sentence and its counterpart under the mouse and with Alt+↓, side by side and interleaved, text unmoved', async () => {
      const doc = await open()
      const pairs = doc.blocks.find((b) => b.id === BLOCK)!.pairs!
      const { page } = app!
      await mode('side-by-side')
      await expect.poll(() => page.locator(`[data-block-id="${BLOCK}"] .text`).count()).toBe(2)
      await reachBlock()
      const before = await boxes()

      // The keyboard: Alt+↓ and Alt+↑ step through the sentences of the focused paragraph.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowDown')
      await page.keyboard.press('Alt+ArrowUp')
      await expect.poll(() => painted('sentence')).toEqual([pairs[1]!.en, pairs[1]!.zh])
      const said = fill(m.reader.sentenceOf, { n: 2, total: pairs.length })
      await expect
        .poll(() => page.locator('[aria-live="polite"]').filter({ hasText: said }).textContent())
        .toContain(pairs[1]!.zh)
      expect(await boxes()).toEqual(before)
      await app!.screenshot(`sentences-side-by-side-keyboard-${locale}`)

      await hoverPair(doc, 2, 'en')
      await expect.poll(() => painted('sentence')).toEqual([pairs[2]!.en, pairs[2]!.zh])
      expect(await boxes()).toEqual(before)
      await app!.screenshot(`sentences-side-by-side-hover-${locale}`)
      await hoverPair(doc, 3, 'zh')
      await expect.poll(() => painted('sentence')).toEqual([pairs[3]!.en, pairs[3]!.zh])

      await mode('interleaved')
      await reachBlock()
      await page.keyboard.press('Alt+ArrowDown')
      await expect.poll(() => painted('sentence')).toEqual([pairs[0]!.en, pairs[0]!.zh])
      await hoverPair(doc, 1, 'zh')
      await expect.poll(() => painted('sentence')).toEqual([pairs[1]!.en, pairs[1]!.zh])
      await app!.screenshot(`sentences-interleaved-hover-${locale}`)

      await page.setViewportSize({ width: 900, height: 800 })
      await mode('side-by-side')
      await reachBlock()
      const narrow = await boxes()
      await hoverPair(doc, 1, 'en')
      await expect.poll(() => painted('sentence')).toEqual([pairs[1]!.en, pairs[1]!.zh])
      expect(await boxes()).toEqual(narrow)
      await app!.screenshot(`sentences-side-by-side-900-${locale}`)
      expect(app!.pageErrors).toEqual([])
    })

    it('peeks a sentence’s translation in a single-language mode, by click and by Alt+↓', async () => {
      const doc = await open()
      const pairs = doc.blocks.find((b) => b.id === BLOCK)!.pairs!
      const { page } = app!
      await mode('en')
      await hoverPair(doc, 1, 'en')
      await page.mouse.down()
      await page.mouse.up()
      const peek = page.locator('.sentence-peek')
      await expect.poll(() => peek.textContent()).toContain(pairs[1]!.zh)
      expect(await seenOnTop(peek)).toBe(true)
      expect(await painted('sentence')).toEqual([pairs[1]!.en])
      await app!.screenshot(`sentences-peek-en-mode-${locale}`)
      await page.keyboard.press('Escape')
      await expect.poll(() => peek.count()).toBe(0)

      await mode('zh')
      await reachBlock()
      await page.keyboard.press('Alt+ArrowDown')
      await expect.poll(() => peek.textContent()).toContain(pairs[0]!.en)
      expect(await painted('sentence')).toEqual([pairs[0]!.zh])
      await app!.screenshot(`sentences-peek-zh-mode-${locale}`)
      expect(app!.pageErrors).toEqual([])
    })

    it('mirrors a highlight made in English on the aligned Chinese sentence, its note beside both, after a restart', async () => {
      const doc = await open()
      const block = doc.blocks.find((b) => b.id === BLOCK)!
      const pair = block.pairs![1]!
      await mode('side-by-side')
      await reachBlock()
      const from = block.en.indexOf(pair.en)
      await drag(
        app!.page,
        { blockId: BLOCK, index: from },
        { blockId: BLOCK, index: from + 20 },
        'en',
      )
      await app!.page
        .getByRole('toolbar', { name: m.notes.selectionActions })
        .getByRole('button', { name: m.notes.addNote })
        .click()
      await expect.poll(async () => (await focused(app!.page)).tag).toBe('textarea')
      await app!.page.keyboard.type('Two zones, one platform')
      await app!.page.keyboard.press('Control+Enter')
      await expect.poll(() => painted('hl-yellow-mirror')).toEqual([pair.zh])

      // The app reopens where the reader left off.
      await app!.restart()
      const notes = app!.page.locator(`[data-block-id="${BLOCK}"] [role="note"]`)
      // Restarting reloads the app and its notes: give it the time a person would.
      await expect
        .poll(() => notes.allTextContents(), { timeout: 10_000 })
        .toEqual(['Two zones, one platform', 'Two zones, one platform'])
      await expect.poll(() => painted('hl-yellow-mirror')).toEqual([pair.zh])
      expect((await painted('hl-yellow'))[0]).toMatch(new RegExp(`^${pair.en.slice(0, 12)}`))
      await app!.page.mouse.move(2, 2)
      await app!.screenshot(`sentences-mirrored-highlight-${locale}`)
      expect(app!.pageErrors).toEqual([])
    })

    it('lands a search for 人才岛 on the English sentence that says “Talent Island”', async () => {
      await open()
      const { page } = app!
      await page.keyboard.press('Control+k')
      await page.keyboard.type('人才岛', { delay: 20 })
      await page.getByRole('dialog').getByRole('option').first().waitFor()
      await page.keyboard.press('Enter')
      const landed = page.locator('.block:focus')
      expect(await seenOnTop(landed)).toBe(true)
      const blockId = await landed.getAttribute('data-block-id')
      const found = await Promise.all(DOCS.map((id) => app!.services.corpus.get(id)))
      const title = (await page.locator('#doc-title').textContent())!.trim()
      const doc = found.find((d) => d.title.en === title || d.title.zh === title)!
      const pairs = doc.blocks.find((b) => b.id === blockId)!.pairs!
      // English mode: the English sentence aligned with the Chinese that says 人才岛 is marked.
      expect(await landed.locator('.text').getAttribute('lang')).toBe('en')
      const expected = pairs.filter((p) => p.zh.includes('人才岛')).map((p) => p.en)
      await expect.poll(() => painted('search-sentence')).toEqual(expected)
      expect(expected.every((sentence) => sentence.includes('Talent Island'))).toBe(true)
      expect(await painted('search-passage')).toEqual([])
      await app!.screenshot(`sentences-search-landing-${locale}`)
      expect(app!.pageErrors).toEqual([])
    })

    it('shows a slip of the source with its note in the UI language', async () => {
      const doc = await open()
      const mark = doc.blocks.find((b) => b.id === 'b004')!.marks![0]!
      const quote = app!.page
        .locator('[data-block-id="b004"] .text-mark')
        .getByText(mark.quote, { exact: true })
      await quote.hover()
      const tip = app!.page.getByRole('tooltip')
      await expect.poll(() => tip.textContent()).toContain(m.reader.marks['source-slip'])
      expect(await tip.textContent()).toContain(mark.note[locale === 'en' ? 'en' : 'zh'])
      expect(await seenOnTop(tip)).toBe(true)
      await app!.screenshot(`sentences-mark-${locale}`)
    })
  })
}
