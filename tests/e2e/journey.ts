import type { Locator, Page } from 'playwright-core'

/**
 * What a person sees, asked of the page without changing it: journey specs drive the app with
 * `page.keyboard` and clicks on visible elements only, and check their claims with these.
 */

/** Whether the element is inside the viewport and is the topmost element at its centre. */
export async function seenOnTop(locator: Locator): Promise<boolean> {
  await locator.waitFor({ state: 'visible' })
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) return false
    const x = rect.left + rect.width / 2
    const y = rect.top + rect.height / 2
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false
    const top = document.elementFromPoint(x, y)
    return top !== null && (top === element || element.contains(top) || top.contains(element))
  })
}

/** The focused element, described as a person would point at it: its role or tag and its name. */
export function focused(page: Page): Promise<{
  tag: string
  role: string | null
  name: string
  inDialog: boolean
}> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    const name =
      element?.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement ? element.placeholder : null) ??
      element?.textContent?.trim() ??
      ''
    return {
      tag: element?.tagName.toLowerCase() ?? 'none',
      role: element?.getAttribute('role') ?? null,
      name,
      inDialog: Boolean(element?.closest('[role="dialog"]')),
    }
  })
}

/** Switches the UI language with the toolbar's language buttons, as a person would. */
export async function switchUi(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  const label = locale === 'en' ? 'English' : '中文'
  await page
    .getByRole('group', { name: /^(Interface language|界面语言)$/ })
    .getByRole('button', { name: label, exact: true })
    .click()
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' })
}

/** The UI languages every journey is played in. */
export const UI_LOCALES = ['en', 'zh-CN'] as const
export type JourneyLocale = (typeof UI_LOCALES)[number]

/** The OS locale that makes the app start in a UI language. */
export const OS_LOCALE: Record<JourneyLocale, string> = { en: 'en-US', 'zh-CN': 'zh-CN' }
