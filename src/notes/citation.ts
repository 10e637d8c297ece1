import type { Block, ContentLang, DocumentMeta } from '../../electron/shared/model.ts'

/** A passage as people paste it: the text in the chosen languages, then where it comes from. */
export function citePassage(
  doc: DocumentMeta,
  block: Block,
  langs: readonly ContentLang[],
  formatDate: (iso: string) => string,
): string {
  const texts = langs.map((lang) => block[lang])
  const date = doc.date ? formatDate(doc.date) : 'n.d.'
  const title = langs.includes('zh') && !langs.includes('en') ? doc.title.zh : doc.title.en
  const publisher =
    langs.includes('zh') && !langs.includes('en') ? doc.publisher.zh : doc.publisher.en
  return `${texts.join('\n\n')}\n\n— ${title}, ${publisher}, ${date}, ¶ ${block.id}`
}
