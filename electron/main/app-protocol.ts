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
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    // A malformed escape such as `%E0%A4%A` names no file: answer 404 like any other miss.
    return null
  }
  const file = normalize(`${rendererDir}${sep}${path === '/' ? 'index.html' : path}`)
  return file.startsWith(`${normalize(rendererDir)}${sep}`) ? file : null
}

/**
 * The policy of index.html's `<meta>` tag, sent as a header too: a `<meta>` policy covers only its
 * document, so without the header the search worker (its own script response) ran with no policy.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"

/** Answers an app:// request: the file with the CSP header, or 404 for anything outside the folder. */
export async function answerAppRequest(
  rendererDir: string,
  url: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): Promise<Response> {
  const file = resolveAppFile(rendererDir, url)
  if (!file) return new Response('Not found', { status: 404 })
  const response = await fetchFile(pathToFileURL(file).href).catch(() => null)
  if (!response) return new Response('Not found', { status: 404 })
  const headers = new Headers(response.headers)
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  headers.set('X-Content-Type-Options', 'nosniff')
  return new Response(response.body, { status: response.status, headers })
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle('app', (request) =>
    answerAppRequest(rendererDir, request.url, (fileUrl) => net.fetch(fileUrl)),
  )
}
