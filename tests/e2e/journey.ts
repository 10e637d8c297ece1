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

/** What a named highlight (`search-hit`, …) marks in the page, as text. */
export function markedText(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlight) => [...(CSS.highlights.get(highlight)?.keys() ?? [])].map((r) => `${r}`),
    name,
  )
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

/** Where character `index` of a block's shown text is on screen; reads the page, changes nothing. */
export function charPoint(
  page: Page,
  blockId: string,
  index: number,
  edge: 'start' | 'middle',
  lang: 'en' | 'zh-CN' | null = null,
) {
  return page.evaluate(
    ({ blockId, index, edge, lang }) => {
      const text = lang ? `.text[lang="${lang}"]` : '.text'
      const element = document.querySelector(`[data-block-id="${blockId}"] ${text}`)!
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      let seen = 0
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        if (node.parentElement?.closest('[role="tooltip"], button')) continue
        if (index < seen + node.data.length) {
          const range = document.createRange()
          range.setStart(node, index - seen)
          range.setEnd(node, index - seen + 1)
          const rect = range.getBoundingClientRect()
          return {
            x: edge === 'start' ? rect.left + 1 : rect.left + rect.width / 2,
            y: rect.top + rect.height / 2,
          }
        }
        seen += node.data.length
      }
      throw new Error(`no character ${index} in ${blockId}`)
    },
    { blockId, index, edge, lang },
  )
}

/** A mouse drag from one character to the middle of another, as a person selects text. */
export async function drag(
  page: Page,
  from: { blockId: string; index: number },
  to: { blockId: string; index: number },
  lang: 'en' | 'zh-CN' | null = null,
) {
  const start = await charPoint(page, from.blockId, from.index, 'start', lang)
  const end = await charPoint(page, to.blockId, to.index, 'middle', lang)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(end.x, end.y, { steps: 12 })
  await page.mouse.up()
}

/** The UI languages every journey is played in. */
export const UI_LOCALES = ['en', 'zh-CN'] as const
export type JourneyLocale = (typeof UI_LOCALES)[number]

/** The OS locale that makes the app start in a UI language. */
export const OS_LOCALE: Record<JourneyLocale, string> = { en: 'en-US', 'zh-CN': 'zh-CN' }
