// `npm run bench:first-paint -- [--before <renderer dir>]... [--runs N] [--json]`: how long the
// app takes, from navigation, to paint the first paragraph of the document it reopens at start.
// With `--before`, other builds of the renderer (e.g. the previous release's `out/renderer`, copied
// aside) are measured in the same run, alternating with this one, so all see the same machine.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { dispatch } from '../electron/core/dispatch.ts'
import { closeBrowser, launchApp } from '../tests/e2e/harness.ts'

const { values } = parseArgs({
  options: {
    before: { type: 'string', multiple: true },
    runs: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
const DOC = 'major-decisions'
const SETTLE_MS = 2000

// Stamps the time of the frame after the first paragraph of the reader is in the page.
const PROBE = `(() => {
  const seen = () => {
    if (!document.querySelector('[data-block-id] .text')) return
    observer.disconnect()
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstParagraphMs = performance.now() }))
  }
  const observer = new MutationObserver(seen)
  observer.observe(document, { childList: true, subtree: true })
})()`

interface Sample {
  /** From navigation to the frame after the first paragraph. */
  paintMs: number
  /**
   * The page's main thread busy meanwhile (Chromium's TaskDuration): the work the build asks of the
   * page, which other processes on a loaded machine inflate far less than the wall-clock time.
   */
  busyMs: number
}

async function measure(rendererDir: string | undefined, osLocale: string): Promise<Sample> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-paint-'))
  const app = await launchApp({
    dataDir,
    osLocale,
    initScript: PROBE,
    ...(rendererDir ? { rendererDir } : {}),
  })
  try {
    // The library the app opened on first settles (its workers fetch the search index and the
    // dictionary after it paints), so that the reopen is measured on a quiet app, as at a start.
    await app.page.waitForLoadState('networkidle')
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const set = await dispatch(app.services.handlers, 'settings:set', { lastDocId: DOC })
    if (!set.ok) throw new Error(`settings:set refused: ${set.error.message}`)
    const cdp = await app.page.context().newCDPSession(app.page)
    await cdp.send('Performance.enable')
    const busy = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000
    }
    const busyBefore = await busy()
    await app.page.reload()
    const stamp = await app.page.waitForFunction(
      () => (window as unknown as { __firstParagraphMs?: number }).__firstParagraphMs,
    )
    const busyMs = (await busy()) - busyBefore
    return { paintMs: (await stamp.jsonValue()) as number, busyMs }
  } finally {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

// English and Hong Kong systems: the second shows its Chinese converted to Traditional.
const LOCALES = ['en-US', 'zh-HK']
const builds: Array<[string, string | undefined]> = [
  ...(values.before ?? []).map(
    (dir, i, all) => [all.length > 1 ? `before ${i + 1}` : 'before', dir] as [string, string],
  ),
  ['this build', undefined],
]
const samples = new Map<string, Sample[]>()
for (let i = 0; i < runs; i++) {
  for (const [name, dir] of builds) {
    for (const locale of LOCALES) {
      const key = `${name} · ${locale}`
      samples.set(key, [...(samples.get(key) ?? []), await measure(dir, locale)])
    }
  }
}
await closeBrowser()
const result = Object.fromEntries(
  [...samples].map(([key, all]) => {
    const paint = all.map((s) => s.paintMs)
    const busy = all.map((s) => s.busyMs)
    return [
      key,
      {
        medianMs: Math.round(median(paint)),
        minMs: Math.round(Math.min(...paint)),
        busyMedianMs: Math.round(median(busy)),
        busyMinMs: Math.round(Math.min(...busy)),
        runs: all.length,
      },
    ]
  }),
)
if (values.json) console.log(JSON.stringify(result))
else {
  console.log(`first paragraph painted, from navigation (${runs} runs each, alternating):`)
  for (const [key, r] of Object.entries(result))
    console.log(
      `  ${key.padEnd(24)} median ${r.medianMs} ms, best ${r.minMs} ms;` +
        ` main thread busy: median ${r.busyMedianMs} ms, least ${r.busyMinMs} ms`,
    )
}
