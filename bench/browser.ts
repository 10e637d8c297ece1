// `npm run bench:browser`: keystroke → results painted, in the real renderer in Chromium (E2E harness,
// real services, real worker). Types each query of the mix one character at a time and measures,
// inside the page, from the input event to the frame after the results for that text are shown.
import { parseArgs } from 'node:util'
import { closeBrowser, launchApp } from '../tests/e2e/harness.ts'
import { QUERIES } from './queries.ts'

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
const app = await launchApp()
try {
  const { page } = app
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.keyboard.press('Control+k')
  await page.getByRole('dialog').getByRole('combobox').waitFor()
  const samples = await page.evaluate(
    async (queries: string[]) => {
      const input = document.querySelector<HTMLInputElement>('[role="dialog"] [role="combobox"]')!
      const panel = document.querySelector<HTMLElement>('[data-answered]')!
      const frame = () =>
        new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      const shown = (text: string) =>
        new Promise<void>((done) => {
          const check = () =>
            panel.dataset['answered'] === text ? (observer.disconnect(), done()) : undefined
          const observer = new MutationObserver(check)
          observer.observe(panel, { attributes: true, attributeFilter: ['data-answered'] })
          check()
        })
      const times: number[] = []
      for (const query of queries) {
        for (let i = 1; i <= query.length; i++) {
          const text = query.slice(0, i)
          if (!text.trim()) continue
          const started = performance.now()
          input.value = text
          input.dispatchEvent(new Event('input', { bubbles: true }))
          await shown(text)
          await frame()
          times.push(performance.now() - started)
        }
        input.value = ''
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await frame()
      }
      return times
    },
    QUERIES.map((q) => q.text),
  )
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
  const result = {
    keystrokes: samples.length,
    p50Ms: at(50),
    p95Ms: at(95),
    targetP95Under50ms: at(95) < 50,
  }
  if (values.json) console.log(JSON.stringify(result))
  else {
    console.log(`keystroke → results painted, bundled corpus, ${result.keystrokes} keystrokes:`)
    console.log(
      `  p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (target p95 < 50 ms: ${result.targetP95Under50ms ? 'met' : 'MISSED'})`,
    )
  }
} finally {
  await app.close()
  await closeBrowser()
}
