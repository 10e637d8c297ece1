import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../../electron/main/external-links.ts'

describe('isSafeExternalUrl', () => {
  it.each(['https://www.jiangmen.gov.cn/', 'https://example.org/a?b=c#d'])(
    'lets %s open in the browser',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true)
    },
  )

  it.each([
    'http://example.org',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.org',
    'smb://share/x',
    'not a url',
    '',
  ])('keeps %s inside', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
