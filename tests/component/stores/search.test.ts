import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { watch } from 'vue'
import { CorpusService } from '../../../electron/core/corpus.ts'
import { SEARCH_INDEX_FILE } from '../../../electron/shared/model.ts'
import { SearchEngine } from '../../../src/search/engine.ts'
import { useNoticesStore } from '../../../src/stores/notices.ts'
import { INDEX_CHUNK, useSearchStore } from '../../../src/stores/search.ts'
import { FIXTURE_CONTENT_DIR } from '../../support/fixtures.ts'
import { installReader } from '../../support/renderer.ts'

const WORDS = ['alder', 'birch', 'cedar', 'maple', 'rowan']

describe('the search store and the person’s own documents', { timeout: 60_000 }, () => {
  it('adds them to the index a few at a time, counting, and finds them once added', async () => {
    const { services } = await installReader()
    setActivePinia(createPinia())
    const count = 2 * INDEX_CHUNK + 7
    for (let k = 0; k < count; k++) {
      // The last one, in the last few added, alone has junipers.
      const tree = k === count - 1 ? 'juniper' : WORDS[k % WORDS.length]
      const en = `Pier ${k} is lined with ${tree} trees.`
      await services.handlers['documents:add']({
        title: { en: `Pier ${k}`, zh: `${k}号码头` },
        date: null,
        files: [`pier-${k}.en.md`, `pier-${k}.zh.md`],
        blocks: [
          { type: 'paragraph', en, zh: '码头边种着树。', pairs: [{ en, zh: '码头边种着树。' }] },
        ],
      })
    }
    const search = useSearchStore()
    const seen: Array<string | null> = []
    watch(
      () => search.indexing,
      (indexing) => seen.push(indexing && `${indexing.done} of ${indexing.total}`),
      { flush: 'sync' },
    )
    expect(await search.prepare()).toBe(true)
    expect(seen).toEqual([
      `0 of ${count}`,
      `${INDEX_CHUNK} of ${count}`,
      `${2 * INDEX_CHUNK} of ${count}`,
      null,
    ])
    await search.run('juniper')
    expect(search.hits.map((hit) => hit.en)).toEqual([
      `Pier ${count - 1} is lined with juniper trees.`,
    ])
  })
})

describe('the search store and a damaged shipped index', () => {
  it('says the index is damaged, rather than searching wrong results', async () => {
    const contentDir = await mkdtemp(join(tmpdir(), 'damaged-index-'))
    await cp(FIXTURE_CONTENT_DIR, contentDir, { recursive: true })
    const corpus = new CorpusService(FIXTURE_CONTENT_DIR)
    const index = SearchEngine.build([await corpus.get('harbour-notes')]).serialize()
    // Altered in its postings, its length kept: main serves it, the engine refuses it.
    const at = index.indexOf('\n') + 200
    const altered = index.slice(0, at) + (index[at] === 'A' ? 'B' : 'A') + index.slice(at + 1)
    await writeFile(join(contentDir, SEARCH_INDEX_FILE), altered)
    await installReader({ contentDir })
    setActivePinia(createPinia())
    const search = useSearchStore()
    expect(await search.prepare()).toBe(false)
    expect(search.status).toBe('error')
    expect(useNoticesStore().items).toEqual([
      expect.objectContaining({
        kind: 'error',
        error: { code: 'corrupt-data', message: expect.stringMatching(/search index is damaged/) },
      }),
    ])
  })
})
