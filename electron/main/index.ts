import { app, BrowserWindow, dialog, ipcMain } from 'electron'
import { join } from 'node:path'
import { createServices } from '../core/services.ts'
import { uiLocaleFor } from '../shared/locale.ts'
import { APP_ORIGIN, isAppSchemeUrl, registerAppScheme, serveAppScheme } from './app-protocol.ts'
import { pickImportFiles } from './file-picker.ts'
import { registerIpc } from './ipc.ts'
import { installMenu } from './menu.ts'
import { enforceSecurityRules } from './security.ts'
import { createMainWindow } from './window.ts'

const rendererDevUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const rendererDir = join(import.meta.dirname, '../renderer')
const devOrigin = rendererDevUrl ? new URL(rendererDevUrl).origin : null

function isAppUrl(url: string): boolean {
  if (!devOrigin) return isAppSchemeUrl(url)
  try {
    return new URL(url).origin === devOrigin
  } catch {
    return false
  }
}

// Must happen before the app is ready.
registerAppScheme()

// A second launch hands over to the first instance, which comes to the front.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void start()
}

async function start(): Promise<void> {
  await app.whenReady()
  serveAppScheme(rendererDir)
  enforceSecurityRules(isAppUrl)

  const services = createServices({
    contentDir: join(import.meta.dirname, '../content'),
    dataDir: app.getPath('userData'),
    importWorkerFile: join(import.meta.dirname, 'import-worker.js'),
    pickFiles: async () => {
      const locale = (await services.settings.get()).locale ?? uiLocaleFor(app.getLocale())
      return pickImportFiles(dialog, window, locale)
    },
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      osLocale: app.getLocale(),
    },
  })
  const settings = await services.settings.get()

  let window: BrowserWindow | null = null
  registerIpc(ipcMain, services.handlers, (contents) => contents === window?.webContents)
  installMenu(services.settings, () => window)
  services.onStorageChange((state) => window?.webContents.send('app:storage', state))
  services.imports.onProgress((progress) =>
    window?.webContents.send('documents:progress', progress),
  )
  services.annotations.onPlaced((placements) =>
    window?.webContents.send('annotations:placed', { placements }),
  )

  const open = () => {
    window = createMainWindow({
      bounds: settings.window,
      title: app.getName(),
      onBoundsChange: (bounds) => void services.settings.setWindow(bounds),
    })
    window.on('closed', () => (window = null))
    if (rendererDevUrl) void window.loadURL(rendererDevUrl)
    else void window.loadURL(`${APP_ORIGIN}/index.html`)
  }
  open()

  app.on('second-instance', () => {
    if (!window) return open()
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  let flushed = false
  app.on('before-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    void services.flush().finally(() => {
      flushed = true
      app.quit()
    })
  })
}
