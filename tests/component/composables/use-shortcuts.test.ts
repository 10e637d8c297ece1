import { describe, expect, it } from 'vitest'
import { shortcutOf } from '../../../src/composables/useShortcuts.ts'

const key = (init: KeyboardEventInit) => shortcutOf(new KeyboardEvent('keydown', init))

describe('shortcutOf', () => {
  it('tells Shift with a letter from the letter alone (r reads aloud, Shift+R stops)', () => {
    expect(key({ key: 'r' })).toBe('r')
    expect(key({ key: 'R', shiftKey: true })).toBe('Shift+r')
  })

  it('reads a letter typed with Caps Lock as the letter', () => {
    expect(key({ key: 'J' })).toBe('j')
  })

  it('keeps Shift inside the key for symbols, and Mod for Ctrl or ⌘ with or without Shift', () => {
    expect(key({ key: '?', shiftKey: true })).toBe('?')
    expect(key({ key: 'K', ctrlKey: true, shiftKey: true })).toBe('Mod+k')
    expect(key({ key: 'f', metaKey: true })).toBe('Mod+f')
    expect(key({ key: 'Escape', shiftKey: true })).toBe('Escape')
  })
})
