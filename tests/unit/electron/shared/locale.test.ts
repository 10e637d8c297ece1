import { describe, expect, it } from 'vitest'
import { contentLangOf, defaultScriptFor, uiLocaleFor } from '../../../../electron/shared/locale.ts'

describe('locales from the operating system', () => {
  it('speaks Traditional Chinese to Taiwan, Hong Kong and Macau', () => {
    for (const os of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-HK', 'zh_TW'])
      expect(uiLocaleFor(os), os).toBe('zh-TW')
    for (const os of ['zh-CN', 'zh-SG', 'zh-Hans-CN', 'zh'])
      expect(uiLocaleFor(os), os).toBe('zh-CN')
    for (const os of ['en-US', 'en-GB', 'fr-FR']) expect(uiLocaleFor(os), os).toBe('en')
  })

  it('shows Chinese content in the script of a Traditional UI, in the region’s convention', () => {
    expect(defaultScriptFor('zh-TW', 'zh-HK')).toBe('hant-hk')
    expect(defaultScriptFor('zh-TW', 'zh-MO')).toBe('hant-hk')
    expect(defaultScriptFor('zh-TW', 'zh-TW')).toBe('hant-tw')
    // Chosen by hand on a system that is not Chinese: Taiwan's.
    expect(defaultScriptFor('zh-TW', 'en-US')).toBe('hant-tw')
    expect(defaultScriptFor('zh-CN', 'zh-HK')).toBe('hans')
    expect(defaultScriptFor('en', 'zh-HK')).toBe('hans')
  })

  it('reads titles in Chinese in either Chinese UI', () => {
    expect(contentLangOf('zh-TW')).toBe('zh')
    expect(contentLangOf('zh-CN')).toBe('zh')
    expect(contentLangOf('en')).toBe('en')
  })
})
