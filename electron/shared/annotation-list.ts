import { z } from 'zod'
import {
  AnchorStatus,
  AnnotationKind,
  HighlightColor,
  MAX_ANNOTATIONS,
  MAX_NOTE,
  MAX_QUOTE,
  type Annotation,
  type TextAnchor,
  type Placement,
} from './annotations.ts'
import { BlockId, ContentLang, DocId } from './model.ts'

/*
 * `annotations:list` answers the live annotations a page at a time (see `AnnotationPage`). As objects
 * (two per annotation, and a placement) IPC took longer to copy them than main took to list them, and
 * the renderer as long again to rebuild and check them. Packed, they cross as one string and two
 * typed arrays, which IPC (and contextBridge) copy as memory; the contract's schema checks each
 * value in place, and the store rebuilds the objects it keeps in one pass. Only what the renderer uses crosses: the context
 * either side of a quote and the creation time serve main (re-anchoring, export) and stay there.
 */

/** An annotation as the renderer keeps it. */
export type AnnotationInList = Omit<Annotation, 'anchor' | 'createdAt'> & {
  anchor: Omit<TextAnchor, 'prefix' | 'suffix'>
}
/** One annotation of the list and where it is now. */
export interface ListedAnnotation {
  annotation: AnnotationInList
  placement: Placement
}

/** The strings of one annotation, in this order, one after another in `text`. */
const TEXTS = ['id', 'quote', 'note', 'updatedAt'] as const
/** The integers of one annotation, in this order, in `numbers`. */
const NUMBERS = [
  'doc',
  'block',
  'lang',
  'start',
  'end',
  'kind',
  'color',
  'status',
  'placedBlock',
  'placedStart',
  'placedEnd',
] as const
const TEXT_COUNT = TEXTS.length
const NUMBER_COUNT = NUMBERS.length
const MAX_OFFSET = 1_000_000
/** `color` and `placedBlock` when there is none. */
const NONE = -1
const TIMESTAMP_PATTERN = z.regexes.datetime({ offset: true })

/** Checked by its tag rather than `instanceof`: the array may come from another realm (contextBridge). */
const typedArray = <T extends Int32Array | Uint32Array>(name: 'Int32Array' | 'Uint32Array') =>
  z.custom<T>((value) => Object.prototype.toString.call(value) === `[object ${name}]`, name)

const PackedAnnotations = z
  .object({
    count: z.number().int().min(0).max(MAX_ANNOTATIONS),
    /** The documents and blocks that `doc`, `block` and `placedBlock` index. */
    docIds: z.array(DocId),
    blockIds: z.array(BlockId),
    text: z.string(),
    /** Where each string ends in `text`: `TEXTS.length` per annotation. */
    ends: typedArray<Uint32Array>('Uint32Array'),
    /** `NUMBERS.length` per annotation; enums as their index in the schema's options. */
    numbers: typedArray<Int32Array>('Int32Array'),
  })
  .strict()
export type PackedAnnotations = z.infer<typeof PackedAnnotations>

const inRange = (value: number | undefined, min: number, max: number): value is number =>
  Number.isInteger(value) && value! >= min && value! <= max

/**
 * Packs live annotations with their placements; `undefined` is a placement at the anchor itself
 * (status `exact`), the common case, for which nothing is made.
 */
export function packAnnotations(
  annotations: readonly Annotation[],
  placements: readonly (Placement | undefined)[],
): PackedAnnotations {
  const docs = new Map<string, number>()
  const blocks = new Map<string, number>()
  const indexOf = (table: Map<string, number>, value: string) => {
    let index = table.get(value)
    if (index === undefined) table.set(value, (index = table.size))
    return index
  }
  const texts: string[] = []
  const ends = new Uint32Array(annotations.length * TEXT_COUNT)
  const numbers = new Int32Array(annotations.length * NUMBER_COUNT)
  let end = 0
  let field = 0
  const put = (value: string) => {
    texts.push(value)
    ends[field++] = end += value.length
  }
  let at = 0
  const set = (value: number) => (numbers[at++] = value)
  for (let i = 0; i < annotations.length; i++) {
    const annotation = annotations[i]!
    const { anchor } = annotation
    put(annotation.id)
    put(anchor.quote)
    put(annotation.note)
    put(annotation.updatedAt)
    const block = indexOf(blocks, anchor.blockId)
    set(indexOf(docs, anchor.docId))
    set(block)
    set(ContentLang.options.indexOf(anchor.lang))
    set(anchor.start)
    set(anchor.end)
    set(AnnotationKind.options.indexOf(annotation.kind))
    set(annotation.color === null ? NONE : HighlightColor.options.indexOf(annotation.color))
    const placement = placements[i]
    set(placement ? AnchorStatus.options.indexOf(placement.status) : 0)
    set(!placement ? block : placement.blockId === null ? NONE : indexOf(blocks, placement.blockId))
    set(placement ? placement.start : anchor.start)
    set(placement ? placement.end : anchor.end)
  }
  return {
    count: annotations.length,
    docIds: [...docs.keys()],
    blockIds: [...blocks.keys()],
    text: texts.join(''),
    ends,
    numbers,
  }
}

/** The first problem with a packed list: the limits of the `Annotation` and `Placement` schemas. */
function problemWith(list: PackedAnnotations): string | null {
  const { count, docIds, blockIds, text, ends, numbers } = list
  if (ends.length !== count * TEXT_COUNT || numbers.length !== count * NUMBER_COUNT)
    return `${count} annotations need ${count * TEXT_COUNT} ends and ${count * NUMBER_COUNT} numbers`
  let start = 0
  for (let i = 0; i < count; i++) {
    const t = i * TEXT_COUNT
    const [idEnd, quoteEnd, noteEnd, updatedEnd] = [
      ends[t]!,
      ends[t + 1]!,
      ends[t + 2]!,
      ends[t + 3]!,
    ]
    if (!(start <= idEnd && idEnd <= quoteEnd && quoteEnd <= noteEnd && noteEnd <= updatedEnd))
      return `annotation ${i}: its strings end out of order`
    if (updatedEnd > text.length) return `annotation ${i}: its strings end past the text`
    const at = i * NUMBER_COUNT
    const [doc, block, lang, from, to, kind, color, status, placedBlock, placedStart, placedEnd] = [
      numbers[at],
      numbers[at + 1],
      numbers[at + 2],
      numbers[at + 3],
      numbers[at + 4],
      numbers[at + 5],
      numbers[at + 6],
      numbers[at + 7],
      numbers[at + 8],
      numbers[at + 9],
      numbers[at + 10],
    ]
    const problem =
      (!isId(text, start, idEnd) && 'id') ||
      (!inRange(quoteEnd - idEnd, 1, MAX_QUOTE) && 'quote') ||
      (noteEnd - quoteEnd > MAX_NOTE && 'note') ||
      (!TIMESTAMP_PATTERN.test(text.slice(noteEnd, updatedEnd)) && 'updatedAt') ||
      (!inRange(doc, 0, docIds.length - 1) && 'doc') ||
      (!inRange(block, 0, blockIds.length - 1) && 'block') ||
      (!inRange(lang, 0, ContentLang.options.length - 1) && 'lang') ||
      (!inRange(from, 0, MAX_OFFSET) && 'start') ||
      (!inRange(to, from! + 1, MAX_OFFSET) && 'end') ||
      (!inRange(kind, 0, AnnotationKind.options.length - 1) && 'kind') ||
      (!inRange(color, NONE, HighlightColor.options.length - 1) && 'color') ||
      (!inRange(status, 0, AnchorStatus.options.length - 1) && 'status') ||
      (!inRange(placedBlock, NONE, blockIds.length - 1) && 'placedBlock') ||
      (!inRange(placedStart, 0, MAX_OFFSET) && 'placedStart') ||
      (!inRange(placedEnd, 0, MAX_OFFSET) && 'placedEnd')
    if (problem) return `annotation ${i}: invalid ${problem}`
    start = updatedEnd
  }
  if (start !== text.length) return `${text.length - start} characters after the last annotation`
  return null
}

/** `AnnotationId`'s pattern, read in place: 8–64 of A–Z, a–z, 0–9, `_` and `-`. */
function isId(text: string, start: number, end: number): boolean {
  if (end - start < 8 || end - start > 64) return false
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    const ok =
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      code === 0x5f ||
      code === 0x2d
    if (!ok) return false
  }
  return true
}

/**
 * The answer of `annotations:list` as it crosses IPC, checked value by value without building an
 * object: in Electron it is checked in the preload, and what contextBridge then copies into the page
 * is this one string and two typed arrays, not 100k objects. The store rebuilds them.
 */
export const AnnotationList = PackedAnnotations.superRefine((list, ctx) => {
  const problem = problemWith(list)
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: list })
})

/** The annotations of a list that passed `AnnotationList`, as the renderer keeps them. */
export function unpackAnnotations(list: PackedAnnotations): ListedAnnotation[] {
  const { count, docIds, blockIds, text, ends, numbers } = list
  const listed: ListedAnnotation[] = []
  let start = 0
  const next = (field: number) => text.slice(start, (start = ends[field]!))
  for (let i = 0; i < count; i++) {
    const t = i * TEXT_COUNT
    const id = next(t)
    const quote = next(t + 1)
    const note = next(t + 2)
    const updatedAt = next(t + 3)
    const at = i * NUMBER_COUNT
    const color = numbers[at + 6]!
    const placedBlock = numbers[at + 8]!
    listed.push({
      annotation: {
        id,
        kind: AnnotationKind.options[numbers[at + 5]!]!,
        anchor: {
          docId: docIds[numbers[at]!]!,
          blockId: blockIds[numbers[at + 1]!]!,
          lang: ContentLang.options[numbers[at + 2]!]!,
          start: numbers[at + 3]!,
          end: numbers[at + 4]!,
          quote,
        },
        color: color === NONE ? null : HighlightColor.options[color]!,
        note,
        updatedAt,
        deletedAt: null,
      },
      placement: {
        status: AnchorStatus.options[numbers[at + 7]!]!,
        blockId: placedBlock === NONE ? null : blockIds[placedBlock]!,
        start: numbers[at + 9]!,
        end: numbers[at + 10]!,
      },
    })
  }
  return listed
}

/** A page of `annotations:list` holds at most this many annotations… */
export const LIST_PAGE_ANNOTATIONS = 1_000
/** …and stops at the annotation that takes its strings past this many characters. */
export const LIST_PAGE_CHARS = 500_000

/**
 * Which page: `from` is a position in main's store, 0 for the first page and then the previous
 * page's `next`. Positions hold still while a list is read (creations go at the end, deletions are
 * tombstones), so no annotation is sent twice or skipped.
 */
export const AnnotationPageRequest = z
  .object({ from: z.number().int().min(0).max(MAX_ANNOTATIONS) })
  .strict()
export type AnnotationPageRequest = z.infer<typeof AnnotationPageRequest>

/**
 * One page of the live annotations, bounded whatever their number, so that the first answers the UI
 * at once and the rest follow; `next` is where the next page starts, `null` after the last, and
 * `total` how many live annotations there are in all.
 */
export const AnnotationPage = z
  .object({
    annotations: AnnotationList,
    next: z.number().int().min(1).max(MAX_ANNOTATIONS).nullable(),
    total: z.number().int().min(0).max(MAX_ANNOTATIONS),
  })
  .strict()
export type AnnotationPage = z.infer<typeof AnnotationPage>
