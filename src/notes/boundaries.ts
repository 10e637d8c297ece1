import type { ContentLang } from '../../electron/shared/model.ts'

/**
 * Word and sentence boundaries from Intl.Segmenter, for selections and excerpts. Pure: no DOM, so
 * the reader and the tests share it.
 */
const segmenters = new Map<string, Intl.Segmenter>()
function segmenter(lang: ContentLang, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${lang}:${granularity}`
  let found = segmenters.get(key)
  if (!found) {
    found = new Intl.Segmenter(lang === 'en' ? 'en' : 'zh-CN', { granularity })
    segmenters.set(key, found)
  }
  return found
}

/**
 * A selection [start, end) of `text` widened to whole words in English ("a patte" → "a pattern"),
 * with the spaces at its edges left out. Chinese is kept by character: a person selects exactly
 * the characters they mean, and a dictionary's word break would only second-guess them.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  lang: ContentLang,
): { start: number; end: number } | null {
  let from = start
  let to = end
  if (lang === 'en') {
    const words = segmenter('en', 'word').segment(text)
    const first = words.containing(start)
    if (first?.isWordLike) from = first.index
    const last = end > 0 ? words.containing(end - 1) : undefined
    if (last?.isWordLike) to = last.index + last.segment.length
  }
  while (from < to && /\s/.test(text[from]!)) from++
  while (to > from && /\s/.test(text[to - 1]!)) to--
  return to > from ? { start: from, end: to } : null
}

/**
 * At most about `max` characters of `text`, ending at a sentence boundary if one falls in the last
 * third, else at a word boundary, with an ellipsis when anything was left out: a quote in a list
 * never stops mid-word or mid-line.
 */
export function excerpt(text: string, lang: ContentLang, max: number): string {
  const trimmed = text.trim()
  if (trimmed.length <= max) return trimmed
  const cutAt = (granularity: 'word' | 'sentence', floor: number): number | null => {
    let best: number | null = null
    for (const { index } of segmenter(lang, granularity).segment(trimmed)) {
      if (index > max) break
      if (index >= floor) best = index
    }
    return best
  }
  const end = cutAt('sentence', Math.ceil((max * 2) / 3)) ?? cutAt('word', 1) ?? max
  return `${trimmed.slice(0, end).replace(/[\s,;:，、；：—-]+$/u, '')}…`
}
