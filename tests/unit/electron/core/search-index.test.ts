import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorpusService } from '../../../../electron/core/corpus.ts'
import { SearchIndexService } from '../../../../electron/core/search-index.ts'
import { SearchEngine } from '../../../../src/search/engine.ts'
import { SEARCH_INDEX_FILE } from '../../../../electron/shared/model.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'

/** The fixture corpus's index as built by this version, its last `cut` characters cut off if negative. */
async function shipped(cut = 0) {
  const corpus = new CorpusService(FIXTURE_CONTENT_DIR)
  const built = SearchEngine.build([await corpus.get('harbour-notes')]).serialize()
  return cut ? built.slice(0, cut) : built
}

async function contentWith(index: string | null) {
  const dir = await mkdtemp(join(tmpdir(), 'index-'))
  await cp(FIXTURE_CONTENT_DIR, dir, { recursive: true })
  if (index !== null) await writeFile(join(dir, SEARCH_INDEX_FILE), index)
  return new SearchIndexService(dir, new CorpusService(dir))
}

describe('SearchIndexService', () => {
  it('serves the shipped index when it was built by this version', async () => {
    const built = await shipped()
    const service = await contentWith(built)
    expect(await service.get()).toEqual({ file: built, rebuilt: false })
  })

  it.each([
    ['built by another version', JSON.stringify({ hash: 'search-v0', index: {} })],
    ['damaged', '{"hash":'],
    ['cut short', 'CUT'],
    ['missing', null],
  ])('rebuilds an index that is %s, and says so', async (_label, content) => {
    const { file, rebuilt } = await (
      await contentWith(content === 'CUT' ? await shipped(-100) : content)
    ).get()
    expect(rebuilt).toBe(true)
    const engine = SearchEngine.load(file)
    expect(engine!.search('harbour', 5).map((h) => h.blockId)).toContain('b001')
  })
})
