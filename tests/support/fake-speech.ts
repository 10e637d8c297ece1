/** Which voices the faked speech service offers: English, Mandarin and Cantonese, or none. */
export type FakeVoices = 'fake-voices' | 'no-voices'

export interface FakeSpeechOptions {
  voices: FakeVoices
  /** How long a letter takes to speak at rate 1, in milliseconds; a Chinese character, four times. */
  msPerChar?: number
}

/**
 * Replaces the browser's speech service (`speechSynthesis`, `SpeechSynthesisUtterance`) with one
 * that speaks in silence on timers: `start`, a `boundary` per word and `end`, timed in proportion
 * to the text (a Chinese character is a syllable, as long as a few letters) and the rate; pause, resume and cancel honoured as Chromium does (a pause outlives a
 * cancel). Voices arrive late, after `voiceschanged`, as in Chromium. Self-contained: the E2E
 * harness hands this function to `addInitScript`, which runs its source in the page.
 */
export function installFakeSpeech(options: FakeSpeechOptions): void {
  const msPerChar = options.msPerChar ?? 5
  const voices =
    options.voices === 'fake-voices'
      ? [
          { name: 'Fake English', lang: 'en-US', default: true },
          { name: 'Fake Mandarin', lang: 'zh-CN', default: false },
          { name: 'Fake Cantonese', lang: 'zh-HK', default: false },
        ].map((v) => ({ ...v, voiceURI: v.name, localService: true }))
      : []
  type Kind = 'start' | 'end' | 'error' | 'boundary' | 'pause' | 'resume'
  type Handler = ((event: Event) => void) | null

  class FakeUtterance extends EventTarget {
    text: string
    lang = ''
    voice: (typeof voices)[number] | null = null
    rate = 1
    pitch = 1
    volume = 1
    onstart: Handler = null
    onend: Handler = null
    onerror: Handler = null
    onboundary: Handler = null
    onpause: Handler = null
    onresume: Handler = null
    constructor(text = '') {
      super()
      this.text = text
    }
    emit(kind: Kind, detail: Record<string, unknown> = {}): void {
      const event = Object.assign(new Event(kind), { utterance: this, charIndex: 0, ...detail })
      this.dispatchEvent(event)
      this[`on${kind}`]?.(event)
    }
  }

  class FakeSynthesis extends EventTarget {
    onvoiceschanged: Handler = null
    paused = false
    private queue: FakeUtterance[] = []
    private timers: Array<ReturnType<typeof setTimeout>> = []
    private loaded = false
    /** Of the utterance being spoken: how long it takes, and how much of it was spoken before. */
    private total = 0
    private elapsed = 0
    private resumedAt = 0

    constructor() {
      super()
      setTimeout(() => {
        this.loaded = true
        const event = new Event('voiceschanged')
        this.dispatchEvent(event)
        this.onvoiceschanged?.(event)
      }, 50)
    }
    get speaking(): boolean {
      return this.queue.length > 0
    }
    get pending(): boolean {
      return this.queue.length > 1
    }
    getVoices() {
      return this.loaded ? [...voices] : []
    }
    speak(utterance: FakeUtterance): void {
      this.queue.push(utterance)
      if (this.queue.length === 1 && !this.paused) this.begin()
    }
    pause(): void {
      if (this.paused) return
      this.paused = true
      const current = this.queue[0]
      if (!current || !this.timers.length) return
      this.elapsed += Date.now() - this.resumedAt
      this.clear()
      current.emit('pause')
    }
    resume(): void {
      if (!this.paused) return
      this.paused = false
      const current = this.queue[0]
      if (!current) return
      if (this.total === 0) return this.begin()
      current.emit('resume')
      this.schedule(current)
    }
    cancel(): void {
      const current = this.queue[0]
      const started = this.total > 0
      this.clear()
      this.queue = []
      this.total = 0
      if (current && started) current.emit('error', { error: 'interrupted' })
    }
    private begin(): void {
      const current = this.queue[0]
      if (!current) return
      const syllables = current.text.match(/\p{Script=Han}/gu)?.length ?? 0
      const length = current.text.length + 3 * syllables
      this.total = Math.max(200, (length * msPerChar) / current.rate)
      this.elapsed = 0
      current.emit('start')
      this.schedule(current)
    }
    private schedule(current: FakeUtterance): void {
      this.resumedAt = Date.now()
      const at = (charIndex: number) => (charIndex / current.text.length) * this.total
      for (const word of current.text.matchAll(/\S+/g)) {
        const when = at(word.index)
        if (when < this.elapsed) continue
        this.timers.push(
          setTimeout(
            () => current.emit('boundary', { name: 'word', charIndex: word.index }),
            when - this.elapsed,
          ),
        )
      }
      this.timers.push(setTimeout(() => this.finish(current), this.total - this.elapsed))
    }
    private finish(current: FakeUtterance): void {
      this.clear()
      this.queue.shift()
      this.total = 0
      current.emit('end', { charIndex: current.text.length })
      if (!this.paused) this.begin()
    }
    private clear(): void {
      this.timers.forEach(clearTimeout)
      this.timers = []
    }
  }

  Object.defineProperty(window, 'speechSynthesis', {
    value: new FakeSynthesis(),
    configurable: true,
  })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
    writable: true,
  })
}
