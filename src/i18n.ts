import { createI18n } from 'vue-i18n'
import en from '../locales/en.json'
import zhCN from '../locales/zh-CN.json'
import zhTW from '../locales/zh-TW.json'
import type { UiLocale } from '../electron/shared/model.ts'

export type MessageSchema = typeof en

declare module 'vue-i18n' {
  // Typed keys: a key missing from en.json is a compile error in `t()`.
  export interface DefineLocaleMessage extends MessageSchema {}
}

const percentFormat = { style: 'percent', maximumFractionDigits: 0 } as const
const shortFormat = { year: 'numeric', month: 'short', day: 'numeric' } as const
const dateFormat = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const

export function createAppI18n(locale: UiLocale = 'en') {
  return createI18n<[MessageSchema], UiLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN, 'zh-TW': zhTW },
    numberFormats: {
      en: { percent: percentFormat },
      'zh-CN': { percent: percentFormat },
      'zh-TW': { percent: percentFormat },
    },
    datetimeFormats: {
      en: { long: dateFormat, short: shortFormat },
      'zh-CN': { long: dateFormat, short: shortFormat },
      'zh-TW': { long: dateFormat, short: shortFormat },
    },
  })
}

type AppI18n = ReturnType<typeof createAppI18n>
