import { mkdtemp, readFile, mkdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { dispatch } from '../../electron/core/dispatch.ts'
import { createServices, type AppServices } from '../../electron/core/services.ts'
import type { EventChannel } from '../../electron/shared/contract.ts'
import { installFakeSpeech, type FakeVoices } from '../support/fake-speech.ts'
import { findChromium } from './browser.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const RENDERER_DIR = join(ROOT, 'out/renderer')
const CONTENT_DIR = join(ROOT, 'out/content')
export const ARTIFACTS_DIR = join(ROOT, 'artifacts/e2e')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** Serves the built renderer on 127.0.0.1, as Electron would load it from disk. */
async function serveRenderer(rendererDir: string): Promise<{ server: Server; url: string }> {
  await readFile(join(rendererDir, 'index.html')).catch(() => {
    throw new Error(
      'out/renderer is missing: run `npm run build:app` first (npm run test:e2e does).',
    )
  })
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(rendererDir)) {
      response.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        })
        response.end(body)
      },
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

let bridgeScript: Promise<string> | null = null

/** tests/e2e/bridge-entry.ts bundled for the page: makeApi over a Playwright binding. */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(import.meta.dirname, 'bridge-entry.ts'),
        formats: ['iife'],
        name: 'readerBridge',
      },
    },
  }).then((output) => {
    const result = Array.isArray(output) ? output[0] : output
    if (!result || !('output' in result)) throw new Error('bridge bundle failed')
    const chunk = result.output.find((o) => o.type === 'chunk')
    if (!chunk || chunk.type !== 'chunk') throw new Error('bridge bundle has no chunk')
    return chunk.code
  })
  return bridgeScript
}

let browser: Promise<Browser> | null = null

/**
 * One Chromium for the whole test file (each app gets a fresh context: its own storage, page and
 * bridge), as starting one per test costs a second or more; Playwright ends it with the process.
 */
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return browser
}

/** Ends the shared Chromium: for scripts (benchmarks) that launch apps and must then exit. */
export async function closeBrowser(): Promise<void> {
  const running = browser
  browser = null
  await (await running)?.close()
}

export interface LaunchOptions {
  /** Reuse a data folder to test persistence; a fresh temp folder otherwise. */
  dataDir?: string
  /** The operating system locale the "app" reports (`app:info`), and the browser's. */
  osLocale?: string
  /** Another build of the renderer (a benchmark compares two); `out/renderer` otherwise. */
  rendererDir?: string
  /** Runs in the page before the app's scripts, as a benchmark's probes do. */
  initScript?: string
  /**
   * The browser's speech service faked, with voices or with none (tests/support/fake-speech.ts);
   * left out, Chromium's own, which in headless Chromium has no voice.
   */
  speech?: FakeVoices
}

export interface ReaderApp {
  page: Page
  dataDir: string
  services: AppServices
  /** Uncaught errors the page reported; a spec expects none. */
  pageErrors: string[]
  /** Quits (flushing pending writes) and starts again over the same data folder. */
  restart(): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/**
 * Starts the app as a user gets it: the built renderer in Chromium, talking through `window.reader`
 * (built by the same `makeApi` as the preload) to the REAL main-process services over `dataDir`.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<ReaderApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'reader-e2e-')))
  const osLocale = options.osLocale ?? 'en-US'
  const [{ server, url }, script] = await Promise.all([
    serveRenderer(resolve(options.rendererDir ?? RENDERER_DIR)),
    bundleBridge(),
  ])
  const browser = await sharedBrowser()
  let context: BrowserContext
  let services: AppServices

  const start = async () => {
    services = createServices({
      contentDir: CONTENT_DIR,
      dataDir,
      appInfo: {
        name: 'Jiangmen Reader',
        version: '0.0.0-e2e',
        platform: process.platform,
        osLocale,
      },
    })
    context = await browser.newContext({ locale: osLocale, viewport: { width: 1200, height: 800 } })
    const handlers = services.handlers
    await context.exposeBinding('__readerInvoke', (_source, channel: unknown, payload: unknown) =>
      dispatch(handlers, channel, payload),
    )
    await context.addInitScript({ content: script })
    if (options.initScript) await context.addInitScript({ content: options.initScript })
    if (options.speech) await context.addInitScript(installFakeSpeech, { voices: options.speech })
    const page = await context.newPage()
    page.on('pageerror', (error) => app.pageErrors.push(error.message))
    // As main/index.ts sends them to the window.
    const send = (channel: EventChannel, payload: unknown) =>
      void page
        .evaluate(([c, p]) => window.__readerEmit(c, p), [channel, payload] as const)
        .catch(() => undefined)
    services.annotations.onPlaced((placements) => send('annotations:placed', { placements }))
    services.onStorageChange((state) => send('app:storage', state))
    services.imports.onProgress((progress) => send('documents:progress', progress))
    await page.goto(url)
    return page
  }

  const app: ReaderApp = {
    pageErrors: [],
    page: undefined as unknown as Page,
    dataDir,
    get services() {
      return services
    },
    async restart() {
      await services.flush()
      await context.close()
      app.page = await start()
    },
    async screenshot(name: string) {
      await mkdir(ARTIFACTS_DIR, { recursive: true })
      const path = join(ARTIFACTS_DIR, `${name}.png`)
      await app.page.screenshot({ path, fullPage: false })
      return path
    },
    async close() {
      await services.flush()
      await context.close()
      await new Promise((done) => server.close(done))
    },
  }
  app.page = await start()
  return app
}
