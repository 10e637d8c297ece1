import { onScopeDispose, ref, type Ref } from 'vue'

/**
 * A narrow window: the app bar's buttons show only their icons, and the reader's sidebar is a
 * drawer over the text, so that the text keeps the width.
 */
export const NARROW_WINDOW = '(max-width: 900px)'

/** Whether a media query matches, live, for as long as the calling component or store lives. */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const onChange = (event: MediaQueryListEvent) => (matches.value = event.matches)
  list.addEventListener('change', onChange)
  onScopeDispose(() => list.removeEventListener('change', onChange))
  return matches
}
