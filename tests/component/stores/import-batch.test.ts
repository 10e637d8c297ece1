import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { watch } from 'vue'
import { useImportBatchStore } from '../../../src/stores/import-batch.ts'
import { useImportsStore } from '../../../src/stores/imports.ts'
import { useNoticesStore } from '../../../src/stores/notices.ts'
import { useUiStore } from '../../../src/stores/ui.ts'
import { installReader, type RendererHarness } from '../../support/renderer.ts'

let harness: RendererHarness
beforeEach(async () => {
  harness = await installReader()
  setActivePinia(createPinia())
})

const file = (name: string, text: string) => new File([text], name, { type: 'text/markdown' })
const pair = (base: string, title: string, titleZh: string) => [
  file(`${base}.en.md`, `# ${title}\n\nThe port is busy. Ships come daily.\n`),
  file(`${base}.zh.md`, `# ${titleZh}\n\n港口很繁忙。船只每天到来。\n`),
]

async function mine(): Promise<string[]> {
  const listed = await harness.services.handlers['corpus:list'](undefined)
  return listed.filter((d) => d.origin === 'user').map((d) => d.title.en)
}

/** The store's count of finished documents, each time it changes. */
function countsOf(batch: ReturnType<typeof useImportBatchStore>): number[] {
  const seen: number[] = []
  watch(
    () => batch.done,
    (done) => seen.push(done),
    { flush: 'sync' },
  )
  return seen
}

describe('importing a batch of documents', { timeout: 60_000 }, () => {
  it('adds each document as proposed, counting them, and reports what was skipped and why', async () => {
    const batch = useImportBatchStore()
    const seen = countsOf(batch)
    await useImportsStore().start([
      ...pair('north', 'North Pier', '北码头'),
      file('scan.pdf', '%PDF-1.4'),
      file('broken.tmx', '<tmx version="1.4"><body><tu>'),
      ...pair('south', 'South Pier', '南码头'),
      file('lonely.en.md', '# Alone\n\nNo translation here.\n'),
      ...pair('east', 'East Pier', '东码头'),
    ])
    expect(batch.phase).toBe('done')
    expect(useUiStore().panel).toBe('import')
    expect(useImportsStore().phase).toBe('idle')
    expect(seen).toEqual([1, 2, 3, 4])
    expect([batch.done, batch.total, batch.added, batch.stopped]).toEqual([4, 4, 3, false])
    expect(batch.skipped).toEqual([
      { files: ['scan.pdf'], reason: 'unsupported-kind' },
      { files: ['lonely.en.md'], reason: 'no-partner' },
      {
        files: ['broken.tmx'],
        error: { code: 'import-invalid-xml', message: expect.stringContaining('broken.tmx') },
      },
    ])
    expect((await mine()).sort()).toEqual(['East Pier', 'North Pier', 'South Pier'])
  })

  it('reports a file the browser can no longer read and goes on with the next document', async () => {
    const batch = useImportBatchStore()
    const [north, gone] = pair('north', 'North Pier', '北码头')
    Object.defineProperty(gone!, 'arrayBuffer', {
      value: () => Promise.reject(new Error('the file was moved')),
    })
    await useImportsStore().start([north!, gone!, ...pair('south', 'South Pier', '南码头')])
    expect([batch.phase, batch.done, batch.added]).toEqual(['done', 2, 1])
    expect(batch.skipped).toEqual([
      {
        files: ['north.en.md', 'north.zh.md'],
        error: { code: 'io-error', message: 'north.zh.md: the file was moved' },
      },
    ])
    expect(await mine()).toEqual(['South Pier'])
  })

  it('stops after the document under way when cancelled, keeping what was added', async () => {
    const batch = useImportBatchStore()
    watch(
      () => batch.done,
      (done) => done === 1 && batch.stop(),
      { flush: 'sync' },
    )
    await useImportsStore().start([
      ...pair('north', 'North Pier', '北码头'),
      ...pair('south', 'South Pier', '南码头'),
      ...pair('east', 'East Pier', '东码头'),
    ])
    expect([batch.phase, batch.done, batch.total, batch.added, batch.stopped]).toEqual([
      'done',
      1,
      3,
      1,
      true,
    ])
    expect(await mine()).toEqual(['North Pier'])
  })

  it('stops when the panel is closed mid-batch and says so once it has', async () => {
    const batch = useImportBatchStore()
    const ui = useUiStore()
    const running = useImportsStore().start([
      ...pair('north', 'North Pier', '北码头'),
      ...pair('south', 'South Pier', '南码头'),
      ...pair('east', 'East Pier', '东码头'),
    ])
    await expect.poll(() => batch.phase).toBe('running')
    ui.closePanel()
    await running
    expect(batch.phase).toBe('idle')
    expect((await mine()).length).toBeLessThan(3)
    expect(useNoticesStore().items).toContainEqual(
      expect.objectContaining({ kind: 'info', message: 'imported' }),
    )
  })

  it('takes the files chosen in main’s own picker, which main reads document by document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'batch-picked-'))
    const chosen: string[] = []
    for (const file of [
      ...pair('north', 'North Pier', '北码头'),
      ...pair('south', 'South Pier', '南码头'),
    ]) {
      chosen.push(join(dir, file.name))
      await writeFile(join(dir, file.name), await file.text())
    }
    harness = await installReader({ pickFiles: async () => chosen })
    setActivePinia(createPinia())
    expect(await useImportsStore().choose()).toBe(true)
    const batch = useImportBatchStore()
    expect([batch.phase, batch.total, batch.added, batch.skipped]).toEqual(['done', 2, 2, []])
    expect((await mine()).sort()).toEqual(['North Pier', 'South Pier'])
  })

  it('keeps one file or a pair going through the review step', async () => {
    const imports = useImportsStore()
    await imports.start(pair('north', 'North Pier', '北码头'))
    expect(imports.phase).toBe('review')
    expect(useImportBatchStore().phase).toBe('idle')
    expect(await mine()).toEqual([])
  })
})
