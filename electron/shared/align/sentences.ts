import type { ContentLang } from '../model.ts'

/**
 * Abbreviations that end with a full stop but do not end a sentence. Intl.Segmenter has no
 * abbreviation list (ICU's suppressions are not exposed through it), so "Mr. Chen" would split.
 */
const ABBREVIATION =
  /(?:^|[\s(“‘"'])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|No|Nos|Vol|Fig|vs|etc|approx|e\.g|i\.e|cf|[A-Z])\.$/

/**
 * What ends a segment but belongs to the next sentence: an opening quote, bracket or title mark
 * (ICU breaks after 。 even when “ follows), or a list label after a colon or semicolon ("…: 1.").
 */
const LEADS_NEXT = /(?:[“‘"'（(《「『【[]+|(?<=[:;：；]\s*)\d{1,3}[.)）])\s*$/u

/**
 * A full stop, then a sentence that opens with a figure, perhaps quoted (". “5” refers to …"): ICU
 * looks past the figure for a lower-case word and, finding one, does not break there (rule SB8,
 * meant for "e.g. the"); a sentence does start here.
 */
const BEFORE_FIGURE = /(?<=[.!?][”’"')]*)\s+(?=[“"‘(]?\d)/gu

const segmenters: Partial<Record<ContentLang, Intl.Segmenter>> = {}

/**
 * Splits a paragraph into sentences, each an exact substring of the text with its surrounding
 * whitespace trimmed, in order. Intl.Segmenter finds the boundaries (it already keeps decimals such
 * as 5.9% and closing quotes such as 。” together); on top of it an opening quote stays with the
 * sentence it opens, a sentence may open with a figure, an enumerator such as "1." joins the item it numbers, and an English
 * abbreviation or a "?"/"!" followed by lower case does not end a sentence. A semicolon never
 * ends one: ；/; enumerations stay in their sentence and serve the aligner as anchors.
 */
export function splitSentences(text: string, lang: ContentLang): string[] {
  const segmenter = (segmenters[lang] ??= new Intl.Segmenter(lang, { granularity: 'sentence' }))
  const segments = [...segmenter.segment(text)].flatMap(({ segment }) =>
    lang === 'en' ? splitBeforeFigures(segment) : [segment],
  )
  for (let k = 0; k < segments.length - 1; k++) {
    const lead = LEADS_NEXT.exec(segments[k]!)
    if (!lead) continue
    segments[k] = segments[k]!.slice(0, lead.index)
    segments[k + 1] = lead[0] + segments[k + 1]
  }
  const sentences: string[] = []
  let pending = ''
  for (const segment of segments) {
    const sentence = pending + segment
    pending = ''
    const previous = sentences.at(-1)
    if (!sentence.trim() || isEnumerator(sentence)) pending = sentence
    else if (previous !== undefined && continuesPrevious(previous, sentence, lang))
      sentences[sentences.length - 1] = previous + sentence
    else sentences.push(sentence)
  }
  if (pending.trim()) {
    if (sentences.length) sentences[sentences.length - 1] += pending
    else sentences.push(pending)
  }
  return sentences.map((s) => s.trim())
}

function splitBeforeFigures(segment: string): string[] {
  const parts: string[] = []
  let from = 0
  for (const gap of segment.matchAll(BEFORE_FIGURE)) {
    const end = gap.index + gap[0].length
    parts.push(segment.slice(from, end))
    from = end
  }
  return [...parts, segment.slice(from)]
}

function continuesPrevious(previous: string, next: string, lang: ContentLang): boolean {
  if (lang !== 'en') return false
  const end = previous.trimEnd()
  return ABBREVIATION.test(end) || (/[?!][”’"')]*$/.test(end) && /^\s*[a-z]/.test(next))
}

/** "1.", "(2)", "iii." or "a)": a label with no words of its own. */
function isEnumerator(segment: string): boolean {
  return /^\s*[([（]?(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)）]?\s*$/i.test(segment)
}
