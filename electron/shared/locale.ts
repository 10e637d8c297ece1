import type { ChineseScript, ContentLang, UiLocale } from './model.ts'

/** Where Chinese is written in Traditional characters, and which convention it follows. */
const TRADITIONAL: Array<[RegExp, ChineseScript]> = [
  [/^zh-(hant-)?(hk|mo)\b/, 'hant-hk'],
  [/^zh-(hant\b|tw\b)/, 'hant-tw'],
]

/** The Chinese script an OS locale writes: `zh-HK` → Hong Kong, `zh-TW` or `zh-Hant` → Taiwan. */
function traditionalScriptOf(osLocale: string): ChineseScript | null {
  const tag = osLocale.toLowerCase().replaceAll('_', '-')
  return TRADITIONAL.find(([pattern]) => pattern.test(tag))?.[1] ?? null
}

/** The UI locale for an OS locale such as `zh-Hans-CN`, `zh-TW`, `zh-HK` or `en-GB`. */
export function uiLocaleFor(osLocale: string): UiLocale {
  if (traditionalScriptOf(osLocale)) return 'zh-TW'
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/**
 * The script Chinese content is shown in when the user has not chosen one: Traditional for a
 * Traditional-Chinese UI, in the convention of the system's region (Hong Kong and Macau, else Taiwan).
 */
export function defaultScriptFor(uiLocale: UiLocale, osLocale: string): ChineseScript {
  if (uiLocale !== 'zh-TW') return 'hans'
  return traditionalScriptOf(osLocale) ?? 'hant-tw'
}

/** The content language a UI locale reads, for text kept in both (titles, the translator's name). */
export function contentLangOf(locale: string): ContentLang {
  return locale.startsWith('zh') ? 'zh' : 'en'
}
