import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorpusService } from '../../../../electron/core/corpus.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'

async function bundleDir(content: string) {
  const dir = await mkdtemp(join(tmpdir(), 'corpus-'))
  await writeFile(join(dir, 'corpus.json'), content)
  return dir
}

describe('CorpusService', () => {
  it('lists documents with their counts', async () => {
    const [summary] = await new CorpusService(FIXTURE_CONTENT_DIR).list()
    expect(summary).toMatchObject({
      id: 'harbour-notes',
      blockCount: 3,
      wordCount: 19,
      charCount: 29,
    })
    expect(summary).not.toHaveProperty('blocks')
  })

  it('serves a whole document by id', async () => {
    const document = await new CorpusService(FIXTURE_CONTENT_DIR).get('harbour-notes')
    expect(document.blocks.map((b) => b.id)).toEqual(['b001', 'b002', 'b003'])
  })

  it('says not-found for an unknown id', async () => {
    await expect(new CorpusService(FIXTURE_CONTENT_DIR).get('nope')).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it.each([
    ['not JSON', '{"format":1,'],
    ['the wrong shape', '{"format":1,"documents":[{"id":"x"}],"glossary":[]}'],
    ['an unknown format', '{"format":2,"documents":[],"glossary":[]}'],
  ])('reports a bundle that is %s as corrupt data', async (_label, content) => {
    await expect(new CorpusService(await bundleDir(content)).list()).rejects.toMatchObject({
      code: 'corrupt-data',
    })
  })

  it('reports a missing bundle as an I/O error', async () => {
    await expect(new CorpusService('/nonexistent').list()).rejects.toMatchObject({
      code: 'io-error',
    })
  })
})
