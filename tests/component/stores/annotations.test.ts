import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeAnchor } from '../../../electron/shared/anchoring.ts'
import { LIST_PAGE_ANNOTATIONS } from '../../../electron/shared/annotation-list.ts'
import type { Document } from '../../../electron/shared/model.ts'
import { useAnnotationsStore } from '../../../src/stores/annotations.ts'
import { useNoticesStore } from '../../../src/stores/notices.ts'
import { holdAnnotationPages, installReader, type RendererHarness } from '../../support/renderer.ts'
import { seedAnnotations, storedAnnotations } from '../../support/stored-annotations.ts'

let harness: RendererHarness
let doc: Document
beforeEach(async () => {
  harness = await installReader()
  setActivePinia(createPinia())
  doc = await harness.services.corpus.get('harbour-notes')
})

describe('annotations store', () => {
  it('shows a new highlight at once and keeps main’s stored copy', async () => {
    const store = useAnnotationsStore()
    const pending = store.create({
      kind: 'highlight',
      anchor: makeAnchor(doc.id, doc.blocks[1]!, 'zh', 0, 5),
      color: 'blue',
      note: '',
    })
    expect(store.items).toHaveLength(1)
    const created = await pending
    expect(created && created.createdAt).toBeTruthy()
    expect((await harness.services.annotations.list()).map((p) => p.annotation.id)).toEqual([
      created && created.id,
    ])
  })

  it('places an annotation listed at its anchor there, keeping only what it shows', async () => {
    const anchor = makeAnchor(doc.id, doc.blocks[2]!, 'en', 4, 16)
    await harness.services.annotations.create({
      id: 'exact-0001',
      kind: 'note',
      anchor,
      color: null,
      note: 'at its anchor',
    })
    const store = useAnnotationsStore()
    await store.load()
    expect(store.items).toEqual([
      {
        annotation: expect.objectContaining({ id: 'exact-0001', note: 'at its anchor' }),
        placement: { status: 'exact', blockId: anchor.blockId, start: 4, end: 16 },
      },
    ])
    const { prefix: _prefix, suffix: _suffix, ...shown } = anchor
    expect(store.items[0]!.annotation.anchor).toEqual(shown)
    expect(store.forBlock(doc.id, anchor.blockId)).toHaveLength(1)
  })

  it('lists at once and places a moved passage when main reports it found it', async () => {
    const moved = makeAnchor(doc.id, doc.blocks[2]!, 'en', 0, 12)
    await harness.services.annotations.create({
      id: 'moved-0001',
      kind: 'highlight',
      anchor: { ...moved, blockId: doc.blocks[0]!.id },
      color: 'green',
      note: '',
    })
    const store = useAnnotationsStore()
    await store.load()
    expect(store.items[0]!.placement.status).toBe('pending')
    await expect
      .poll(() => store.items[0]!.placement)
      .toEqual({
        status: 'moved',
        blockId: doc.blocks[2]!.id,
        start: 0,
        end: 12,
      })
    expect(store.forBlock(doc.id, doc.blocks[2]!.id)).toHaveLength(1)
  })

  it('shows the list page by page, counting, and keeps what the person does while it loads', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pages-'))
    const exact = makeAnchor(doc.id, doc.blocks[1]!, 'en', 0, 8)
    const moved = makeAnchor(doc.id, doc.blocks[2]!, 'en', 0, 12)
    const count = 2 * LIST_PAGE_ANNOTATIONS + 10
    // The last one moved: main finds it only once its page is asked for.
    const stored = storedAnnotations(count, exact, (i) => ({
      kind: 'highlight',
      color: 'yellow',
      ...(i === count - 1 && { anchor: { ...moved, blockId: doc.blocks[0]!.id } }),
    }))
    await seedAnnotations(dataDir, stored)
    harness = await installReader({ dataDir })
    const letPageThrough = holdAnnotationPages()
    const store = useAnnotationsStore()
    const loading = store.load()

    await letPageThrough()
    await expect.poll(() => store.items.length).toBe(LIST_PAGE_ANNOTATIONS)
    expect(store.progress).toEqual({ loaded: LIST_PAGE_ANNOTATIONS, total: count })
    // A bookmark made and a listed highlight deleted between two pages.
    const bookmark = await store.toggleBookmark(doc.id, doc.blocks[0]!, 'en')
    expect(bookmark).toBe(true)
    expect(await store.remove('seeded-000002')).toBe(true)

    await letPageThrough()
    await expect.poll(() => store.progress?.loaded).toBe(2 * LIST_PAGE_ANNOTATIONS)
    await letPageThrough()
    await loading
    expect(store.status).toBe('ready')
    expect(store.progress).toBeNull()
    const ids = store.items.map((i) => i.annotation.id)
    expect(ids).toHaveLength(count)
    expect(new Set(ids).size).toBe(count)
    expect(ids).not.toContain('seeded-000002')
    expect(store.bookmarkOf(doc.id, doc.blocks[0]!.id)).toBeTruthy()
    await expect
      .poll(() => store.items.find((i) => i.annotation.id === stored[count - 1]!.id)?.placement)
      .toMatchObject({ status: 'moved', blockId: doc.blocks[2]!.id })
  })

  it('rolls back and says why when main refuses a change', async () => {
    const store = useAnnotationsStore()
    const bad = {
      kind: 'highlight' as const,
      anchor: makeAnchor(doc.id, doc.blocks[1]!, 'en', 0, 5),
      color: null,
      note: '',
    }
    expect(await store.create(bad)).toBe(false)
    expect(store.items).toEqual([])
    expect(useNoticesStore().items.at(-1)).toMatchObject({
      kind: 'error',
      error: { code: 'invalid-input' },
    })
  })

  it('undoes only the refused change when main refuses one while the list loads', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'refused-'))
    const exact = makeAnchor(doc.id, doc.blocks[1]!, 'en', 0, 8)
    await seedAnnotations(dataDir, storedAnnotations(LIST_PAGE_ANNOTATIONS + 10, exact))
    harness = await installReader({ dataDir })
    const letPageThrough = holdAnnotationPages()
    // Main's answer to the highlight waits too, so that a page arrives before it.
    const api = window.reader
    let answer = () => {}
    window.reader = {
      ...api,
      annotations: {
        ...api.annotations,
        create: async (input) => {
          await new Promise<void>((go) => (answer = go))
          return api.annotations.create(input)
        },
      },
    }
    const store = useAnnotationsStore()
    const loading = store.load()
    await letPageThrough()
    await expect.poll(() => store.items.length).toBe(LIST_PAGE_ANNOTATIONS)

    // A highlight without a color: main refuses it.
    const creating = store.create({ kind: 'highlight', anchor: exact, color: null, note: '' })
    expect(store.items).toHaveLength(LIST_PAGE_ANNOTATIONS + 1)
    await letPageThrough()
    await loading
    expect(store.items).toHaveLength(LIST_PAGE_ANNOTATIONS + 11)
    answer()
    expect(await creating).toBe(false)
    expect(store.items).toHaveLength(LIST_PAGE_ANNOTATIONS + 10)
    expect(useNoticesStore().items.at(-1)).toMatchObject({ error: { code: 'invalid-input' } })
  })

  it('toggles a bookmark on a block and counts it for the library card', async () => {
    const store = useAnnotationsStore()
    await store.toggleBookmark(doc.id, doc.blocks[0]!, 'en')
    expect(store.bookmarkOf(doc.id, 'b001')).toBeTruthy()
    expect(store.countsByDoc.get(doc.id)).toEqual({ bookmarks: 1, notes: 0, highlights: 0 })
    await store.toggleBookmark(doc.id, doc.blocks[0]!, 'en')
    expect(store.bookmarkOf(doc.id, 'b001')).toBeUndefined()
  })

  it('deletes with an Undo that brings the annotation back', async () => {
    const store = useAnnotationsStore()
    const created = await store.create({
      kind: 'note',
      anchor: makeAnchor(doc.id, doc.blocks[2]!, 'en', 0, 5),
      color: null,
      note: 'keep me',
    })
    await store.remove(created ? created.id : '')
    expect(store.items).toEqual([])
    const undo = useNoticesStore().items.find((n) => n.kind === 'info' && n.action)
    if (undo?.kind !== 'info' || !undo.action) throw new Error('no undo offered')
    undo.action.run()
    await expect.poll(async () => (await harness.services.annotations.list()).length).toBe(1)
    expect(store.items[0]!.annotation.note).toBe('keep me')
  })
})
