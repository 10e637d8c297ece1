import { describe, expect, it } from 'vitest'
import { parseInline, parseNote, safeHref } from '../../../../src/notes/markdown.ts'

describe('note Markdown subset', () => {
  it('reads bold, italic, code and https links', () => {
    expect(parseInline('a **b** *c* `d` [e](https://example.org/x)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', text: 'b' },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'c' },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'd' },
      { type: 'text', text: ' ' },
      { type: 'link', text: 'e', href: 'https://example.org/x' },
    ])
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,x',
    'http://example.org',
    'vbscript:x',
    'https://u:p@example.org',
  ])('keeps a %s link as plain text', (href) => {
    expect(safeHref(href)).toBeNull()
    const parts = parseInline(`[x](${href})`)
    expect(parts.every((p) => p.type === 'text')).toBe(true)
    expect(parts.map((p) => p.text).join('')).toBe(`[x](${href})`)
  })

  it('splits paragraphs and lists, keeping line breaks', () => {
    expect(parseNote('one\ntwo\n\n- a\n- b')).toEqual([
      { type: 'p', lines: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'ul', items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]] },
    ])
  })

  it('leaves markup as text', () => {
    expect(parseNote('<script>alert(1)</script>')).toEqual([
      { type: 'p', lines: [[{ type: 'text', text: '<script>alert(1)</script>' }]] },
    ])
  })
})
