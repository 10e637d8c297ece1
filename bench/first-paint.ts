// `npm run bench:first-paint -- [--before <renderer dir>] [--runs N] [--json]`: how long the app
// takes, from navigation, to paint the first paragraph of the document it reopens at start. With
// `--before`, another build of the renderer (e.g. the previous release's `out/renderer`, copied
// aside) is measured in the same run, alternating with this one, so both see the same machine.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { dispatch } from '../electron/core/dispatch.ts'
import { closeBrowser, launchApp } from '../tests/e2e/harness.ts'

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    runs: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
const DOC = 'major-decisions'

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

async function measure(rendererDir: string | undefined, osLocale: string): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reader-paint-'))
  const app = await launchApp({
    dataDir,
    osLocale,
    initScript: PROBE,
    ...(rendererDir ? { rendererDir } : {}),
  })
  try {
    const set = await dispatch(app.services.handlers, 'settings:set', { lastDocId: DOC })
    if (!set.ok) throw new Error(`settings:set refused: ${set.error.message}`)
    await app.page.reload()
    const stamp = await app.page.waitForFunction(
      () => (window as unknown as { __firstParagraphMs?: number }).__firstParagraphMs,
    )
    return (await stamp.jsonValue()) as number
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
  ...(values.before ? [['before', values.before] as [string, string]] : []),
  ['this build', undefined],
]
const samples = new Map<string, number[]>()
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
  [...samples].map(([key, times]) => [
    key,
    {
      medianMs: Math.round(median(times)),
      minMs: Math.round(Math.min(...times)),
      runs: times.length,
    },
  ]),
)
if (values.json) console.log(JSON.stringify(result))
else {
  console.log(`first paragraph painted, from navigation (${runs} runs each, alternating):`)
  for (const [key, r] of Object.entries(result))
    console.log(`  ${key.padEnd(24)} median ${r.medianMs} ms, best ${r.minMs} ms`)
}
