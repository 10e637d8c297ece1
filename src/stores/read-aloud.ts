import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ContentLang, ReadAloudRate } from '../../electron/shared/model.ts'
import {
  isCantonese,
  readingQueue,
  voiceFor,
  type ReadScope,
  type Utterance,
} from '../reader/read-aloud.ts'
import { useReaderStore } from './reader.ts'
import { useSettingsStore } from './settings.ts'

/**
 * Chromium lists its voices only after `voiceschanged`, a moment after the first ask; a system
 * with no voice never sends it. Past this wait, no voice means none is installed.
 */
const VOICES_WAIT_MS = 1500

function speechService(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window
    ? window.speechSynthesis
    : null
}

function loadVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices()
  if (now.length) return Promise.resolve(now)
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      synth.removeEventListener('voiceschanged', done)
      resolve(synth.getVoices())
    }
    const timer = setTimeout(done, VOICES_WAIT_MS)
    synth.addEventListener('voiceschanged', done)
  })
}

/**
 * Reads the document aloud with the system's voices (Web Speech API), one sentence an utterance,
 * each in the language its block shows: the sentence being read, and the languages nothing can read.
 */
export const useReadAloudStore = defineStore('readAloud', () => {
  const reader = useReaderStore()
  const settings = useSettingsStore()
  const status = ref<'idle' | 'starting' | 'reading' | 'paused'>('idle')
  const queue = shallowRef<Utterance[]>([])
  const index = ref(0)
  let scope: ReadScope = 'to-end'
  /** Languages that were to be read but have no voice on this system (or no speech at all). */
  const missing = ref<ContentLang[]>([])
  /** Cantonese was chosen for Chinese, but the system has no Cantonese voice: Mandarin reads. */
  const noCantonese = ref(false)
  const voices = new Map<ContentLang, SpeechSynthesisVoice>()
  /** Bumped on every utterance and stop, so events of one that was cut off are ignored. */
  let generation = 0

  const rate = computed<ReadAloudRate>(() => settings.settings?.readAloudRate ?? 1)
  const current = computed(() =>
    status.value === 'reading' || status.value === 'paused'
      ? (queue.value[index.value] ?? null)
      : null,
  )

  async function start(fromBlockId: string, reading: ReadScope): Promise<void> {
    const doc = reader.document
    if (!doc) return
    stop()
    status.value = 'starting'
    scope = reading
    const all = readingQueue(doc.blocks, fromBlockId, reading, reader.shownLangs)
    const langs = [...new Set(all.map((u) => u.lang))]
    const synth = speechService()
    const found = synth ? await loadVoices(synth) : []
    if (status.value !== 'starting') return
    const chinese = settings.settings?.chineseVoice ?? 'mandarin'
    voices.clear()
    for (const lang of langs) {
      const voice = voiceFor(found, lang, chinese)
      if (voice) voices.set(lang, voice)
    }
    missing.value = langs.filter((lang) => !voices.has(lang))
    const zh = voices.get('zh')
    noCantonese.value = chinese === 'cantonese' && zh !== undefined && !isCantonese(zh)
    queue.value = all.filter((u) => voices.has(u.lang))
    if (!synth || !queue.value.length) {
      status.value = 'idle'
      return
    }
    status.value = 'reading'
    speak(synth, 0)
  }

  function speak(synth: SpeechSynthesis, at: number): void {
    const sentence = queue.value[at]
    if (!sentence) {
      stop()
      return
    }
    index.value = at
    const token = ++generation
    const voice = voices.get(sentence.lang)!
    const utterance = new SpeechSynthesisUtterance(sentence.text)
    utterance.voice = voice
    utterance.lang = voice.lang
    utterance.rate = rate.value
    utterance.onend = () => {
      if (token === generation) speak(synth, at + 1)
    }
    utterance.onerror = (event) => {
      if (token !== generation || event.error === 'interrupted' || event.error === 'canceled')
        return
      // The voice failed to speak (synthesis or audio failure): say so rather than go on silently.
      missing.value = [sentence.lang]
      stop()
    }
    synth.speak(utterance)
  }

  /** The reader bar's button and `r`: read from a paragraph (the one being read), pause, or resume. */
  function toggle(fromBlockId = reader.activeBlockId): void {
    const synth = speechService()
    if (status.value === 'reading' && synth) {
      synth.pause()
      status.value = 'paused'
    } else if (status.value === 'paused' && synth) {
      synth.resume()
      status.value = 'reading'
    } else if (status.value === 'idle' && fromBlockId) {
      void start(fromBlockId, 'to-end')
    }
  }

  function stop(): void {
    generation++
    const synth = speechService()
    if (synth && status.value !== 'idle') {
      synth.cancel()
      // In Chromium a pause outlives cancel(): the next utterance would wait for a resume.
      if (synth.paused) synth.resume()
    }
    status.value = 'idle'
  }

  /** Changes the speed and remembers it; the sentence being read starts again at the new speed. */
  async function setRate(next: ReadAloudRate): Promise<void> {
    const saved = settings.update({ readAloudRate: next })
    const synth = speechService()
    if (status.value === 'reading' && synth) {
      generation++
      synth.cancel()
      speak(synth, index.value)
    }
    await saved
  }

  // What the text shows changed (the mode, a flip): read on from the paragraph in what it now shows.
  watch(
    () => [reader.mode, reader.flipped] as const,
    () => {
      const sentence = current.value
      if (status.value === 'paused') stop()
      else if (sentence) void start(sentence.blockId, scope)
    },
  )

  return {
    status,
    current,
    missing,
    noCantonese,
    rate,
    start,
    toggle,
    stop,
    setRate,
    dismiss: () => {
      missing.value = []
      noCantonese.value = false
    },
  }
})
