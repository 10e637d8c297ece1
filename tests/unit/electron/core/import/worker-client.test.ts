import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../../../../electron/core/services.ts'
import { dispatch } from '../../../../../electron/core/dispatch.ts'
import { proposeImport } from '../../../../../electron/core/import/pipeline.ts'
import { ImportWorkers } from '../../../../../electron/core/import/worker-client.ts'
import { uploadDocument } from '../../../../../electron/shared/import-upload.ts'
import { makeApi, type ReaderApi } from '../../../../../electron/shared/make-api.ts'
import { acceptedDocument } from '../../../../../src/imports/review.ts'
import { FIXTURE_CONTENT_DIR } from '../../../../support/fixtures.ts'
import { servicesApi } from '../../../../support/services-api.ts'

const CRASHING_WORKER = resolve(
  import.meta.dirname,
  '../../../../fixtures/workers/crashing-import-worker.ts',
)
const encode = (text: string) => new TextEncoder().encode(text)
const EN = '# Harbour Notes\n\nThe port is busy. Ships come daily.\n\nFish is sold at dawn.\n'
const ZH = '# 港口札记\n\n港口很繁忙。船只每天到来。\n\n鱼在黎明时出售。\n'
const pair = (paragraphs: number) => [
  {
    name: 'long-en.txt',
    bytes: encode(
      Array.from({ length: paragraphs }, (_, k) => `Paragraph ${k} is here.`).join('\n\n'),
    ),
    modified: null,
  },
  {
    name: 'long-zh.txt',
    bytes: encode(Array.from({ length: paragraphs }, (_, k) => `第${k}段在这里。`).join('\n\n')),
    modified: null,
  },
]

async function propose(api: ReaderApi, jobId: string) {
  const uploads = []
  for (const [name, text] of [
    ['a.md', EN],
    ['b.md', ZH],
  ] as const) {
    const uploaded = await uploadDocument(api, encode(text))
    if (!uploaded.ok) throw new Error(uploaded.error.message)
    uploads.push({ uploadId: uploaded.value, name, modified: null })
  }
  return api.documents.propose({ jobId, files: uploads })
}

// Starting a thread loads every parser: seconds on a busy machine.
describe('the import pipeline on a thread of its own', { timeout: 30_000 }, () => {
  it('answers what the pipeline does in-thread, with progress up to every block', async () => {
    const workers = new ImportWorkers()
    const files = pair(60)
    const progress: Array<[number, number]> = []
    const proposal = await workers.run(files, { onProgress: (d, t) => progress.push([d, t]) })
    await workers.close()
    expect(proposal).toEqual(await proposeImport(files))
    expect(progress[0]).toEqual([0, 60])
    expect(progress.at(-1)).toEqual([60, 60])
    expect(progress.length).toBeGreaterThan(2)
  })

  it('answers the pipeline’s refusal with its code', async () => {
    const workers = new ImportWorkers()
    const refusal = workers.run([{ name: 'a.md', bytes: encode(EN), modified: null }])
    await expect(refusal).rejects.toMatchObject({ code: 'import-mismatched-languages' })
    await workers.close()
  })

  it('stops a cancelled import at once, and the next one runs on a fresh thread', async () => {
    const workers = new ImportWorkers()
    const controller = new AbortController()
    let firstProgress: () => void = () => undefined
    const started = new Promise<void>((done) => (firstProgress = done))
    const running = workers.run(pair(3_000), {
      signal: controller.signal,
      onProgress: firstProgress,
    })
    await started
    controller.abort()
    await expect(running).rejects.toMatchObject({ code: 'import-cancelled' })
    await expect(workers.run(pair(3))).resolves.toMatchObject({ blocks: expect.any(Array) })
    await workers.close()
  })

  it('starts a thread ahead, used by the next import; one that cannot start is an error, not a crash', async () => {
    const workers = new ImportWorkers()
    workers.warm()
    workers.warm()
    await expect(workers.run(pair(3))).resolves.toMatchObject({ format: 'text' })
    await workers.close()

    const broken = new ImportWorkers(resolve(import.meta.dirname, 'no-such-worker.ts'))
    broken.warm()
    await new Promise((done) => setTimeout(done, 500))
    await expect(broken.run(pair(3))).rejects.toMatchObject({ code: 'import-crashed' })
  })

  it('saves nothing when an import is cancelled', async () => {
    const { api, dir, services } = await servicesApi()
    const uploads = []
    for (const file of pair(3_000)) {
      const uploaded = await uploadDocument(api, file.bytes)
      if (!uploaded.ok) throw new Error(uploaded.error.message)
      uploads.push({ uploadId: uploaded.value, name: file.name, modified: null })
    }
    const running = api.documents.propose({ jobId: 'job-cancel-1', files: uploads })
    const progressed = new Promise<void>((done) => services.imports.onProgress(() => done()))
    await progressed
    await api.documents.cancel({ jobId: 'job-cancel-1' })
    expect(await running).toMatchObject({ ok: false, error: { code: 'import-cancelled' } })
    const listed = await api.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.origin)).toEqual(['bundled'])
    expect(await readdir(join(dir, 'documents')).catch(() => [])).toEqual([])
  })

  it('turns a thread that dies into a localized error, keeping what was imported', async () => {
    const { api, dir, services } = await servicesApi()
    const proposal = await propose(api, 'job-crash-01')
    if (!proposal.ok) throw new Error(proposal.error.message)
    const added = await api.documents.add(acceptedDocument(proposal.value, proposal.value.blocks))
    if (!added.ok) throw new Error(added.error.message)
    await services.flush()

    const crashing = createServices({
      contentDir: FIXTURE_CONTENT_DIR,
      dataDir: dir,
      appInfo: { name: 'r', version: '1', platform: 'linux', osLocale: 'en' },
      importWorkerFile: CRASHING_WORKER,
    })
    const crashingApi = makeApi(
      (channel, payload) => dispatch(crashing.handlers, channel, payload),
      () => () => undefined,
    )
    expect(await propose(crashingApi, 'job-crash-02')).toMatchObject({
      ok: false,
      error: { code: 'import-crashed', message: expect.stringContaining('134') },
    })
    const listed = await crashingApi.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.id)).toEqual([
      'harbour-notes',
      'mine-harbour-notes',
    ])
    // The next import starts a new thread rather than waiting on the dead one.
    expect(await propose(crashingApi, 'job-crash-03')).toMatchObject({
      error: { code: 'import-crashed' },
    })
  })
})
