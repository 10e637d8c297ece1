import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../../scripts/corpus.ts'
import { captureConsole } from '../../../support/console.ts'
import { FIXTURE_SOURCE_DIR } from '../../../support/fixtures.ts'

const { out, err } = captureConsole()

async function contentCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'content-'))
  await cp(FIXTURE_SOURCE_DIR, dir, { recursive: true })
  return dir
}

describe('corpus CLI', () => {
  it('check --json prints the figures and exits 0 on clean content', async () => {
    expect(await main(['check', '--json', '--content', FIXTURE_SOURCE_DIR])).toBe(0)
    expect(JSON.parse(out[0]!)).toEqual({
      documents: 1,
      blocks: 3,
      aligned: 3,
      pairs: 3,
      glossaryTerms: 2,
      aligner: {
        exact: 3,
        pairs: 3,
        share: 1,
        documents: [{ docId: 'harbour-notes', exact: 3, pairs: 3, share: 1 }],
      },
      problems: [],
    })
  })

  it('check prints the aligner’s share of authored pairs per document', async () => {
    expect(await main(['check', '--content', FIXTURE_SOURCE_DIR])).toBe(0)
    expect(out).toContain(
      'aligner: 100.0% of 3 authored pairs proposed exactly (3/3): harbour-notes 100.0% (3/3)',
    )
  })

  it('align --json prints one entry per block with its authored pairs', async () => {
    const dir = await contentCopy()
    const file = join(dir, 'harbour-notes.json')
    const document = JSON.parse(await readFile(file, 'utf8')) as {
      blocks: Array<{ id: string; en: string; zh: string; pairs: unknown }>
    }
    const block = document.blocks[1]!
    block.en = 'Jiangmen invested 320.1 billion yuan. It did so in 2020.'
    block.zh = '江门投资3201亿元。投资是在2020年。'
    block.pairs = [
      { en: 'Jiangmen invested 320.1 billion yuan.', zh: '江门投资3201亿元。' },
      { en: 'It did so in 2020.', zh: '投资是在2020年。' },
    ]
    await writeFile(file, JSON.stringify(document))
    expect(await main(['align', '--json', '--content', dir])).toBe(0)
    const entries = JSON.parse(out[0]!) as Array<Record<string, unknown>>
    expect(entries.map((e) => [e.docId, e.blockId])).toEqual([
      ['harbour-notes', 'b001'],
      ['harbour-notes', 'b002'],
      ['harbour-notes', 'b003'],
    ])
    expect(entries[1]).toEqual({ docId: 'harbour-notes', blockId: 'b002', pairs: block.pairs })
    for (const entry of entries)
      expect(Object.keys(entry).sort()).toEqual(['blockId', 'docId', 'pairs'])
  })

  it('align --proposed prints what the aligner proposes, with a confidence per pair', async () => {
    expect(await main(['align', '--proposed', '--json', '--content', FIXTURE_SOURCE_DIR])).toBe(0)
    const [first] = JSON.parse(out[0]!) as Array<{ pairs: Array<Record<string, unknown>> }>
    expect(first!.pairs).toEqual([
      { en: 'The Harbour', zh: '港口', confidence: expect.any(Number) },
    ])
    out.length = 0
    expect(await main(['align', '--content', FIXTURE_SOURCE_DIR])).toBe(0)
    expect(out[0]).toMatch(/^harbour-notes b001\n  1 en: The Harbour\n    zh: 港口\n/)
  })

  it('names the file and block of a missing translation and exits non-zero', async () => {
    const dir = await contentCopy()
    const file = join(dir, 'harbour-notes.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"港口夜景"', '""'))
    expect(await main(['check', '--content', dir])).toBe(1)
    expect(err).toContain(
      'harbour-notes.json: b003: blocks.zh: Too small: expected string to have >=1 characters',
    )
  })

  it('names a malformed file', async () => {
    const dir = await contentCopy()
    await writeFile(join(dir, 'broken.json'), '{"id": "broken",')
    expect(await main(['check', '--content', dir])).toBe(1)
    expect(err.some((line) => line.startsWith('broken.json: -: malformed JSON'))).toBe(true)
  })

  it('build writes a deterministic bundle and refuses content with problems', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'bundle-'))
    expect(await main(['build', '--content', FIXTURE_SOURCE_DIR, '--out', outDir])).toBe(0)
    const first = await readFile(join(outDir, 'corpus.json'), 'utf8')
    expect(await main(['build', '--content', FIXTURE_SOURCE_DIR, '--out', outDir])).toBe(0)
    expect(await readFile(join(outDir, 'corpus.json'), 'utf8')).toBe(first)
    expect(JSON.parse(first)).toMatchObject({ format: 1, documents: [{ id: 'harbour-notes' }] })
    expect(JSON.parse(first).documents[0].blocks[0].pairs).toEqual([
      { en: 'The Harbour', zh: '港口' },
    ])

    const dir = await contentCopy()
    await writeFile(join(dir, 'glossary.json'), '{"version": 1, "terms": [{"id": "x"}]}')
    expect(await main(['build', '--content', dir, '--out', outDir])).toBe(1)
    expect(err.at(-1)).toMatch(/^build refused/)
  })

  it('answers an unknown command with the usage and exit code 2', async () => {
    expect(await main(['frobnicate', '--content', FIXTURE_SOURCE_DIR])).toBe(2)
    expect(err[0]).toContain('Usage: npm run corpus')
  })
})

// A search builds the corpus and loads the dictionary first: seconds on a busy machine.
describe('corpus CLI search', { timeout: 30_000 }, () => {
  it('prints JSON hits, best first, with both texts and the matched language', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'bundle-'))
    expect(await main(['build', '--content', FIXTURE_SOURCE_DIR, '--out', outDir])).toBe(0)
    out.length = 0
    const content = ['--content', FIXTURE_SOURCE_DIR, '--out', outDir]
    expect(await main(['search', '港口', '--json', '--limit', '1', ...content])).toBe(0)
    const hits = JSON.parse(out[0]!) as Array<Record<string, unknown>>
    expect(hits).toHaveLength(1)
    expect(Object.keys(hits[0]!).sort()).toEqual(['blockId', 'docId', 'en', 'lang', 'score', 'zh'])
    expect(hits[0]).toMatchObject({ docId: 'harbour-notes', lang: 'zh' })

    out.length = 0
    expect(await main(['search', 'harb', ...content])).toBe(0)
    expect(out.join('\n')).toContain('[Harbour]')
  })

  it('refuses a bad --limit', async () => {
    expect(await main(['search', 'x', '--limit', 'many', '--content', FIXTURE_SOURCE_DIR])).toBe(2)
  })

  it('builds a missing corpus first, with its progress on stderr, then answers', async () => {
    const outDir = join(await mkdtemp(join(tmpdir(), 'bundle-')), 'never-built')
    const search = ['search', 'harb', '--content', FIXTURE_SOURCE_DIR, '--out', outDir]
    expect(await main(search)).toBe(0)
    expect(err[0]).toMatch(/missing or stale: building it/)
    expect(err.some((line) => line.startsWith('building the search index'))).toBe(true)
    expect(out.join('\n')).toContain('[Harbour]')

    err.length = 0
    expect(await main(search)).toBe(0)
    expect(err).toEqual([])
  })

  it('rebuilds a corpus older than its content before answering', async () => {
    const dir = await contentCopy()
    const outDir = await mkdtemp(join(tmpdir(), 'bundle-'))
    expect(await main(['build', '--content', dir, '--out', outDir])).toBe(0)
    const file = join(dir, 'harbour-notes.json')
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('The Harbour', 'The Wharf'))
    err.length = 0
    out.length = 0
    expect(await main(['search', 'wharf', '--content', dir, '--out', outDir])).toBe(0)
    expect(err[0]).toMatch(/missing or stale: building it/)
    expect(out.join('\n')).toContain('[Wharf]')
  })
})
