import { IMPORT_EXTENSIONS } from '../../electron/shared/import-upload.ts'
import type { ContentLang } from '../../electron/shared/model.ts'

/** Why a file chosen for a batch is not imported; the renderer words it (`imports.batch.skip.*`). */
export type GroupSkipReason =
  'unsupported-kind' | 'no-partner' | 'same-language' | 'needs-language-tag'

/** The files of a batch as documents to import (indexes into the names given) and files left out. */
export interface BatchGroups {
  documents: number[][]
  skipped: Array<{ index: number; reason: GroupSkipReason }>
}

/**
 * A language tag at the end of a file's stem, after `.`, `-` or `_`: `report.en`, `report-zh`,
 * `report_zh-CN`, `report.zh-Hans`. A stem that is only a tag (`en.md`) has an empty base name.
 */
const TAGGED =
  /^(?<base>.*?)(?:^|[._-])(?<tag>(?<en>en|eng|english)(?:[-_](?:us|gb|au|ca|nz|ie))?|(?<zh>zh|chs|cht|chinese)(?:[-_](?:cn|tw|hk|mo|sg|hans|hant)(?:[-_](?:cn|tw|hk|mo|sg))?)?)$/i

/** The formats whose one file holds both languages: each is a document of its own. */
const BILINGUAL_FORMATS = new Set(['tmx', 'xliff'])

/**
 * Groups the files chosen or dropped together into documents: two files with the same base name,
 * one tagged English and one Chinese, are a pair; a TMX or XLIFF file, or an untagged Markdown,
 * text, HTML or DOCX file (paragraphs alternating languages), is a document alone. A file of a kind
 * the import does not read, a tagged file without its other language, or two files of one language
 * for the same base name, is skipped with the reason. Documents keep the order of their first file.
 */
export function groupImportFiles(names: readonly string[]): BatchGroups {
  const documents: number[][] = []
  const skipped: BatchGroups['skipped'] = []
  const pairs = new Map<string, { at: number; langs: Partial<Record<ContentLang, number[]>> }>()
  names.forEach((name, index) => {
    const match = /^(?<stem>.+)\.(?<extension>[a-z0-9]+)$/i.exec(name)?.groups
    const extension = match?.extension?.toLowerCase() ?? ''
    const format = Object.hasOwn(IMPORT_EXTENSIONS, extension)
      ? IMPORT_EXTENSIONS[extension]
      : undefined
    if (!match || !format) return skipped.push({ index, reason: 'unsupported-kind' })
    if (BILINGUAL_FORMATS.has(format)) return documents.push([index])
    const tagged = TAGGED.exec(match.stem!)?.groups
    if (!tagged) {
      if (format === 'epub') return skipped.push({ index, reason: 'needs-language-tag' })
      return documents.push([index])
    }
    const lang: ContentLang = tagged.en ? 'en' : 'zh'
    const key = tagged.base!.toLowerCase()
    let pair = pairs.get(key)
    if (!pair) {
      pair = { at: documents.length, langs: {} }
      pairs.set(key, pair)
      documents.push([])
    }
    ;(pair.langs[lang] ??= []).push(index)
  })
  for (const { at, langs } of pairs.values()) {
    const en = langs.en ?? []
    const zh = langs.zh ?? []
    if (en.length === 1 && zh.length === 1) documents[at] = [en[0]!, zh[0]!]
    else {
      const reason = en.length > 1 || zh.length > 1 ? 'same-language' : 'no-partner'
      for (const index of [...en, ...zh]) skipped.push({ index, reason })
    }
  }
  return {
    documents: documents.filter((files) => files.length > 0),
    skipped: skipped.sort((a, b) => a.index - b.index),
  }
}
