import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { XSS_PAYLOADS } from '../support/xss.ts'
import { launchApp, type ReaderApp } from './harness.ts'

let app: ReaderApp | null = null
let other: ReaderApp | null = null
afterEach(async () => {
  await app?.close()
  await other?.close()
  app = other = null
})

async function openMajorDecisions(reader: ReaderApp) {
  await reader.page.getByRole('button', { name: 'Major Decisions and Deployments' }).click()
  await reader.page.locator('[data-block-id="b002"]').waitFor()
}

/** Selects characters [start, end) of a block's shown text, as a mouse drag would. */
async function select(reader: ReaderApp, blockId: string, start: number, end: number) {
  await reader.page.evaluate(
    ({ blockId, start, end }) => {
      const element = document.querySelector(`[data-block-id="${blockId}"] .text`)!
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      let seen = 0
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        if (node.parentElement?.closest('[role="tooltip"]')) continue
        if (start >= seen && start <= seen + node.data.length) range.setStart(node, start - seen)
        if (end >= seen && end <= seen + node.data.length) {
          range.setEnd(node, end - seen)
          break
        }
        seen += node.data.length
      }
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    },
    { blockId, start, end },
  )
}

const highlightCount = (reader: ReaderApp, color: string) =>
  reader.page.evaluate((c) => CSS.highlights.get(`hl-${c}`)?.size ?? 0, color)

describe('annotations', () => {
  it('keeps a highlight, its note and a bookmark across a restart, anchored where they were', async () => {
    app = await launchApp()
    const { page } = app
    await openMajorDecisions(app)

    await select(app, 'b002', 0, 26)
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Add note' })
      .click()
    const editor = page.getByRole('textbox', { name: /^Note/ })
    await editor.fill('The **first** of the four aspects')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(async () => (await app!.services.annotations.list()).map((p) => p.annotation.note))
      .toEqual(['The **first** of the four aspects'])
    await expect.poll(() => highlightCount(app!, 'yellow')).toBe(1)

    await page.locator('[data-block-id="b003"]').focus()
    await page.keyboard.press('b')
    await expect
      .poll(() => page.locator('[data-block-id="b003"] .bookmark').getAttribute('aria-pressed'))
      .toBe('true')

    // Side by side, the highlight shows lighter on the aligned Chinese sentence.
    await page.getByRole('radio', { name: 'Side by side' }).click()
    const decisions = await app.services.corpus.get('major-decisions')
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get('hl-yellow-mirror')?.keys() ?? [])].map((r) => `${r}`),
        ),
      )
      .toEqual([decisions.blocks[1]!.pairs![0]!.zh])
    await app.screenshot('annotations-side-by-side')

    await app.restart()
    const again = app.page
    await again.locator('[data-block-id="b002"]').waitFor()
    await expect.poll(() => highlightCount(app!, 'yellow')).toBe(1)
    expect(
      await again.locator('[data-block-id="b003"] .bookmark').getAttribute('aria-pressed'),
    ).toBe('true')
    await again.getByRole('tab', { name: /Notes/ }).click()
    const note = again.locator('[data-annotation-id] .note-text strong')
    expect(await note.textContent()).toBe('first')
    const quote = await again.locator('[data-annotation-id] blockquote').first().textContent()
    expect(quote).toBe(
      // The drag's trailing space is left out of the highlight.
      (await app.services.corpus.get('major-decisions')).blocks[1]!.en.slice(0, 25),
    )
    await app.screenshot('annotations-after-restart')
    expect(app.pageErrors).toEqual([])
  })

  it(`renders ${XSS_PAYLOADS.length} hostile notes inert, and exports and imports them unchanged`, async () => {
    app = await launchApp()
    const { page } = app
    await openMajorDecisions(app)
    const block = (await app.services.corpus.get('major-decisions')).blocks[1]!
    for (const [i, note] of XSS_PAYLOADS.entries()) {
      await app.services.annotations.create({
        id: `xss-${String(i).padStart(5, '0')}`,
        kind: 'note',
        anchor: {
          docId: 'major-decisions',
          blockId: block.id,
          lang: 'en',
          start: 0,
          end: 10,
          quote: block.en.slice(0, 10),
          prefix: '',
          suffix: block.en.slice(10, 42),
        },
        color: null,
        note,
      })
    }
    await app.restart()
    await app.page.getByRole('button', { name: 'Notebook' }).click()
    const dialog = app.page.getByRole('dialog')
    await expect
      .poll(() => dialog.locator('[data-annotation-id]').count())
      .toBe(XSS_PAYLOADS.length)
    await app.page.waitForTimeout(300)
    expect(
      await app.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    ).toBeUndefined()
    // Where the notes and quotes are shown: the app's own icons elsewhere are SVG.
    const rendered = dialog.locator('[data-annotation-id] :is(blockquote, .note-text)')
    expect(
      await rendered
        .locator(
          'script, img, iframe, svg, object, embed, style, form, input[autofocus], details, video, math',
        )
        .count(),
    ).toBe(0)
    expect(await dialog.locator('[data-annotation-id] .note-text').count()).toBe(
      XSS_PAYLOADS.length,
    )
    expect(
      await rendered.locator('a[href^="javascript"], a[href^="data"], a[href^="vbscript"]').count(),
    ).toBe(0)
    const texts = await dialog.locator('.note-text').allTextContents()
    expect(texts.some((t) => t.includes('<script>window.__xss = 1</script>'))).toBe(true)
    await app.screenshot('notebook-hostile-notes')

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export JSON' }).click(),
    ])
    const content = await readFile((await download.path())!, 'utf8')
    for (const payload of XSS_PAYLOADS)
      expect(content).toContain(JSON.stringify(payload).slice(1, -1))

    other = await launchApp()
    await other.page.getByRole('button', { name: 'Notebook' }).click()
    const otherDialog = other.page.getByRole('dialog')
    await otherDialog.locator('input[type="file"]').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    })
    await expect
      .poll(() => otherDialog.getByRole('status').first().textContent())
      .toContain(`${XSS_PAYLOADS.length} new, 0 updated, 0 unchanged, 0 invalid`)
    await otherDialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect
      .poll(() => otherDialog.locator('[data-annotation-id]').count())
      .toBe(XSS_PAYLOADS.length)
    const imported = (await other.services.annotations.list()).map((p) => p.annotation.note).sort()
    expect(imported).toEqual([...XSS_PAYLOADS].sort())
    expect(
      await other.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    ).toBeUndefined()
  })

  it('refuses a malformed import with a message and changes nothing', async () => {
    app = await launchApp()
    await app.page.getByRole('button', { name: 'Notebook' }).click()
    const dialog = app.page.getByRole('dialog')
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "something else"}'),
    })
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('This file cannot be imported, nothing was changed')
    expect(await app.services.annotations.list()).toEqual([])
  })

  it('deletes with undo', async () => {
    app = await launchApp()
    const { page } = app
    await openMajorDecisions(app)
    await page.locator('[data-block-id="b004"]').focus()
    await page.keyboard.press('b')
    await page.getByRole('tab', { name: /Notes/ }).click()
    await page.getByRole('button', { name: 'Bookmark: more actions' }).click()
    await page.getByRole('menuitem', { name: 'Delete' }).click()
    await expect.poll(() => page.locator('[data-annotation-id]').count()).toBe(0)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.locator('[data-annotation-id]').count()).toBe(1)
    // The list shows the restored bookmark at once; main has it once its answer is back.
    await expect.poll(async () => (await app!.services.annotations.list()).length).toBe(1)
  })
  it('tells the user when the annotations file was damaged, keeping it aside and restoring the backup', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reader-corrupt-'))
    const good = JSON.stringify({ version: 1, annotations: [] })
    await writeFile(join(dataDir, 'annotations.json.bak-1'), good)
    await writeFile(join(dataDir, 'annotations.json'), '{"version":1,"annotations":[{"id":"trunc')
    app = await launchApp({ dataDir })
    const alert = app.page.getByRole('alert').filter({ hasText: 'notes and bookmarks' })
    // The notice follows the first data calls, which take seconds on a busy machine.
    await alert.waitFor()
    await expect
      .poll(() => alert.textContent())
      .toMatch(/could not be read .* set aside as .*annotations\.json\.corrupt-/)
    expect((await readdir(dataDir)).some((f) => f.startsWith('annotations.json.corrupt-'))).toBe(
      true,
    )
    expect(await readFile(join(dataDir, 'annotations.json'), 'utf8')).toContain('"annotations": []')
    await app.screenshot('notice-corrupt-annotations')
  })
})
