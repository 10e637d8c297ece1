import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeAnchor } from '../../../../electron/shared/anchoring.ts'
import { MAX_NOTE } from '../../../../electron/shared/annotations.ts'
import { uploadImport } from '../../../../electron/shared/import-upload.ts'
import { servicesApi } from '../../../support/services-api.ts'
import { seedAnnotations, storedAnnotations } from '../../../support/stored-annotations.ts'

const app = servicesApi

/** The limit one message of an import had before it came in pieces. */
const OLD_LIMIT = 5_000_000

describe('importing in pieces', () => {
  it(`re-imports the app's own export of twice ${OLD_LIMIT.toLocaleString('en')} characters`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uploads-'))
    const { services: source } = await app(dir)
    const doc = await source.corpus.get('harbour-notes')
    const notes = storedAnnotations(960, makeAnchor(doc.id, doc.blocks[1]!, 'en', 0, 8), (i) => ({
      note: `${i} `.padEnd(MAX_NOTE, '注'),
    }))
    await seedAnnotations(dir, notes)
    const { api: exporter } = await app(dir)
    const exported = await exporter.annotations.export({ format: 'json' })
    if (!exported.ok) throw new Error(exported.error.message)
    expect(exported.value.content.length).toBeGreaterThan(2 * OLD_LIMIT)

    const { api, services } = await app()
    const upload = await uploadImport(api, exported.value.content)
    if (!upload.ok) throw new Error(upload.error.message)
    const report = await api.annotations.import({ uploadId: upload.value })
    expect(report).toMatchObject({ ok: true, value: { new: 960, invalid: 0 } })
    const listed = await services.annotations.list()
    expect(listed.map((p) => p.annotation.note)).toEqual(notes.map((n) => n.note))
  }, 120_000)

  it('refuses a piece out of order and an upload that was never sent, with typed errors', async () => {
    const { api } = await app()
    const uploadId = 'upload-0001'
    expect(await api.annotations.importChunk({ uploadId, index: 0, chunk: '{' })).toEqual({
      ok: true,
      value: null,
    })
    expect(await api.annotations.importChunk({ uploadId, index: 2, chunk: '}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await api.annotations.previewImport({ uploadId: 'never-sent-1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('reads an upload once: the preview and the import each send the file', async () => {
    const { api } = await app()
    const upload = await uploadImport(api, '{"not": "an export"}')
    if (!upload.ok) throw new Error(upload.error.message)
    expect(await api.annotations.previewImport({ uploadId: upload.value })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await api.annotations.import({ uploadId: upload.value })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})
