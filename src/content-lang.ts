import type { ContentLang } from '../electron/shared/model.ts'
import { useChineseStore } from './stores/chinese.ts'

/**
 * The BCP 47 tag for text in a content language, for `lang` attributes (fonts, screen readers):
 * Chinese is tagged with the script it is shown in (zh-CN, zh-TW, zh-HK).
 */
export function langAttr(lang: ContentLang): string {
  return useChineseStore().langAttr(lang)
}
