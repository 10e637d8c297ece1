import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  answerAppRequest,
  CONTENT_SECURITY_POLICY,
  isAppSchemeUrl,
  resolveAppFile,
} from '../../../../electron/main/app-protocol.ts'

// Only the pure path resolution and answers are tested; the real module would try to download Electron here.
vi.mock('electron', () => ({ net: {}, protocol: {} }))

describe('resolveAppFile', () => {
  const dir = '/opt/reader/out/renderer'

  it('maps app://reader/ paths into the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://reader/')).toBe(`${dir}/index.html`)
    expect(resolveAppFile(dir, 'app://reader/assets/index-1.js')).toBe(`${dir}/assets/index-1.js`)
  })

  it.each(['app://reader/../../etc/passwd', 'app://reader/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder',
    (url) => {
      expect(resolveAppFile(dir, url)).toBe(`${dir}/etc/passwd`)
    },
  )

  it.each([
    'app://reader/..%2f..%2f..%2f..%2fetc/passwd',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
    'app://reader/%E0%A4%A',
    'app://reader/assets/%ZZ.js',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(dir, url)).toBeNull()
  })
  it('recognizes the app origin and nothing else', () => {
    expect(isAppSchemeUrl('app://reader/index.html#x')).toBe(true)
    expect(isAppSchemeUrl('app://evil/index.html')).toBe(false)
    expect(isAppSchemeUrl('https://reader/')).toBe(false)
  })
})

describe('answerAppRequest', () => {
  const dir = '/opt/reader/out/renderer'
  const served: string[] = []
  const fetchFile = async (url: string) => {
    served.push(url)
    return new Response('console.log(1)', {
      status: 200,
      headers: { 'content-type': 'text/javascript' },
    })
  }

  it('sends the same CSP as index.html with every file, the search worker included', async () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync(join(import.meta.dirname, '../../../../index.html'), 'utf8'),
    )
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    const response = await answerAppRequest(
      dir,
      'app://reader/assets/search.worker-1.js',
      fetchFile,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('content-type')).toBe('text/javascript')
    expect(await response.text()).toBe('console.log(1)')
    expect(served.at(-1)).toBe(`file://${dir}/assets/search.worker-1.js`)
  })

  it.each(['app://reader/%E0%A4%A', 'app://reader/..%2f..%2fetc/passwd'])(
    'answers 404 for %s without reading anything',
    async (url) => {
      const before = served.length
      expect((await answerAppRequest(dir, url, fetchFile)).status).toBe(404)
      expect(served.length).toBe(before)
    },
  )

  it('answers 404 when the file cannot be read', async () => {
    const missing = () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND'))
    expect((await answerAppRequest(dir, 'app://reader/nope.js', missing)).status).toBe(404)
  })
})
