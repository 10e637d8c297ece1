import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorpusService } from '../../../../electron/core/corpus.ts'
import { SearchIndexService } from '../../../../electron/core/search-index.ts'
import { SearchEngine, type IndexFile } from '../../../../src/search/engine.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'

async function contentWith(index: string | null) {
  const dir = await mkdtemp(join(tmpdir(), 'index-'))
  await cp(FIXTURE_CONTENT_DIR, dir, { recursive: true })
  if (index !== null) await writeFile(join(dir, 'search-index.json'), index)
  return new SearchIndexService(dir, new CorpusService(dir))
}

describe('SearchIndexService', () => {
  it('serves the shipped index when it was built by this version', async () => {
    const corpus = new CorpusService(FIXTURE_CONTENT_DIR)
    const built = SearchEngine.build([await corpus.get('harbour-notes')]).serialize()
    const service = await contentWith(JSON.stringify(built))
    expect(await service.get()).toEqual({ file: JSON.stringify(built), rebuilt: false })
  })

  it.each([
    ['built by another version', JSON.stringify({ hash: 'search-v0', index: {} })],
    ['damaged', '{"hash":'],
    ['missing', null],
  ])('rebuilds an index that is %s, and says so', async (_label, content) => {
    const { file, rebuilt } = await (await contentWith(content)).get()
    expect(rebuilt).toBe(true)
    const engine = SearchEngine.load(JSON.parse(file) as IndexFile)
    expect(engine!.search('harbour', 5).map((h) => h.blockId)).toContain('b001')
  })
})
