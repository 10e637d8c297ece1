import { describe, expect, it, vi } from 'vitest'
import { isAppSchemeUrl, resolveAppFile } from '../../../../electron/main/app-protocol.ts'

// Only the pure path resolution is tested; the real module would try to download Electron here.
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
  ])('refuses %s', (url) => {
    expect(resolveAppFile(dir, url)).toBeNull()
  })
  it('recognizes the app origin and nothing else', () => {
    expect(isAppSchemeUrl('app://reader/index.html#x')).toBe(true)
    expect(isAppSchemeUrl('app://evil/index.html')).toBe(false)
    expect(isAppSchemeUrl('https://reader/')).toBe(false)
  })
})
