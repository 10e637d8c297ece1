import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import {
  AnnotationList,
  packAnnotations,
  unpackAnnotations,
  type PackedAnnotations,
} from '../../../../electron/shared/annotation-list.ts'
import type { Annotation, Placement } from '../../../../electron/shared/annotations.ts'
import { makeApi } from '../../../../electron/shared/make-api.ts'

const stamp = '2026-01-01T00:00:00.000Z'
const annotation = (id: string, overrides: Partial<Annotation> = {}): Annotation => ({
  id,
  kind: 'highlight',
  anchor: {
    docId: 'harbour-notes',
    blockId: 'b002',
    lang: 'zh',
    start: 3,
    end: 7,
    quote: '江门港口',
    prefix: '前文',
    suffix: '后文',
  },
  color: 'yellow',
  note: '',
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: null,
  ...overrides,
})

const exact = annotation('exact-0001')
const moved = annotation('moved-0001', {
  kind: 'note',
  color: null,
  note: 'a note with “quotes” and 中文',
  updatedAt: '2026-02-03T04:05:06+08:00',
})
const pending = annotation('pending-0001', { kind: 'bookmark', color: null })
const placements: (Placement | undefined)[] = [
  undefined,
  { status: 'moved', blockId: 'b009', start: 10, end: 14 },
  { status: 'pending', blockId: null, start: 0, end: 0 },
]
const packed = () => packAnnotations([exact, moved, pending], placements)

describe('annotations:list packed for IPC', () => {
  it('answers an exact anchor without a placement, rebuilt at its anchor on arrival', () => {
    const list = packed()
    // Through V8's serializer, as Electron's IPC copies it.
    const listed = unpackAnnotations(AnnotationList.parse(deserialize(serialize(list))))
    const { createdAt: _created, anchor, ...rest } = exact
    const { prefix: _prefix, suffix: _suffix, ...shown } = anchor
    expect(listed[0]).toEqual({
      annotation: { ...rest, anchor: shown },
      placement: { status: 'exact', blockId: 'b002', start: 3, end: 7 },
    })
    expect(listed.slice(1).map((l) => [l.annotation, l.placement])).toEqual([
      [expect.objectContaining({ kind: 'note', color: null, note: moved.note }), placements[1]],
      [expect.objectContaining({ kind: 'bookmark', id: 'pending-0001' }), placements[2]],
    ])
    expect(listed[1]!.annotation.updatedAt).toBe('2026-02-03T04:05:06+08:00')
  })

  it('sends only what the renderer uses: no context, no creation time, tables for repeated ids', () => {
    const list = packed()
    expect(list.text).not.toContain('前文')
    expect(list.text).not.toContain('后文')
    expect(list.docIds).toEqual(['harbour-notes'])
    expect(list.blockIds).toEqual(['b002', 'b009'])
    expect(unpackAnnotations(AnnotationList.parse(packAnnotations([], [])))).toEqual([])
  })

  it.each<[string, (list: PackedAnnotations) => unknown]>([
    ['an offset past the text', (l) => ({ ...l, ends: l.ends.map((e) => e + 1) })],
    ['fewer ends than annotations need', (l) => ({ ...l, ends: l.ends.subarray(1) })],
    ['text left over', (l) => ({ ...l, text: `${l.text}x` })],
    ['plain arrays for typed ones', (l) => ({ ...l, numbers: [...l.numbers] })],
    ['a block index out of its table', (l) => ({ ...l, blockIds: l.blockIds.slice(0, 1) })],
    ['an unknown status', (l) => ({ ...l, numbers: l.numbers.map((n, i) => (i === 7 ? 9 : n)) })],
    [
      'an end before its start',
      (l) => ({ ...l, numbers: l.numbers.map((n, i) => (i === 4 ? 3 : n)) }),
    ],
    ['a malformed id', (l) => ({ ...l, text: l.text.replace('exact-0001', 'exact 0001') })],
    ['an invalid document id', (l) => ({ ...l, docIds: ['Harbour Notes'] })],
    ['a field too many', (l) => ({ ...l, extra: true })],
  ])('refuses %s', async (_, corrupt) => {
    const malformed = corrupt(packed())
    expect(AnnotationList.safeParse(malformed).success).toBe(false)
    const api = makeApi(
      async () => ({ ok: true, value: { annotations: malformed, next: null, total: 3 } }),
      () => () => undefined,
    )
    expect(await api.annotations.list({ from: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-output' },
    })
  })
})
