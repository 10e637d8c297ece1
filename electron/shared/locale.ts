import type { UiLocale } from './model.ts'

/** The UI locale for an OS locale such as `zh-Hans-CN`, `zh-TW` or `en-GB`. */
export function uiLocaleFor(osLocale: string): UiLocale {
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
