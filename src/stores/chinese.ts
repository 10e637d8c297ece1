import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, watch } from 'vue'
import { defaultScriptFor } from '../../electron/shared/locale.ts'
import type { ChineseScript, ContentLang, RubySystem } from '../../electron/shared/model.ts'
import type { AidsMethods } from '../chinese/aids.ts'
import { createAidsClient } from '../chinese/client.ts'
import type { Reading } from '../chinese/readings.ts'
import { SCRIPT_LANG, identityView, type ScriptView } from '../chinese/script.ts'
import { useSettingsStore } from './settings.ts'

/**
 * The worker starts after the page has painted what it has (as authored), so that its start never
 * delays the first paragraph; afterwards requests go at the end of the task that made them.
 */
function afterFirstPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return queueMicrotask(run)
  requestAnimationFrame(() => setTimeout(run, 0))
}

type Job =
  | { kind: 'view'; script: ChineseScript }
  | { kind: 'readings'; script: ChineseScript; system: RubySystem }

const jobKey = (job: Job) => (job.kind === 'view' ? job.script : `${job.script}|${job.system}`)

/**
 * Chinese as the reader wants it: the script it is shown in and the readings over it. Conversions and
 * readings are computed in a worker, once per text and script, and kept; until a text's conversion
 * arrives it is shown as authored, and `converting` says so.
 */
export const useChineseStore = defineStore('chinese', () => {
  const settings = useSettingsStore()
  let client: AidsMethods | null = null
  const views = shallowReactive(new Map<string, ScriptView>())
  const readings = shallowReactive(new Map<string, Reading[]>())
  const requested = new Set<string>()
  const waiting = ref(0)
  const failure = ref<string | null>(null)
  /**
   * Counts what changed the rendered Chinese (conversions and readings that arrived, a change of
   * script or readings): whatever is painted over the text is painted again.
   */
  const revision = ref(0)
  /** Texts asked for in this task, sent to the worker together. */
  const batches = new Map<string, { job: Job; texts: Set<string> }>()

  const script = computed<ChineseScript>(
    () => settings.settings?.chineseScript ?? defaultScriptFor(settings.locale, settings.osLocale),
  )
  const converting = computed(() => waiting.value > 0)
  // A change of script or of readings re-renders the text too, even with nothing to wait for.
  watch([script, () => settings.settings?.ruby], () => revision.value++, { flush: 'sync' })

  /** The reading aids' worker, started on first need. */
  const aids = (): AidsMethods => (client ??= createAidsClient())

  function flush(): void {
    const sending = [...batches.values()]
    batches.clear()
    const client = aids()
    for (const { job, texts } of sending) {
      const list = [...texts]
      waiting.value++
      const done =
        job.kind === 'view'
          ? client
              .views(job.script, list)
              .then((found) =>
                found.forEach((view, i) => views.set(`${job.script}\n${list[i]}`, view)),
              )
          : client
              .readings(job.script, job.system, list)
              .then((found) =>
                found.forEach((r, i) => readings.set(`${jobKey(job)}\n${list[i]}`, r)),
              )
      done
        .catch((error: unknown) => {
          failure.value = error instanceof Error ? error.message : String(error)
          // Asked again on the next need: a failure is not kept.
          for (const text of list) requested.delete(`${jobKey(job)}\n${text}`)
        })
        .finally(() => {
          waiting.value--
          revision.value++
        })
    }
  }

  function request(job: Job, text: string): void {
    const key = `${jobKey(job)}\n${text}`
    if (requested.has(key)) return
    requested.add(key)
    const batchKey = `${job.kind}|${jobKey(job)}`
    if (!batches.size) {
      if (client) queueMicrotask(flush)
      else afterFirstPaint(flush)
    }
    const batch = batches.get(batchKey) ?? { job, texts: new Set<string>() }
    batch.texts.add(text)
    batches.set(batchKey, batch)
  }

  /** Authored Chinese text as shown in the chosen script (as authored until it is converted). */
  function viewOf(text: string, inScript: ChineseScript = script.value): ScriptView {
    if (inScript === 'hans') return identityView(text)
    const found = views.get(`${inScript}\n${text}`)
    if (found) return found
    request({ kind: 'view', script: inScript }, text)
    return identityView(text)
  }

  const show = (text: string): string => viewOf(text).text
  /** Text in a content language, as shown: Chinese in the chosen script. */
  const showIn = (lang: ContentLang, text: string): string => (lang === 'zh' ? show(text) : text)

  /** Readings for each character of the text as shown, or `null` until they arrive. */
  function readingsOf(text: string, system: RubySystem): Reading[] | null {
    const job: Job = { kind: 'readings', script: script.value, system }
    const found = readings.get(`${jobKey(job)}\n${text}`)
    if (found) return found
    request(job, text)
    return null
  }

  /** Text written for the reader to take away (a citation), with its Chinese in the chosen script. */
  async function convert(text: string): Promise<string> {
    if (script.value === 'hans') return text
    const [view] = await aids().views(script.value, [text])
    return view?.text ?? text
  }

  /** The readings shown over a document's Chinese text, if any. */
  const rubyOf = (docId: string): RubySystem | null => settings.settings?.ruby[docId] ?? null

  /** Shows a document's Chinese with readings in `system`, or without if it had them; per document. */
  function toggleRuby(docId: string, system: RubySystem): Promise<boolean> {
    const ruby = { ...(settings.settings?.ruby ?? {}) }
    if (ruby[docId] === system) delete ruby[docId]
    else ruby[docId] = system
    return settings.update({ ruby })
  }

  const setScript = (chosen: ChineseScript) => settings.update({ chineseScript: chosen })

  /** The `lang` attribute of text in a content language, naming the script of Chinese. */
  const langAttr = (lang: ContentLang): string => (lang === 'en' ? 'en' : SCRIPT_LANG[script.value])

  return {
    aids,
    script,
    converting,
    revision,
    failure,
    viewOf,
    show,
    showIn,
    convert,
    readingsOf,
    rubyOf,
    toggleRuby,
    setScript,
    langAttr,
  }
})
