import type { ContentLang } from '../electron/shared/model.ts'

/** The BCP 47 tag for a content language, for `lang` attributes (fonts, screen readers). */
export function langAttr(lang: ContentLang): 'en' | 'zh-CN' {
  return lang === 'en' ? 'en' : 'zh-CN'
}
