import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LocaleSwitch from '../../../src/components/LocaleSwitch.vue'
import { SettingsService } from '../../../electron/core/settings.ts'
import { useSettingsStore } from '../../../src/stores/settings.ts'
import { installReader, mountWithPlugins } from '../../support/renderer.ts'

describe('LocaleSwitch', () => {
  it('marks the OS language as current until the user picks one, then stores the choice', async () => {
    const { services, dataDir } = await installReader({ osLocale: 'zh-Hans-CN' })
    const { wrapper } = mountWithPlugins(LocaleSwitch)
    const settings = useSettingsStore()
    await settings.load()
    await flushPromises()
    const [english, chinese] = wrapper.findAll('button')
    expect(chinese!.attributes('aria-pressed')).toBe('true')
    expect(chinese!.attributes('lang')).toBe('zh-CN')

    await english!.trigger('click')
    await flushPromises()
    expect(english!.attributes('aria-pressed')).toBe('true')
    await services.flush()
    expect((await new SettingsService(dataDir).get()).locale).toBe('en')
  })
})
