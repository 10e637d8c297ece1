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
 * `annotations:list` answers every live annotation at once, 100k of them at the cap. As objects
 * (two per annotation, and a placement) IPC took longer to copy them than main took to list them, and
 * the renderer as long again to rebuild and check them. Packed, they cross as one string and two
 * typed arrays, which IPC copies as memory; the renderer rebuilds the objects it keeps in one pass,
 * checking each value as the contract requires. Only what the renderer uses crosses: the context
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
const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
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

/**
 * Rebuilds the annotations of a packed list, or says what is wrong with it: the limits of the
 * `Annotation` and `Placement` schemas, checked value by value without building objects to check.
 */
function unpack(list: PackedAnnotations): ListedAnnotation[] | string {
  const { count, docIds, blockIds, text, ends, numbers } = list
  if (ends.length !== count * TEXT_COUNT || numbers.length !== count * NUMBER_COUNT)
    return `${count} annotations need ${count * TEXT_COUNT} ends and ${count * NUMBER_COUNT} numbers`
  const listed: ListedAnnotation[] = []
  let start = 0
  const next = (field: number) => {
    const end = ends[field]!
    if (end < start || end > text.length) return null
    const value = text.slice(start, end)
    start = end
    return value
  }
  for (let i = 0; i < count; i++) {
    const t = i * TEXT_COUNT
    const id = next(t)
    const quote = next(t + 1)
    const note = next(t + 2)
    const updatedAt = next(t + 3)
    // Read one by one: destructuring a typed array goes through its iterator, slowly.
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
      (!(id && ID_PATTERN.test(id)) && 'id') ||
      (!(quote && quote.length <= MAX_QUOTE) && 'quote') ||
      (!(note !== null && note!.length <= MAX_NOTE) && 'note') ||
      (!(updatedAt && TIMESTAMP_PATTERN.test(updatedAt)) && 'updatedAt') ||
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
    listed.push({
      annotation: {
        id: id!,
        kind: AnnotationKind.options[kind!]!,
        anchor: {
          docId: docIds[doc!]!,
          blockId: blockIds[block!]!,
          lang: ContentLang.options[lang!]!,
          start: from!,
          end: to!,
          quote: quote!,
        },
        color: color === NONE ? null : HighlightColor.options[color!]!,
        note: note!,
        updatedAt: updatedAt!,
        deletedAt: null,
      },
      placement: {
        status: AnchorStatus.options[status!]!,
        blockId: placedBlock === NONE ? null : blockIds[placedBlock!]!,
        start: placedStart!,
        end: placedEnd!,
      },
    })
  }
  if (start !== text.length) return `${text.length - start} characters after the last annotation`
  return listed
}

/** The answer of `annotations:list` as it crosses IPC (packed), and as the renderer gets it. */
export const AnnotationList = PackedAnnotations.transform((list, ctx) => {
  const listed = unpack(list)
  if (typeof listed !== 'string') return listed
  ctx.addIssue({ code: 'custom', message: listed, input: list })
  return z.NEVER
})
