import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnnotationsService } from '../../../../electron/core/annotations.ts'
import { CorpusService } from '../../../../electron/core/corpus.ts'
import { blockAnchor, makeAnchor } from '../../../../electron/shared/anchoring.ts'
import {
  LIST_PAGE_ANNOTATIONS,
  LIST_PAGE_CHARS,
  unpackAnnotations,
  type AnnotationPage,
} from '../../../../electron/shared/annotation-list.ts'
import {
  MAX_ANNOTATIONS,
  MAX_NOTE,
  type NewAnnotation,
} from '../../../../electron/shared/annotations.ts'
import type { Document } from '../../../../electron/shared/model.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'
import { seedAnnotations, storedAnnotations } from '../../../support/stored-annotations.ts'
import { XSS_PAYLOADS } from '../../../support/xss.ts'

const corpus = new CorpusService(FIXTURE_CONTENT_DIR)
let doc: Document
let tick = 0
const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++))

async function service(dir?: string) {
  doc ??= await corpus.get('harbour-notes')
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'annotations-')))
  return { annotations: new AnnotationsService(dataDir, corpus, clock), dataDir }
}

const highlight = (id: string, note = ''): NewAnnotation => ({
  id,
  kind: 'highlight',
  anchor: makeAnchor('harbour-notes', doc.blocks[1]!, 'en', 0, 8),
  color: 'yellow',
  note,
})

describe('AnnotationsService', () => {
  it('creates, lists with placement, and keeps annotations across restarts', async () => {
    const { annotations, dataDir } = await service()
    await annotations.create(highlight('highlight-1', 'first note'))
    await annotations.create({
      id: 'bookmark-1',
      kind: 'bookmark',
      anchor: blockAnchor('harbour-notes', doc.blocks[0]!, 'en'),
      color: null,
      note: '',
    })
    await annotations.flush()
    const list = await (await service(dataDir)).annotations.list()
    expect(list.map((p) => [p.annotation.id, p.placement.status])).toEqual([
      ['highlight-1', 'exact'],
      ['bookmark-1', 'exact'],
    ])
    expect(list[0]!.annotation.anchor.quote).toBe('Jiangmen')
  })

  it('refuses a duplicate id and an unknown id with typed errors', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('dup-00001'))
    await expect(annotations.create(highlight('dup-00001'))).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(annotations.update({ id: 'missing-1', note: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('edits, deletes as a tombstone, and restores on undo', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('edit-0001'))
    expect(
      (await annotations.update({ id: 'edit-0001', note: 'edited', color: 'green' })).color,
    ).toBe('green')
    const deleted = await annotations.remove('edit-0001')
    expect(deleted.deletedAt).not.toBeNull()
    expect(await annotations.list()).toEqual([])
    await annotations.restore('edit-0001')
    expect((await annotations.list())[0]!.annotation).toMatchObject({
      note: 'edited',
      deletedAt: null,
    })
  })

  it('keeps an annotation whose passage is gone: pending at once, then orphaned', async () => {
    const { annotations } = await service()
    await annotations.create({
      ...highlight('orphan-01'),
      anchor: {
        ...makeAnchor('harbour-notes', doc.blocks[1]!, 'en', 0, 8),
        blockId: 'b777',
        quote: 'nowhere to be found',
      },
    })
    expect((await annotations.list())[0]!.placement.status).toBe('pending')
    await annotations.placed()
    expect((await annotations.list())[0]!.placement.status).toBe('orphaned')
  })

  it('quarantines a corrupt annotations file, starts empty and reports it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'annotations-'))
    await writeFile(join(dataDir, 'annotations.json'), '{"version":1,"annotations":[{"id":')
    const { annotations } = await service(dataDir)
    expect(await annotations.list()).toEqual([])
    expect(await annotations.report()).toMatchObject({ status: 'reset' })
    expect((await readdir(dataDir)).some((f) => f.startsWith('annotations.json.corrupt-'))).toBe(
      true,
    )
  })

  it('tries loading again after a load that failed, once the folder is fixed', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'annotations-'))
    await writeFile(join(parent, 'not-a-folder'), '')
    const dataDir = join(parent, 'not-a-folder')
    const { annotations } = await service(join(dataDir, 'data'))
    await expect(annotations.list()).rejects.toThrow()
    await rm(dataDir)
    expect(await annotations.list()).toEqual([])
  })

  it(`exports and re-imports ${XSS_PAYLOADS.length} hostile notes unchanged`, async () => {
    const { annotations } = await service()
    for (const [i, payload] of XSS_PAYLOADS.entries())
      await annotations.create(highlight(`xss-${String(i).padStart(5, '0')}`, payload))
    const { content } = await annotations.exportAs({ format: 'json' })
    const { annotations: other } = await service()
    expect(await other.importFrom(content)).toEqual({
      new: XSS_PAYLOADS.length,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      problems: [],
    })
    expect((await other.list()).map((p) => p.annotation.note)).toEqual([...XSS_PAYLOADS])
    const markdown = (await annotations.exportAs({ format: 'markdown' })).content
    for (const payload of XSS_PAYLOADS) expect(markdown).toContain(payload)
  })

  it('merges an import by id: new, newer, unchanged, invalid — and previews without changing anything', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('keep-0001', 'mine'))
    await annotations.create(highlight('newer-001', 'old text'))
    const exported = JSON.parse((await annotations.exportAs({ format: 'json' })).content)
    exported.annotations[1].body = [
      { type: 'TextualBody', value: 'new text', format: 'text/markdown' },
    ]
    exported.annotations[1].modified = '2026-01-01T06:00:00.000Z'
    exported.annotations.push({ ...exported.annotations[0], id: 'brand-new-1' })
    exported.annotations.push({ ...exported.annotations[0], id: 'bad id!' })
    exported.annotations.push({ nonsense: true })
    const content = JSON.stringify(exported)

    const preview = await annotations.previewImport(content)
    expect(preview).toMatchObject({ new: 1, updated: 1, unchanged: 1, invalid: 2 })
    expect((await annotations.list()).map((p) => p.annotation.note)).toEqual(['mine', 'old text'])

    await annotations.importFrom(content)
    expect((await annotations.list()).map((p) => p.annotation.note)).toEqual([
      'mine',
      'new text',
      'mine',
    ])
  })

  it('keeps deletions through an import: a tombstone wins over an older live copy', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('tomb-0001'))
    const before = (await annotations.exportAs({ format: 'json' })).content
    await annotations.remove('tomb-0001')
    expect(await annotations.importFrom(before)).toMatchObject({ new: 0, updated: 0, unchanged: 1 })
    expect(await annotations.list()).toEqual([])
  })

  it('refuses an import dated in the future, which would win every later merge', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('clock-001', 'mine'))
    const exported = JSON.parse((await annotations.exportAs({ format: 'json' })).content)
    exported.annotations[0].body = [
      { type: 'TextualBody', value: 'hijack', format: 'text/markdown' },
    ]
    exported.annotations[0].modified = '9999-12-31T23:59:59.999Z'
    const report = await annotations.importFrom(JSON.stringify(exported))
    expect(report).toMatchObject({ new: 0, updated: 0, unchanged: 0, invalid: 1 })
    expect(report.problems[0]).toContain('dated in the future')
    await annotations.update({ id: 'clock-001', note: 'my later edit' })
    expect((await annotations.list())[0]!.annotation.note).toBe('my later edit')
  })

  it('counts three copies of one id in an import once: the newest is new, the others invalid', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('twice-001', 'v1'))
    const exported = JSON.parse((await annotations.exportAs({ format: 'json' })).content)
    const copy = (note: string, modified: string) => ({
      ...exported.annotations[0],
      id: 'thrice-01',
      modified,
      body: [{ type: 'TextualBody', value: note, format: 'text/markdown' }],
    })
    exported.annotations = [
      copy('older', '2026-01-01T00:00:01.000Z'),
      copy('newest', '2026-01-01T00:00:03.000Z'),
      copy('middle', '2026-01-01T00:00:02.000Z'),
    ]
    const { annotations: other } = await service()
    const report = await other.importFrom(JSON.stringify(exported))
    expect(report).toMatchObject({ new: 1, updated: 0, unchanged: 0, invalid: 2 })
    expect(report.problems.join(' ')).toContain('more than once')
    expect((await other.list()).map((p) => p.annotation.note)).toEqual(['newest'])
  })

  it(`refuses to go past ${MAX_ANNOTATIONS.toLocaleString('en')} annotations, so what it confirmed loads at the next start`, async () => {
    doc ??= await corpus.get('harbour-notes')
    const dataDir = await mkdtemp(join(tmpdir(), 'annotations-'))
    const stamp = '2026-01-01T00:00:00.000Z'
    const { anchor } = highlight('cap-00000')
    const tombstone = { kind: 'highlight', color: 'yellow', deletedAt: stamp } as const
    await seedAnnotations(
      dataDir,
      storedAnnotations(MAX_ANNOTATIONS - 1, anchor, () => tombstone),
    )
    const { annotations } = await service(dataDir)
    const { content } = await annotations.exportAs({ format: 'json' })
    await annotations.create(highlight('last-one-fits'))
    await expect(annotations.create(highlight('one-too-many'))).rejects.toMatchObject({
      code: 'limit-exceeded',
    })
    const incoming = JSON.parse(content)
    incoming.annotations = [{ ...incoming.annotations[0], id: 'imported-past-cap' }]
    await expect(annotations.previewImport(JSON.stringify(incoming))).rejects.toMatchObject({
      code: 'limit-exceeded',
    })
    await expect(annotations.importFrom(JSON.stringify(incoming))).rejects.toMatchObject({
      code: 'limit-exceeded',
    })
    await annotations.flush()
    const { annotations: restarted } = await service(dataDir)
    expect(await restarted.report()).toEqual({ status: 'ok' })
    expect((await restarted.list()).map((p) => p.annotation.id)).toEqual(['last-one-fits'])
  }, 60_000)

  it('lists a bounded page at a time, each live annotation once while others are made and deleted', async () => {
    doc ??= await corpus.get('harbour-notes')
    const dataDir = await mkdtemp(join(tmpdir(), 'annotations-'))
    const stamp = '2026-01-01T00:00:00.000Z'
    const stored = storedAnnotations(12_000, highlight('page-0').anchor, (i) => ({
      // Long notes fill the first page by characters before it is full by count.
      note: i >= 100 && i < 300 ? 'n'.repeat(MAX_NOTE) : '',
      deletedAt: i % 10 === 3 ? stamp : null,
    }))
    await seedAnnotations(dataDir, stored)
    const { annotations } = await service(dataDir)
    const ids = (page: AnnotationPage) =>
      unpackAnnotations(page.annotations).map((l) => l.annotation.id)

    const first = await annotations.listPage(0)
    expect(first.total).toBe(10_800)
    expect(first.annotations.count).toBeLessThan(LIST_PAGE_ANNOTATIONS)
    expect(first.annotations.text.length).toBeLessThanOrEqual(LIST_PAGE_CHARS)
    expect(first.annotations.text.length + MAX_NOTE).toBeGreaterThan(LIST_PAGE_CHARS)
    const seen = ids(first)
    // Between pages: one made (it goes last), one of the next page deleted, one already sent deleted.
    await annotations.create(highlight('made-between'))
    await annotations.remove(seen[0]!)
    const skipped = stored.find((a, i) => i >= first.next! && !a.deletedAt)!.id
    await annotations.remove(skipped)
    let from = first.next
    while (from !== null) {
      const page = await annotations.listPage(from)
      expect(page.annotations.count).toBeLessThanOrEqual(LIST_PAGE_ANNOTATIONS)
      expect(page.next === null || page.next > from).toBe(true)
      seen.push(...ids(page))
      from = page.next
    }
    const live = stored.filter((a) => !a.deletedAt && a.id !== skipped).map((a) => a.id)
    expect(seen).toEqual([...live, 'made-between'])
    expect(await annotations.listPage(stored.length + 1)).toMatchObject({
      next: null,
      total: 10_799,
    })
  })

  it.each([
    ['not JSON', '{"format":'],
    [
      'another format',
      '{"format":"other","version":1,"exportedAt":"2026-01-01T00:00:00Z","annotations":[]}',
    ],
    ['deeply nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    [
      'wrong types',
      '{"format":"jiangmen-reader-annotations","version":"1","exportedAt":5,"annotations":{}}',
    ],
  ])('refuses an import that is %s and changes nothing', async (_label, content) => {
    const { annotations } = await service()
    await annotations.create(highlight('safe-0001'))
    await expect(annotations.importFrom(content)).rejects.toMatchObject({ code: 'invalid-input' })
    expect((await annotations.list()).map((p) => p.annotation.id)).toEqual(['safe-0001'])
  })

  it('writes a Markdown export with both languages, the note and a citation', async () => {
    const { annotations } = await service()
    await annotations.create(highlight('md-000001', 'Worth **remembering**'))
    const { filename, content } = await annotations.exportAs({
      format: 'markdown',
      docId: 'harbour-notes',
    })
    expect(filename).toMatch(/^jiangmen-reader-harbour-notes-\d{4}-\d{2}-\d{2}\.md$/)
    expect(content).toContain('## Harbour Notes · 港口札记')
    expect(content).toContain('> Jiangmen')
    expect(content).toContain('> 2020年，江门在珠江三角洲投资3201亿元。')
    expect(content).toContain('Worth **remembering**')
    expect(content).toContain(
      '— Harbour Notes / 港口札记, The Harbour, ¶ 1, Test Press, March 1, 2024',
    )
  })
})
