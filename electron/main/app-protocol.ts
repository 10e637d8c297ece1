import { net, protocol } from 'electron'
import { normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

export const APP_ORIGIN = 'app://reader'

/**
 * The renderer is served from app://reader/ rather than file://: a standard, secure origin, so
 * 'self' in the CSP means our files only and the search Web Worker may load (file:// pages have an
 * opaque origin that cannot start module workers).
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Node's URL gives custom schemes an opaque origin, so compare scheme and host. */
function isAppScheme(url: URL): boolean {
  return url.protocol === 'app:' && url.host === 'reader'
}

export function isAppSchemeUrl(raw: string): boolean {
  try {
    return isAppScheme(new URL(raw))
  } catch {
    return false
  }
}

/** The file an app:// URL names inside the renderer folder; null for anything outside it. */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!isAppScheme(parsed)) return null
  const path = decodeURIComponent(parsed.pathname)
  const file = normalize(`${rendererDir}${sep}${path === '/' ? 'index.html' : path}`)
  return file.startsWith(`${normalize(rendererDir)}${sep}`) ? file : null
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle('app', (request) => {
    const file = resolveAppFile(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).href)
  })
}
