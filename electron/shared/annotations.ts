import { z } from 'zod'
import { BlockId, ContentLang, DocId, UiLocale } from './model.ts'

export const AnnotationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'annotation id')
export const IsoTimestamp = z.iso.datetime({ offset: true })

export const HighlightColor = z.enum(['yellow', 'green', 'blue', 'pink', 'purple'])
export type HighlightColor = z.infer<typeof HighlightColor>

export const AnnotationKind = z.enum(['bookmark', 'highlight', 'note'])
export type AnnotationKind = z.infer<typeof AnnotationKind>

export const MAX_QUOTE = 2_000
export const CONTEXT_LENGTH = 32
export const MAX_NOTE = 10_000

/**
 * Where an annotation sits: a span of one block's text in one language, with the quoted text and a
 * little context either side, so it can be found again after the content is revised.
 */
export const TextAnchor = z
  .object({
    docId: DocId,
    blockId: BlockId,
    lang: ContentLang,
    start: z.number().int().min(0).max(1_000_000),
    end: z.number().int().min(0).max(1_000_000),
    quote: z.string().min(1).max(MAX_QUOTE),
    prefix: z.string().max(CONTEXT_LENGTH),
    suffix: z.string().max(CONTEXT_LENGTH),
  })
  .strict()
  .refine((a) => a.end > a.start, 'end must be after start')
export type TextAnchor = z.infer<typeof TextAnchor>

export const Annotation = z
  .object({
    id: AnnotationId,
    /** bookmark and note anchor to a whole block; highlight to the selected text. */
    kind: AnnotationKind,
    anchor: TextAnchor,
    color: HighlightColor.nullable(),
    /** Plain text with a small Markdown subset; never rendered as HTML. */
    note: z.string().max(MAX_NOTE),
    createdAt: IsoTimestamp,
    updatedAt: IsoTimestamp,
    /** A deletion is kept as a tombstone, so an import cannot bring the annotation back by mistake. */
    deletedAt: IsoTimestamp.nullable(),
  })
  .strict()
export type Annotation = z.infer<typeof Annotation>

/** Tombstones included: every annotation the file holds counts. */
export const MAX_ANNOTATIONS = 200_000
/** How far ahead of this machine's clock an imported timestamp may be (another machine's skew). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000

export const AnnotationsFile = z.object({
  version: z.literal(1),
  annotations: z.array(Annotation).max(MAX_ANNOTATIONS),
})
export type AnnotationsFile = z.infer<typeof AnnotationsFile>

export const NewAnnotation = Annotation.pick({
  id: true,
  kind: true,
  anchor: true,
  color: true,
  note: true,
})
  .strict()
  .refine(
    (a) => (a.kind === 'highlight') === (a.color !== null),
    'a highlight has a color, nothing else does',
  )
export type NewAnnotation = z.infer<typeof NewAnnotation>

/**
 * A field left out is left unchanged; one sent as `undefined` (structured clone keeps it) is refused
 * rather than read as "set it to nothing": hence `exactOptional`, here and in every patch.
 */
export const AnnotationPatch = z
  .object({
    id: AnnotationId,
    color: HighlightColor.exactOptional(),
    note: z.string().max(MAX_NOTE).exactOptional(),
  })
  .strict()
export type AnnotationPatch = z.infer<typeof AnnotationPatch>

/**
 * How an annotation was placed in the current content; `pending` until a search in the background
 * places it (an `annotations:placed` event then tells where).
 */
export const AnchorStatus = z.enum(['exact', 'quote', 'moved', 'fuzzy', 'orphaned', 'pending'])
export type AnchorStatus = z.infer<typeof AnchorStatus>

export const Placement = z.object({
  status: AnchorStatus,
  /** Where it is now; null when orphaned. */
  blockId: BlockId.nullable(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
})
export type Placement = z.infer<typeof Placement>

export const PlacedAnnotation = z.object({ annotation: Annotation, placement: Placement })
export type PlacedAnnotation = z.infer<typeof PlacedAnnotation>

/** Placements found in the background for annotations `annotations:list` answered as pending. */
export const PlacementsFound = z.object({
  placements: z.array(z.object({ id: AnnotationId, placement: Placement })).max(MAX_ANNOTATIONS),
})
export type PlacementsFound = z.infer<typeof PlacementsFound>

export const ImportReport = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  /** Why items were refused, for the first few of them. */
  problems: z.array(z.string().max(500)).max(20),
})
export type ImportReport = z.infer<typeof ImportReport>

/** The most one IPC message of an import carries; a file goes over in as many as it takes. */
export const MAX_IMPORT_CHUNK = 4_000_000
/** The longest string V8 holds, so the longest export the app can write: every export re-imports. */
export const MAX_IMPORT_CHARS = 2 ** 29 - 24
export const UploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'upload id')
export const ExportRequest = z
  .object({
    format: z.enum(['markdown', 'json']),
    /** Only this document's annotations; all of them when absent. */
    docId: DocId.exactOptional(),
    /** The UI language the Markdown export's labels, dates and citations are written in. */
    locale: UiLocale.default('en'),
  })
  .strict()
export type ExportRequest = z.input<typeof ExportRequest>
