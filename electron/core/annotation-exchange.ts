import { z } from 'zod'
import {
  Annotation,
  HighlightColor,
  IsoTimestamp,
  MAX_ANNOTATIONS,
  MAX_NOTE,
  type AnnotationKind,
} from '../shared/annotations.ts'
import { citation, fill, formatDate, messagesFor, otherLang } from '../shared/citation.ts'
import { ContentLang, type Document, type UiLocale } from '../shared/model.ts'

/**
 * The JSON export: a W3C Web Annotation–like document (https://www.w3.org/TR/annotation-model/).
 * Each annotation targets `jiangmen-reader:<docId>#<blockId>` in one language, with a
 * TextQuoteSelector and a TextPositionSelector; a note is a TextualBody in text/markdown.
 */
const EXPORT_FORMAT = 'jiangmen-reader-annotations'

const MOTIVATION: Record<AnnotationKind, 'bookmarking' | 'highlighting' | 'commenting'> = {
  bookmark: 'bookmarking',
  highlight: 'highlighting',
  note: 'commenting',
}
const KIND = Object.fromEntries(Object.entries(MOTIVATION).map(([k, v]) => [v, k])) as Record<
  (typeof MOTIVATION)[AnnotationKind],
  AnnotationKind
>

const SOURCE = /^jiangmen-reader:([a-z0-9-]+)#([a-z0-9-]+)$/

const ExportedAnnotation = z
  .object({
    id: z.string(),
    type: z.literal('Annotation'),
    motivation: z.enum(['bookmarking', 'highlighting', 'commenting']),
    created: IsoTimestamp,
    modified: IsoTimestamp,
    deleted: IsoTimestamp.nullable(),
    color: HighlightColor.nullable(),
    body: z
      .array(
        z.object({
          type: z.literal('TextualBody'),
          value: z.string().max(MAX_NOTE),
          format: z.literal('text/markdown'),
        }),
      )
      .max(1),
    target: z.object({
      source: z.string().regex(SOURCE),
      language: ContentLang,
      selector: z.tuple([
        z.object({
          type: z.literal('TextQuoteSelector'),
          exact: z.string(),
          prefix: z.string(),
          suffix: z.string(),
        }),
        z.object({ type: z.literal('TextPositionSelector'), start: z.number(), end: z.number() }),
      ]),
    }),
  })
  .strict()
type ExportedAnnotation = z.infer<typeof ExportedAnnotation>

const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: IsoTimestamp,
  annotations: z.array(z.unknown()).max(MAX_ANNOTATIONS),
})

function toExported(a: Annotation): ExportedAnnotation {
  return {
    id: a.id,
    type: 'Annotation',
    motivation: MOTIVATION[a.kind],
    created: a.createdAt,
    modified: a.updatedAt,
    deleted: a.deletedAt,
    color: a.color,
    body: a.note ? [{ type: 'TextualBody', value: a.note, format: 'text/markdown' }] : [],
    target: {
      source: `jiangmen-reader:${a.anchor.docId}#${a.anchor.blockId}`,
      language: a.anchor.lang,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: a.anchor.quote,
          prefix: a.anchor.prefix,
          suffix: a.anchor.suffix,
        },
        { type: 'TextPositionSelector', start: a.anchor.start, end: a.anchor.end },
      ],
    },
  }
}

/** Back to our model; the result still has to pass the Annotation schema. */
function fromExported(e: ExportedAnnotation): unknown {
  const [, docId, blockId] = SOURCE.exec(e.target.source) ?? []
  const [quote, position] = e.target.selector
  return {
    id: e.id,
    kind: KIND[e.motivation],
    anchor: {
      docId,
      blockId,
      lang: e.target.language,
      start: position.start,
      end: position.end,
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    },
    color: e.color,
    note: e.body[0]?.value ?? '',
    createdAt: e.created,
    updatedAt: e.modified,
    deletedAt: e.deleted,
  }
}

export function exportJson(annotations: readonly Annotation[], now: Date): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      annotations: annotations.map(toExported),
    },
    null,
    2,
  )}\n`
}

/** Each item of an export file, parsed on its own: one bad item does not spoil the others. */
export function parseExport(content: string): {
  items: Array<{ ok: true; value: Annotation } | { ok: false; reason: string }>
} {
  let raw: unknown
  try {
    raw = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content)
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const file = ExportFile.safeParse(raw)
  if (!file.success)
    throw new Error(
      `not a Jiangmen Reader annotations export (${file.error.issues[0]?.message ?? 'wrong shape'})`,
    )
  return {
    items: file.data.annotations.map((item, i) => {
      const exported = ExportedAnnotation.safeParse(item)
      const annotation = exported.success
        ? Annotation.safeParse(fromExported(exported.data))
        : exported
      if (annotation.success) return { ok: true as const, value: annotation.data as Annotation }
      const issue = annotation.error.issues[0]
      return {
        ok: false as const,
        reason: `item ${i + 1}: ${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'invalid'}`,
      }
    }),
  }
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')
}

/**
 * A readable Markdown notebook in the UI language: per document, each passage in its language and
 * the corresponding paragraph in the other, the note, and a citation.
 */
export function exportMarkdown(
  annotations: readonly Annotation[],
  documents: ReadonlyMap<string, Document>,
  { now, locale, scope }: { now: Date; locale: UiLocale; scope: 'all' | 'document' },
): string {
  const { citation: labels, notes: names } = messagesFor(locale)
  const out = [
    `# ${labels.exportTitle}`,
    '',
    fill(scope === 'all' ? labels.exportedAll : labels.exportedDocument, {
      date: formatDate(now.toISOString().slice(0, 10), locale),
    }),
    '',
  ]
  const byDoc = new Map<string, Annotation[]>()
  for (const a of annotations) byDoc.set(a.anchor.docId, [...(byDoc.get(a.anchor.docId) ?? []), a])
  for (const [docId, items] of byDoc) {
    const doc = documents.get(docId)
    out.push(`## ${doc ? `${doc.title.en} · ${doc.title.zh}` : docId}`, '')
    for (const a of items) {
      const block = doc?.blocks.find((b) => b.id === a.anchor.blockId)
      const kind = names.kinds[a.kind]
      out.push(
        `### ${a.color ? fill(labels.kindColor, { kind, color: names.colors[a.color] }) : kind}`,
        '',
      )
      out.push(quoteLines(a.anchor.quote))
      if (block) out.push('>', quoteLines(block[otherLang(a.anchor.lang)]))
      out.push('')
      if (a.note) out.push(a.note, '')
      out.push(`— ${doc ? citation(doc, a.anchor.blockId, locale) : docId}`, '')
    }
  }
  return out.join('\n')
}
