import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { Block } from '../../../../electron/shared/model.ts'
import BlockView from '../../../../src/components/reader/BlockView.vue'
import ReaderBar from '../../../../src/components/reader/ReaderBar.vue'
import { provideGlossaryMarks } from '../../../../src/composables/useGlossaryMarks.ts'
import { useReadAloudStore } from '../../../../src/stores/read-aloud.ts'
import { useReaderStore } from '../../../../src/stores/reader.ts'
import { useSettingsStore } from '../../../../src/stores/settings.ts'
import { installFakeSpeech, type FakeVoices } from '../../../support/fake-speech.ts'
import { installReader, mountWithPlugins } from '../../../support/renderer.ts'

const blocks: Block[] = [
  {
    id: 'b1',
    type: 'paragraph',
    en: 'Jiangmen is a port. Many of its people live abroad.',
    zh: '江门是港口城市。许多江门人旅居海外。',
  },
  { id: 'b2', type: 'paragraph', en: 'They send letters home.', zh: '他们寄信回乡。' },
]

/** The reader's bar above its paragraphs, as ReaderView lays them out. */
const Reader = defineComponent({
  setup() {
    provideGlossaryMarks()
    return () => h('div', [h(ReaderBar), ...blocks.map((block) => h(BlockView, { block }))])
  },
})

async function mountReader(
  speech: FakeVoices | 'no-service',
  mode: 'en' | 'zh' | 'side-by-side' = 'en',
  msPerChar = 4,
) {
  Reflect.deleteProperty(window, 'speechSynthesis')
  if (speech !== 'no-service') installFakeSpeech({ voices: speech, msPerChar })
  await installReader()
  const { wrapper } = mountWithPlugins(Reader, {}, { attachTo: document.body })
  await useSettingsStore().load()
  await useSettingsStore().update({ readingMode: mode })
  const reader = useReaderStore()
  await reader.open('harbour-notes')
  reader.document = { ...reader.document!, blocks }
  reader.position = { blockId: 'b1', offset: 0, progress: 0 }
  await flushPromises()
  return { wrapper, readAloud: useReadAloudStore() }
}

/** The second paragraph's button, once the pointer is over the paragraph, as a person reaches it. */
async function secondParagraphButton(name: string): Promise<HTMLElement> {
  const paragraph = document.querySelectorAll<HTMLElement>('[data-block-id]')[1]!
  paragraph.dispatchEvent(new Event('pointerenter'))
  await flushPromises()
  return paragraph.querySelector<HTMLElement>(`[aria-label="${name}"]`)!
}
const button = (name: string) => document.querySelector<HTMLElement>(`[aria-label="${name}"]`)
const spokenText = () => useReadAloudStore().current?.text

afterEach(() => {
  useReadAloudStore().stop()
  document.body.innerHTML = ''
})

describe('ReadAloudControls', () => {
  it('reads from the paragraph being read, sentence by sentence, to the end', async () => {
    const { readAloud } = await mountReader('fake-voices')
    const speak = vi.spyOn(window.speechSynthesis, 'speak')
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(spokenText()).toBe('Jiangmen is a port.'))
    expect(readAloud.current).toMatchObject({ blockId: 'b1', lang: 'en', start: 0, end: 19 })
    expect(speak.mock.calls[0]![0]).toMatchObject({
      lang: 'en-US',
      voice: { name: 'Fake English' },
    })
    await vi.waitFor(() => expect(spokenText()).toBe('Many of its people live abroad.'))
    await vi.waitFor(() => expect(spokenText()).toBe('They send letters home.'))
    await vi.waitFor(() => expect(readAloud.status).toBe('idle'))
    expect(speak).toHaveBeenCalledTimes(3)
  })

  it('pauses, resumes and stops, the button saying what it will do', async () => {
    const { readAloud } = await mountReader('fake-voices')
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(button('Pause reading aloud')).not.toBeNull())
    expect(button('Stop reading aloud')).not.toBeNull()

    button('Pause reading aloud')!.click()
    await flushPromises()
    expect(window.speechSynthesis.paused).toBe(true)
    const paused = spokenText()
    await new Promise((done) => setTimeout(done, 300))
    expect(spokenText()).toBe(paused)

    button('Resume reading aloud')!.click()
    await flushPromises()
    expect(window.speechSynthesis.paused).toBe(false)
    await vi.waitFor(() => expect(spokenText()).not.toBe(paused))

    button('Stop reading aloud')!.click()
    await flushPromises()
    expect(readAloud.status).toBe('idle')
    expect(window.speechSynthesis.speaking).toBe(false)
    expect(button('Stop reading aloud')).toBeNull()
    // Its button gone, focus is back on the one that starts reading.
    expect(document.activeElement).toBe(button('Read aloud'))
  })

  it('starts over after a stop made while paused (a pause outlives cancel)', async () => {
    const { readAloud } = await mountReader('fake-voices')
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(readAloud.status).toBe('reading'))
    button('Pause reading aloud')!.click()
    button('Stop reading aloud')!.click()
    await flushPromises()
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(spokenText()).toBe('Many of its people live abroad.'))
  })

  it('remembers the speed and reads the current sentence again at it', async () => {
    const { wrapper } = await mountReader('fake-voices')
    const speak = vi.spyOn(window.speechSynthesis, 'speak')
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(speak).toHaveBeenCalledTimes(1))
    await wrapper.get('select[aria-label="Reading speed"]').setValue('1.5')
    expect(speak.mock.calls.at(-1)![0]).toMatchObject({ text: 'Jiangmen is a port.', rate: 1.5 })
    await vi.waitFor(async () =>
      expect(await window.reader.settings.get()).toMatchObject({ value: { readAloudRate: 1.5 } }),
    )
  })

  it('reads one paragraph from its actions, in the language shown, with Cantonese if chosen', async () => {
    const { readAloud } = await mountReader('fake-voices', 'zh')
    await useSettingsStore().update({ chineseVoice: 'cantonese' })
    const speak = vi.spyOn(window.speechSynthesis, 'speak')
    ;(await secondParagraphButton('Read this paragraph aloud')).click()
    await vi.waitFor(() => expect(spokenText()).toBe('他们寄信回乡。'))
    expect(speak.mock.calls[0]![0]).toMatchObject({ lang: 'zh-HK' })
    await vi.waitFor(() => expect(readAloud.status).toBe('idle'))
    expect(speak).toHaveBeenCalledTimes(1)
  })

  it('reads both languages side by side, English then Chinese', async () => {
    await mountReader('fake-voices', 'side-by-side')
    ;(await secondParagraphButton('Read this paragraph aloud')).click()
    await vi.waitFor(() => expect(spokenText()).toBe('They send letters home.'))
    await vi.waitFor(() => expect(spokenText()).toBe('他们寄信回乡。'))
  })

  it('reads on from the paragraph in the other language when the mode changes', async () => {
    // Slow voices: the mode changes while the first sentence is still being read.
    await mountReader('fake-voices', 'en', 60)
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(spokenText()).toBe('Jiangmen is a port.'))
    await useSettingsStore().update({ readingMode: 'zh' })
    await vi.waitFor(() => expect(spokenText()).toBe('江门是港口城市。'))
  })

  it('says Mandarin reads when Cantonese is chosen and the system has no Cantonese voice', async () => {
    await mountReader('fake-voices', 'zh')
    await useSettingsStore().update({ chineseVoice: 'cantonese' })
    await vi.waitFor(() => expect(window.speechSynthesis.getVoices()).toHaveLength(3))
    const cantonese = window.speechSynthesis.getVoices().find((v) => v.lang === 'zh-HK')!
    const others = window.speechSynthesis.getVoices().filter((v) => v !== cantonese)
    vi.spyOn(window.speechSynthesis, 'getVoices').mockReturnValue(others)
    const speak = vi.spyOn(window.speechSynthesis, 'speak')
    button('Read aloud')!.click()
    await vi.waitFor(() => expect(spokenText()).toBe('江门是港口城市。'))
    expect(speak.mock.calls[0]![0]).toMatchObject({ lang: 'zh-CN' })
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      'There is no Cantonese voice on this system: a Mandarin voice reads the Chinese.',
    )
  })

  it.each(['no-voices', 'no-service'] as const)(
    'says there is no voice and how to install one, with %s',
    async (speech) => {
      const { readAloud } = await mountReader(speech, 'side-by-side')
      button('Read aloud')!.click()
      const alert = await vi.waitFor(
        () => {
          const shown = document.querySelector('[role="alert"]')
          if (!shown) throw new Error('no message yet')
          return shown
        },
        { timeout: 3000 },
      )
      expect(alert.textContent).toContain(
        'There is no voice on this system to read English and Chinese aloud.',
      )
      expect(alert.textContent).toContain('install speech-dispatcher and espeak-ng')
      expect(alert.textContent).not.toContain('Windows')
      expect(readAloud.status).toBe('idle')
      button('Dismiss')!.click()
      await flushPromises()
      expect(document.querySelector('[role="alert"]')).toBeNull()
      expect(document.activeElement).toBe(button('Read aloud'))
    },
  )
})
