import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import type { WindowBounds } from '../shared/model.ts'

const DEFAULT_SIZE = { width: 1200, height: 820 }

export interface WindowOptions {
  bounds: WindowBounds | null
  title: string
  onBoundsChange: (bounds: WindowBounds) => void
}

/** The reader window, with every web preference at its safe value. */
export function createMainWindow({ bounds, title, onBoundsChange }: WindowOptions): BrowserWindow {
  const restored = bounds && isVisibleOnSomeDisplay(bounds) ? bounds : null
  const window = new BrowserWindow({
    ...(restored
      ? { x: restored.x, y: restored.y, width: restored.width, height: restored.height }
      : DEFAULT_SIZE),
    minWidth: 480,
    minHeight: 360,
    title,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      // @see https://www.electronjs.org/docs/latest/tutorial/security#3-enable-context-isolation
      contextIsolation: true,
      // @see https://www.electronjs.org/docs/latest/tutorial/security#4-enable-process-sandboxing
      sandbox: true,
      // @see https://www.electronjs.org/docs/latest/tutorial/security#2-do-not-enable-nodejs-integration-for-remote-content
      nodeIntegration: false,
      // @see https://www.electronjs.org/docs/latest/tutorial/security#6-do-not-disable-websecurity
      webSecurity: true,
      // @see https://www.electronjs.org/docs/latest/tutorial/security#9-do-not-enable-experimental-features
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  if (restored?.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return
    const { x, y, width, height } = window.getNormalBounds()
    onBoundsChange({ x, y, width, height, maximized: window.isMaximized() })
  }
  let timer: NodeJS.Timeout | undefined
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('close', () => {
    clearTimeout(timer)
    save()
  })
  return window
}

function isVisibleOnSomeDisplay(bounds: WindowBounds): boolean {
  return screen.getAllDisplays().some(({ workArea }) => {
    const overlapX =
      Math.min(bounds.x + bounds.width, workArea.x + workArea.width) -
      Math.max(bounds.x, workArea.x)
    const overlapY =
      Math.min(bounds.y + bounds.height, workArea.y + workArea.height) -
      Math.max(bounds.y, workArea.y)
    return overlapX >= 100 && overlapY >= 50
  })
}
