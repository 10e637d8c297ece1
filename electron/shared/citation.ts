import en from '../../locales/en.json' with { type: 'json' }
import zhCN from '../../locales/zh-CN.json' with { type: 'json' }
import zhTW from '../../locales/zh-TW.json' with { type: 'json' }
import { counterpartOf } from './align/counterpart.ts'
import type { TextRange } from './align/coverage.ts'
import { contentLangOf } from './locale.ts'
import type { Block, ContentLang, Document, UiLocale } from './model.ts'

const MESSAGES: Record<UiLocale, typeof en> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW }

/** The app's UI strings in a locale, for text written outside the renderer (citations, exports). */
export function messagesFor(locale: UiLocale): typeof en {
  return MESSAGES[locale]
}

/** A locale message with its `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

/** A YYYY-MM-DD date as the UI locale writes it, read as a calendar day (no time zone shift). */
export function formatDate(iso: string | null, locale: UiLocale): string {
  if (!iso) return messagesFor(locale).citation.undated
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))
}

/**
 * Where a block is, as a reader would look for it: the heading of its section (the block itself
 * if it is a heading) and, for any other block, its number among the document's non-heading blocks.
 */
export function locate(
  doc: Document,
  blockId: string,
): { section: Block | null; paragraph: number | null } {
  let section: Block | null = null
  let paragraph = 0
  for (const block of doc.blocks) {
    if (block.type === 'heading') section = block
    else paragraph++
    if (block.id === blockId)
      return { section, paragraph: block.type === 'heading' ? null : paragraph }
  }
  return { section: null, paragraph: null }
}

/** Title (en / zh), section heading, ¶ n, publisher, date — in the UI language. */
export function citation(doc: Document, blockId: string, locale: UiLocale): string {
  const labels = messagesFor(locale).citation
  const lang = contentLangOf(locale)
  const { section, paragraph } = locate(doc, blockId)
  return [
    `${doc.title.en} / ${doc.title.zh}`,
    section?.[lang],
    paragraph === null ? undefined : fill(labels.paragraph, { n: paragraph }),
    doc.publisher[lang],
    formatDate(doc.date, locale),
  ]
    .filter((part) => part !== undefined)
    .join(labels.separator)
}

export const otherLang = (lang: ContentLang): ContentLang => (lang === 'en' ? 'zh' : 'en')

/**
 * A passage as people paste it: the text in its language (the whole paragraph, or the characters
 * `range` covers), the corresponding text in the other language (the aligned sentences of the range,
 * the whole paragraph where the block has no alignment), then where it comes from.
 */
export function citePassage(
  doc: Document,
  block: Block,
  lang: ContentLang,
  locale: UiLocale,
  range?: TextRange,
): string {
  const quote = range ? block[lang].slice(range.start, range.end) : block[lang]
  const other = (range && counterpartOf(block, lang, range)?.text) ?? block[otherLang(lang)]
  return `${quote}\n\n${other}\n\n— ${citation(doc, block.id, locale)}`
}
