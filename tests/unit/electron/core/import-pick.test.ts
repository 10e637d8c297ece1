import { mkdir, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/core/dispatch.ts'
import { createServices } from '../../../../electron/core/services.ts'
import {
  MAX_IMPORT_BATCH_FILES,
  MAX_IMPORT_FILE_BYTES,
} from '../../../../electron/shared/import-upload.ts'
import { makeApi } from '../../../../electron/shared/make-api.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'
import { servicesApi } from '../../../support/services-api.ts'

const EN = '# Harbour Notes\n\nThe port is busy. Ships come daily.\n'
const ZH = '# 港口札记\n\n港口很繁忙。船只每天到来。\n'

/** The app with a file picker that answers `chosen` (the paths the person picked). */
async function appPicking(chosen: () => string[]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pick-data-'))
  const services = createServices({
    contentDir: FIXTURE_CONTENT_DIR,
    dataDir,
    appInfo: { name: 'r', version: '1', platform: 'linux', osLocale: 'en' },
    pickFiles: async () => chosen(),
  })
  const api = makeApi(
    (channel, payload) => dispatch(services.handlers, channel, payload),
    () => () => undefined,
  )
  return { api, dataDir }
}

async function pairOnDisk() {
  const dir = await mkdtemp(join(tmpdir(), 'pick-files-'))
  const paths = [join(dir, 'harbour-en.md'), join(dir, 'harbour-zh.md')]
  await writeFile(paths[0]!, EN)
  await writeFile(paths[1]!, ZH)
  return { dir, paths }
}

describe('documents chosen in main’s own file picker', { timeout: 30_000 }, () => {
  it('are read by main and proposed by id: no bytes cross IPC', async () => {
    const { paths } = await pairOnDisk()
    const { api } = await appPicking(() => paths)
    const picked = await api.documents.pick()
    if (!picked.ok || picked.value.picker !== 'native') throw new Error('no native picker')
    expect(picked.value.files.map((f) => f.name)).toEqual(['harbour-en.md', 'harbour-zh.md'])
    expect(JSON.stringify(picked.value)).not.toContain('Harbour')
    const proposal = await api.documents.propose({
      jobId: 'job-pick-01',
      files: picked.value.files,
    })
    expect(proposal).toMatchObject({
      ok: true,
      value: {
        title: { en: 'Harbour Notes', zh: '港口札记' },
        files: ['harbour-en.md', 'harbour-zh.md'],
      },
    })
    // Each file read is proposed once.
    expect(
      await api.documents.propose({ jobId: 'job-pick-02', files: picked.value.files }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('answers no files when the person cancels the picker', async () => {
    const { api } = await appPicking(() => [])
    expect(await api.documents.pick()).toEqual({ ok: true, value: { picker: 'native', files: [] } })
  })

  it('refuses a vanished path, a folder, a file over the limit and a flood of files, keeping nothing', async () => {
    const { dir, paths } = await pairOnDisk()
    let chosen: string[] = []
    const { api, dataDir } = await appPicking(() => chosen)
    await mkdir(join(dir, 'folder.md'))
    await writeFile(join(dir, 'huge.txt'), '')
    await truncate(join(dir, 'huge.txt'), MAX_IMPORT_FILE_BYTES + 1)
    await rm(paths[1]!)
    const cases: Array<[string[], string]> = [
      [paths, 'io-error'],
      [[paths[0]!, join(dir, 'folder.md')], 'import-unsupported'],
      [[join(dir, 'huge.txt')], 'import-too-large'],
      [Array.from({ length: MAX_IMPORT_BATCH_FILES + 1 }, () => paths[0]!), 'limit-exceeded'],
    ]
    for (const [files, code] of cases) {
      chosen = files
      expect(await api.documents.pick()).toMatchObject({ ok: false, error: { code } })
    }
    const listed = await api.corpus.list()
    expect(listed.ok && listed.value.map((d) => d.origin)).toEqual(['bundled'])
    expect(await readdir(join(dataDir, 'documents')).catch(() => [])).toEqual([])
  })

  it('names the files of a batch at once and reads each when its document is proposed', async () => {
    const { dir, paths } = await pairOnDisk()
    const gone = join(dir, 'gone.tmx')
    await writeFile(gone, '<tmx/>')
    const { api } = await appPicking(() => [...paths, gone])
    const picked = await api.documents.pick()
    if (!picked.ok || picked.value.picker !== 'native') throw new Error('no native picker')
    expect(picked.value.files.map((f) => f.name)).toEqual([
      'harbour-en.md',
      'harbour-zh.md',
      'gone.tmx',
    ])
    await rm(gone)
    const [en, zh, tmx] = picked.value.files
    expect(await api.documents.propose({ jobId: 'job-batch-01', files: [en!, zh!] })).toMatchObject(
      { ok: true, value: { title: { en: 'Harbour Notes' } } },
    )
    expect(await api.documents.propose({ jobId: 'job-batch-02', files: [tmx!] })).toMatchObject({
      ok: false,
      error: { code: 'io-error', message: expect.stringContaining('gone.tmx') },
    })
  })

  it('says there is no native picker where none was given, and refuses a payload', async () => {
    const { api } = await servicesApi()
    expect(await api.documents.pick()).toEqual({ ok: true, value: { picker: 'none' } })
    const { services } = await servicesApi()
    expect(await dispatch(services.handlers, 'documents:pick', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })
})
