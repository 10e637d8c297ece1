import type { ChineseScript } from '../../electron/shared/model.ts'

/**
 * A stretch where the text as shown is not as long as the authored text it came from, as when a
 * phrase is replaced by the one Taiwan uses (内存 → 記憶體). Offsets inside it map to its edges.
 */
interface Resized {
  from: number
  to: number
  viewFrom: number
  viewTo: number
}

/** Chinese text as shown in a script, and what it takes to map offsets to and from the authored text. */
export interface ScriptView {
  text: string
  /** In order; everywhere else one character of the view is one character of the source. */
  resized: readonly Resized[]
}

/** The BCP 47 tag for Chinese text in a script, for `lang` attributes (fonts, screen readers). */
export const SCRIPT_LANG = { hans: 'zh-CN', 'hant-tw': 'zh-TW', 'hant-hk': 'zh-HK' } as const
type ChineseLangTag = (typeof SCRIPT_LANG)[ChineseScript]

export const identityView = (text: string): ScriptView => ({ text, resized: [] })

// Conversion works on runs between spaces and punctuation: no phrase spans them.
const BREAKS = /[\s\p{P}\p{S}]+/gu

/** `run` converted one character at a time: how far the phrase-level conversion kept to it. */
function narrow(run: string, converted: string, convert: (text: string) => string) {
  const single = [...run].map((c) => convert(c)).join('')
  if (single.length !== run.length) return { head: 0, tail: 0 }
  const most = Math.min(run.length, converted.length)
  let head = 0
  while (head < most && single[head] === converted[head]) head++
  let tail = 0
  while (tail < most - head && single.at(-1 - tail) === converted.at(-1 - tail)) tail++
  return { head, tail }
}

/** Converts `source` run by run, keeping track of the runs whose length changed. */
export function convertText(source: string, convert: (text: string) => string): ScriptView {
  const resized: Resized[] = []
  let text = ''
  let at = 0
  const flush = (end: number) => {
    if (end <= at) return
    const run = source.slice(at, end)
    const converted = convert(run)
    if (converted.length !== run.length) {
      const { head, tail } = narrow(run, converted, convert)
      resized.push({
        from: at + head,
        to: end - tail,
        viewFrom: text.length + head,
        viewTo: text.length + converted.length - tail,
      })
    }
    text += converted
  }
  for (const match of source.matchAll(BREAKS)) {
    flush(match.index)
    text += match[0]
    at = match.index + match[0].length
  }
  flush(source.length)
  return { text, resized }
}

type Edge = 'start' | 'end'

function mapOffset(
  view: ScriptView,
  offset: number,
  edge: Edge,
  [from, to, toFrom, toTo]: readonly [
    'from' | 'viewFrom',
    'to' | 'viewTo',
    'from' | 'viewFrom',
    'to' | 'viewTo',
  ],
): number {
  let delta = 0
  for (const span of view.resized) {
    if (span[from] >= offset) break
    if (span[to] > offset) return edge === 'start' ? span[toFrom] : span[toTo]
    delta = span[toTo] - span[to]
  }
  return offset + delta
}

/**
 * Where an offset of the authored text falls in the view; inside a resized phrase, at its start or
 * its end, so that a range over part of it covers all of it.
 */
export function toView(view: ScriptView, offset: number, edge: Edge): number {
  return mapOffset(view, offset, edge, ['from', 'to', 'viewFrom', 'viewTo'])
}

/** Where an offset of the view falls in the authored text (the inverse of `toView`). */
export function toSource(view: ScriptView, offset: number, edge: Edge): number {
  return mapOffset(view, offset, edge, ['viewFrom', 'viewTo', 'from', 'to'])
}
