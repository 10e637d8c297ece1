import { onBeforeUnmount, onMounted } from 'vue'

/**
 * A key as written in a shortcut table: `j`, `Shift+p`, `[`, `Escape`, `Mod+k` (Ctrl, or ⌘ on macOS).
 */
export type Shortcut = string

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function shortcutOf(event: KeyboardEvent): Shortcut {
  const mod = event.ctrlKey || event.metaKey
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  if (mod) return `Mod+${key}`
  // A letter with Shift is a key of its own; other characters (`?`, `[`) are what Shift made.
  return event.shiftKey && /^[a-z]$/.test(key) ? `Shift+${key}` : key
}

/**
 * Binds keys for as long as the calling component lives. Single keys do nothing while the user
 * types in a field; Escape and Mod+ combinations work everywhere.
 */
export function useShortcuts(table: () => Record<Shortcut, () => void>): void {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey) return
    const shortcut = shortcutOf(event)
    const typing = isEditable(event.target)
    if (typing && !shortcut.startsWith('Mod+') && shortcut !== 'Escape') return
    const action = table()[shortcut]
    if (!action) return
    event.preventDefault()
    action()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
