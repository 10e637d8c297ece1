import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeAnchor } from '../../../../electron/shared/anchoring.ts'
import { unpackAnnotations } from '../../../../electron/shared/annotation-list.ts'
import type { ImportProgress, ImportProposal } from '../../../../electron/shared/imports.ts'
import { uploadDocument } from '../../../../electron/shared/import-upload.ts'
import type { ReaderApi } from '../../../../electron/shared/make-api.ts'
import { servicesApi } from '../../../support/services-api.ts'

/** The app over a data folder, with the import progress it reports. */
async function app(dataDir?: string) {
  const started = await servicesApi(dataDir)
  const progress: ImportProgress[] = []
  started.services.imports.onProgress((p) => progress.push(p))
  return { ...started, progress }
}

const EN = '# Harbour Notes\n\nThe port is busy. Ships come daily.\n\nFish is sold at dawn.\n'
const ZH = '# 港口札记\n\n港口很繁忙。船只每天到来。\n\n鱼在黎明时出售。\n'

async function propose(
  api: ReaderApi,
  files: Record<string, string | Uint8Array>,
  jobId = 'job-00001',
) {
  const uploads = []
  for (const [name, content] of Object.entries(files)) {
    const uploaded = await uploadDocument(
      api,
      typeof content === 'string' ? new TextEncoder().encode(content) : content,
    )
    if (!uploaded.ok) throw new Error(uploaded.error.message)
    uploads.push({ uploadId: uploaded.value, name, modified: '2024-02-03' })
  }
  return api.documents.propose({ jobId, files: uploads })
}

const accepted = ({ title, date, files, blocks }: ImportProposal) => ({
  title,
  date,
  files,
  blocks: blocks.map(({ type, en, zh, pairs }) => ({
    type,
    en,
    zh,
    pairs: pairs.map((p) => ({ en: p.en, zh: p.zh })),
  })),
})

/** Imports the Harbour Notes pair and accepts it as proposed. */
async function addHarbourNotes(api: ReaderApi, jobId: string) {
  const proposal = await propose(api, { 'a.md': EN, 'b.md': ZH }, jobId)
  if (!proposal.ok) throw new Error(proposal.error.message)
  const added = await api.documents.add(accepted(proposal.value))
  if (!added.ok) throw new Error(added.error.message)
  return added.value
}

describe('imported documents', () => {
  it('proposes from uploaded bytes with progress, saves the accepted document, and keeps it across restarts', async () => {
    const { api, dir, progress, services } = await app()
    const proposal = await propose(api, { 'notes-en.md': EN, 'notes-zh.md': ZH })
    if (!proposal.ok) throw new Error(proposal.error.message)
    expect(proposal.value.blocks).toHaveLength(3)
    expect(progress.at(-1)).toEqual({ jobId: 'job-00001', done: 3, total: 3 })

    const added = await api.documents.add(accepted(proposal.value))
    expect(added).toMatchObject({
      ok: true,
      value: { id: 'mine-harbour-notes', origin: 'user', blockCount: 3 },
    })
    await services.flush()

    const again = await app(dir)
    const list = await again.api.corpus.list()
    expect(list.ok && list.value.map((d) => [d.id, d.origin])).toEqual([
      ['harbour-notes', 'bundled'],
      ['mine-harbour-notes', 'user'],
    ])
    const document = await again.api.corpus.get({ id: 'mine-harbour-notes' })
    expect(document.ok && document.value).toMatchObject({
      title: { en: 'Harbour Notes', zh: '港口札记' },
      date: '2024-02-03',
      origin: 'user',
      blocks: [
        { id: 'p1', type: 'heading' },
        {
          id: 'p2',
          pairs: [
            { en: 'The port is busy.', zh: '港口很繁忙。' },
            { en: 'Ships come daily.', zh: '船只每天到来。' },
          ],
        },
        { id: 'p3' },
      ],
    })
    expect((await readdir(join(dir, 'documents'))).sort()).toEqual([
      'manifest.json',
      'mine-harbour-notes.json',
    ])
  })

  it('gives a second import of the same title its own id', async () => {
    const { api } = await app()
    const proposal = await propose(api, { 'a.md': EN, 'b.md': ZH })
    if (!proposal.ok) throw new Error(proposal.error.message)
    await api.documents.add(accepted(proposal.value))
    expect(await api.documents.add(accepted(proposal.value))).toMatchObject({
      value: { id: 'mine-harbour-notes-2' },
    })
  })

  it('removes a document keeping its annotations as orphans, and restores both', async () => {
    const { api, services } = await app()
    const proposal = await propose(api, { 'a.md': EN, 'b.md': ZH })
    if (!proposal.ok) throw new Error(proposal.error.message)
    await api.documents.add(accepted(proposal.value))
    const document = await api.corpus.get({ id: 'mine-harbour-notes' })
    if (!document.ok) throw new Error(document.error.message)
    const anchor = makeAnchor('mine-harbour-notes', document.value.blocks[1]!, 'en', 4, 8)
    await api.annotations.create({
      id: 'note-00001',
      kind: 'highlight',
      anchor,
      color: 'yellow',
      note: 'busy',
    })

    expect(await api.documents.remove({ id: 'mine-harbour-notes' })).toMatchObject({ ok: true })
    const listed = await api.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.id)).toEqual(['harbour-notes'])
    const orphaned = await api.annotations.list({ from: 0 })
    expect(
      orphaned.ok &&
        unpackAnnotations(orphaned.value.annotations).map((a) => [
          a.annotation.id,
          a.placement.status,
        ]),
    ).toEqual([['note-00001', 'orphaned']])

    expect(await api.documents.restore({ id: 'mine-harbour-notes' })).toMatchObject({ ok: true })
    await services.annotations.placed()
    const placed = await api.annotations.list({ from: 0 })
    expect(
      placed.ok &&
        unpackAnnotations(placed.value.annotations).map((a) => [
          a.annotation.id,
          a.placement.status,
        ]),
    ).toEqual([['note-00001', 'exact']])
  })

  it('refuses bad input with its import code and changes nothing', async () => {
    const { api } = await app()
    expect(await propose(api, { 'photo.md': new Uint8Array([0x89, 0x50, 0, 0, 1]) })).toMatchObject(
      {
        ok: false,
        error: { code: 'import-binary' },
      },
    )
    expect(await propose(api, { 'a.md': EN, 'b.md': EN })).toMatchObject({
      ok: false,
      error: { code: 'import-mismatched-languages' },
    })
    const listed = await api.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.id)).toEqual(['harbour-notes'])
  })

  it('validates every payload: pieces in base64, pairs that make up their block, known uploads', async () => {
    const { api } = await app()
    expect(
      await api.documents.uploadChunk({
        uploadId: 'upload-0001',
        index: 0,
        chunk: '../etc/passwd',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    const block = {
      type: 'paragraph' as const,
      en: 'One. Two.',
      zh: '一。二。',
      pairs: [{ en: 'One.', zh: '二。' }],
    }
    expect(
      await api.documents.add({
        title: { en: 'T', zh: '题' },
        date: null,
        files: ['a.md'],
        blocks: [block],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(
      await api.documents.propose({
        jobId: 'job-00002',
        files: [{ uploadId: 'never-sent', name: 'a.md', modified: null }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('cancels a running proposal', async () => {
    const { api } = await app()
    const en = new TextEncoder().encode(
      Array.from({ length: 200 }, (_, k) => `Paragraph ${k} is here.`).join('\n\n'),
    )
    const zh = new TextEncoder().encode(
      Array.from({ length: 200 }, (_, k) => `第${k}段在这里。`).join('\n\n'),
    )
    const running = propose(api, { 'a.txt': en, 'b.txt': zh }, 'job-00003')
    await new Promise((resolve) => setTimeout(resolve, 0))
    await api.documents.cancel({ jobId: 'job-00003' })
    expect(await running).toMatchObject({ ok: false, error: { code: 'import-cancelled' } })
  })

  it('restores the manifest from its backup when it is damaged, and says so', async () => {
    const { api, dir, services } = await app()
    for (const jobId of ['job-00004', 'job-00005']) {
      await addHarbourNotes(api, jobId)
      await services.flush()
    }
    await writeFile(join(dir, 'documents', 'manifest.json'), '{"version":1,"documents":[')
    const again = await app(dir)
    const listed = await again.api.corpus.list()
    // What the backup misses is taken back from the documents' own files.
    expect(listed.ok && listed.value.map((d) => d.id)).toEqual([
      'harbour-notes',
      'mine-harbour-notes',
      'mine-harbour-notes-2',
    ])
    const notices = await again.api.app.notices()
    expect(notices.ok && notices.value).toEqual([
      expect.objectContaining({ store: 'documents', status: 'restored' }),
    ])
    expect(
      (await readdir(join(dir, 'documents'))).some((f) => f.startsWith('manifest.json.corrupt-')),
    ).toBe(true)
    expect(
      JSON.parse(await readFile(join(dir, 'documents', 'manifest.json'), 'utf8')),
    ).toMatchObject({ version: 1 })
  })

  it('lists a saved document the manifest had not caught up with when the app stopped', async () => {
    const { api, dir, services } = await app()
    for (const jobId of ['job-00006', 'job-00007']) await addHarbourNotes(api, jobId)
    await services.flush()
    const manifestFile = join(dir, 'documents', 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      documents: Array<{ summary: { id: string } }>
    }
    manifest.documents = manifest.documents.filter((e) => e.summary.id === 'mine-harbour-notes')
    await writeFile(manifestFile, JSON.stringify(manifest))

    const again = await app(dir)
    const listed = await again.api.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.id)).toEqual([
      'harbour-notes',
      'mine-harbour-notes',
      'mine-harbour-notes-2',
    ])
    const notices = await again.api.app.notices()
    expect(notices).toEqual({ ok: true, value: [] })
    await again.services.flush()
    const written = JSON.parse(await readFile(manifestFile, 'utf8')) as typeof manifest
    expect(written.documents.map((e) => e.summary.id)).toEqual([
      'mine-harbour-notes',
      'mine-harbour-notes-2',
    ])
  })

  it('gives documents added at the same time distinct ids, all listed after a restart', async () => {
    const { api, dir, services } = await app()
    const proposal = await propose(api, { 'a.md': EN, 'b.md': ZH })
    if (!proposal.ok) throw new Error(proposal.error.message)
    const added = await Promise.all(
      Array.from({ length: 5 }, () => api.documents.add(accepted(proposal.value))),
    )
    const ids = added.map((a) => (a.ok ? a.value.id : a.error.code))
    expect(new Set(ids).size).toBe(5)
    await services.flush()
    const again = await app(dir)
    const listed = await again.api.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.id).sort()).toEqual(
      ['harbour-notes', ...ids].sort(),
    )
  })
})
