import type { ContentLang, UiLocale } from './model.ts'

/** The UI locale for an OS locale such as `zh-Hans-CN`, `zh-TW` or `en-GB`. */
export function uiLocaleFor(osLocale: string): UiLocale {
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** The content language a UI locale reads, for text kept in both (titles, the translator's name). */
export function contentLangOf(locale: string): ContentLang {
  return locale === 'zh-CN' ? 'zh' : 'en'
}
