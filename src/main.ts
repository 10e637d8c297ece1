import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n.ts'
import { useAnnotationsStore } from './stores/annotations.ts'
import { useGlossaryStore } from './stores/glossary.ts'
import { useNoticesStore } from './stores/notices.ts'
import { useReaderStore } from './stores/reader.ts'
import { useSettingsStore } from './stores/settings.ts'
import './styles/base.css'

async function boot(): Promise<void> {
  const pinia = createPinia()
  const i18n = createAppI18n()
  const app = createApp(App).use(pinia).use(i18n)

  const settings = useSettingsStore(pinia)
  await settings.load()
  watch(
    () => settings.locale,
    (locale) => {
      i18n.global.locale.value = locale
      document.documentElement.lang = locale
    },
    { immediate: true },
  )
  void useGlossaryStore(pinia).load()
  const last = settings.settings?.lastDocId
  if (last) await useReaderStore(pinia).open(last)
  app.mount('#app')
  // Asked for once the page has asked for what it shows first: both read the annotations file,
  // which main parses before it answers (seconds at 100,000), and what is asked after waits for it.
  void useNoticesStore(pinia).loadDataNotices()
  void useAnnotationsStore(pinia).load()
}

void boot()
