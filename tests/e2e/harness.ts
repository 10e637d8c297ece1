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
const ARTIFACTS_DIR = join(ROOT, 'artifacts/e2e')
const VIEWPORT = { width: 1200, height: 800 }

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
 * One Chromium for the whole test file, as starting one per test costs a second or more;
 * Playwright ends it with the process.
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
  sharedPages.clear()
  const server = sharedServer
  sharedServer = null
  await (await running)?.close()
  const served = (await server)?.server
  if (served) await new Promise((done) => served.close(done))
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
 * A page kept between apps, one per operating-system locale: a new page costs a renderer process
 * (half a second or more here), while an app navigated into a page kept open starts at once. It
 * keeps nothing of the app before it that the app could see: the app keeps its data in main (a
 * fresh folder per app), and the window's state (size, colour scheme, permissions, speech service)
 * is set again for each app. Its binding calls whichever app holds it.
 */
interface SharedPage {
  context: BrowserContext
  page: Page
  url: string
  /** Whether an app holds the page (claimed before any await, so no two apps share it). */
  held: boolean
  handlers: AppServices['handlers'] | null
}
const sharedPages = new Map<string, Promise<SharedPage>>()
let sharedServer: Promise<{ server: Server; url: string }> | null = null

/** The query that tells the shared page's start script which speech service to fake. */
const SPEECH_PARAM = 'e2e-speech'

function sharedPage(browser: Browser, osLocale: string, script: string): Promise<SharedPage> {
  let shared = sharedPages.get(osLocale)
  if (!shared) {
    sharedServer ??= serveRenderer(resolve(RENDERER_DIR))
    shared = (async () => {
      const { url } = await sharedServer!
      const context = await browser.newContext({ locale: osLocale, viewport: VIEWPORT })
      const entry: SharedPage = {
        context,
        page: undefined as unknown as Page,
        url,
        held: false,
        handlers: null,
      }
      await context.exposeBinding(
        '__readerInvoke',
        (_source, channel: unknown, payload: unknown) =>
          entry.handlers
            ? dispatch(entry.handlers, channel, payload)
            : Promise.reject(new Error('no app holds this page')),
      )
      await context.addInitScript({ content: script })
      // The speech service each app asked for: faked as `installFakeSpeech` does, or Chromium's own.
      await context.addInitScript({
        content: `(() => {
          const voices = new URLSearchParams(location.search).get(${JSON.stringify(SPEECH_PARAM)})
          if (voices === 'fake-voices' || voices === 'no-voices')
            (${installFakeSpeech.toString()})({ voices })
        })()`,
      })
      entry.page = await context.newPage()
      return entry
    })()
    sharedPages.set(osLocale, shared)
  }
  return shared
}

/**
 * Starts the app as a user gets it: the built renderer in Chromium, talking through `window.reader`
 * (built by the same `makeApi` as the preload) to the REAL main-process services over `dataDir`.
 * A benchmark (another renderer, a probe) gets a context of its own, as does an app started while
 * another holds the shared page of its locale; a spec's app otherwise starts in that shared page.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<ReaderApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'reader-e2e-')))
  const osLocale = options.osLocale ?? 'en-US'
  const [browser, script] = await Promise.all([sharedBrowser(), bundleBridge()])
  const makeServices = () =>
    createServices({
      contentDir: CONTENT_DIR,
      dataDir,
      appInfo: {
        name: 'Jiangmen Reader',
        version: '0.0.0-e2e',
        platform: process.platform,
        osLocale,
      },
    })
  const shared =
    options.rendererDir || options.initScript ? null : await sharedPage(browser, osLocale, script)
  if (shared && !shared.held) {
    shared.held = true
    return launchShared(shared, options, dataDir, makeServices)
  }
  return launchFresh(browser, script, options, dataDir, osLocale, makeServices)
}

/**
 * Wires main's events to the page, as main/index.ts sends them to the window, until the function
 * it answers is called (the app quit: its services may still report, to no page).
 */
function sendEvents(services: AppServices, page: Page): () => void {
  let open = true
  const send = (channel: EventChannel, payload: unknown) => {
    if (!open) return
    void page
      .evaluate(([c, p]) => window.__readerEmit(c, p), [channel, payload] as const)
      .catch(() => undefined)
  }
  services.annotations.onPlaced((placements) => send('annotations:placed', { placements }))
  services.onStorageChange((state) => send('app:storage', state))
  services.imports.onProgress((progress) => send('documents:progress', progress))
  return () => {
    open = false
  }
}

async function launchShared(
  shared: SharedPage,
  options: LaunchOptions,
  dataDir: string,
  makeServices: () => AppServices,
): Promise<ReaderApp> {
  // A page a test closed (or that crashed) is replaced.
  if (shared.page.isClosed()) shared.page = await shared.context.newPage()
  const { page, context } = shared
  let services: AppServices
  const onError = (error: Error) => app.pageErrors.push(error.message)
  const query = options.speech ? `?${SPEECH_PARAM}=${options.speech}` : ''
  let quiet = () => {}
  const start = async () => {
    services = makeServices()
    shared.handlers = services.handlers
    quiet = sendEvents(services, page)
    await page.goto(shared.url + query)
  }
  /** Leaves the page blank, so that nothing of this app calls its services after it quits. */
  const stop = async () => {
    quiet()
    await services.flush()
    await page.goto('about:blank')
  }
  // As a fresh context has them.
  await Promise.all([
    page.setViewportSize(VIEWPORT),
    page.emulateMedia({ colorScheme: 'light' }),
    context.clearPermissions(),
  ])
  page.on('pageerror', onError)
  const app: ReaderApp = {
    pageErrors: [],
    page,
    dataDir,
    get services() {
      return services
    },
    async restart() {
      await stop()
      await start()
    },
    screenshot: (name) => screenshot(page, name),
    async close() {
      await stop()
      page.off('pageerror', onError)
      shared.handlers = null
      shared.held = false
    },
  }
  await start()
  return app
}

async function launchFresh(
  browser: Browser,
  script: string,
  options: LaunchOptions,
  dataDir: string,
  osLocale: string,
  makeServices: () => AppServices,
): Promise<ReaderApp> {
  const { server, url } = await serveRenderer(resolve(options.rendererDir ?? RENDERER_DIR))
  let context: BrowserContext
  let services: AppServices
  let quiet = () => {}

  const start = async () => {
    services = makeServices()
    context = await browser.newContext({ locale: osLocale, viewport: VIEWPORT })
    const handlers = services.handlers
    await context.exposeBinding('__readerInvoke', (_source, channel: unknown, payload: unknown) =>
      dispatch(handlers, channel, payload),
    )
    await context.addInitScript({ content: script })
    if (options.initScript) await context.addInitScript({ content: options.initScript })
    if (options.speech) await context.addInitScript(installFakeSpeech, { voices: options.speech })
    const page = await context.newPage()
    page.on('pageerror', (error) => app.pageErrors.push(error.message))
    quiet = sendEvents(services, page)
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
      quiet()
      await services.flush()
      await context.close()
      app.page = await start()
    },
    screenshot: (name) => screenshot(app.page, name),
    async close() {
      quiet()
      await services.flush()
      await context.close()
      await new Promise((done) => server.close(done))
    },
  }
  app.page = await start()
  return app
}

async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true })
  const path = join(ARTIFACTS_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}
