import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Settings, SettingsPatch, UiLocale } from '../../electron/shared/model.ts'
import { useApi } from '../api.ts'
import { uiLocaleFor } from '../../electron/shared/locale.ts'
import { useNoticesStore } from './notices.ts'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const osLocale = ref('en')
  /** The operating system (Node's `process.platform`): what to tell a user about installing voices. */
  const platform = ref('')
  const notices = useNoticesStore()

  /** What the UI speaks: the user's choice, else the operating system's language. */
  const locale = computed<UiLocale>(() => settings.value?.locale ?? uiLocaleFor(osLocale.value))

  async function load(): Promise<void> {
    const api = useApi()
    const [info, loaded] = await Promise.all([api.app.info(), api.settings.get()])
    if (info.ok) {
      osLocale.value = info.value.osLocale
      platform.value = info.value.platform
    }
    if (loaded.ok) settings.value = loaded.value
    else notices.pushError(loaded.error)
  }

  /** Applies the change at once and rolls it back if main refuses to store it. */
  async function update(patch: SettingsPatch): Promise<boolean> {
    const previous = settings.value
    if (previous) settings.value = { ...previous, ...patch }
    const saved = await useApi().settings.set(patch)
    if (saved.ok) {
      settings.value = saved.value
      return true
    }
    settings.value = previous
    notices.pushError(saved.error)
    return false
  }

  return { settings, osLocale, platform, locale, load, update }
})
