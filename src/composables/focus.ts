/** What keyboard focus can land on inside an element, in Tab order (positive tabindex aside). */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function focusableIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0 && !element.closest('[inert]'),
  )
}

/**
 * Puts focus where the next keystroke is meant to go in a panel just opened: the element marked
 * `autofocus`, else the first field a person types or chooses in, else the first control that is
 * not the panel's close button.
 */
export function focusFirstField(root: Element): void {
  const candidates = focusableIn(root)
  const target =
    root.querySelector<HTMLElement>('[autofocus]') ??
    candidates.find((element) => element.matches('input, select, textarea')) ??
    candidates.find((element) => !element.matches('[data-dialog-close]')) ??
    candidates[0]
  target?.focus()
}
