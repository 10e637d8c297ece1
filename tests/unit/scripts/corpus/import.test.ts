import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../../scripts/corpus.ts'
import { captureConsole } from '../../../support/console.ts'

const { out, err } = captureConsole()

async function files(contents: Record<string, string | Buffer>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'import-cli-'))
  return Promise.all(
    Object.entries(contents).map(async ([name, content]) => {
      await writeFile(join(dir, name), content)
      return join(dir, name)
    }),
  )
}

describe('corpus import', () => {
  it('--json prints the title, the blocks with their sentence pairs, and the warnings', async () => {
    const paths = await files({
      'en.md': '# Harbour\n\nThe port is busy. Ships come daily.\n',
      'zh.md': '# 港口\n\n港口很繁忙。船只每天到来。\n',
    })
    expect(await main(['import', ...paths, '--json'])).toBe(0)
    expect(err).toEqual([])
    const printed = JSON.parse(out[0]!) as {
      title: unknown
      blocks: Array<{
        type: string
        en: string
        zh: string
        pairs: Array<{ en: string; zh: string }>
      }>
      warnings: unknown[]
    }
    expect(printed.title).toEqual({ en: 'Harbour', zh: '港口' })
    expect(printed.warnings).toEqual([])
    expect(
      printed.blocks.map(({ type, en, zh, pairs }) => ({
        type,
        en,
        zh,
        pairs: pairs.map((p) => [p.en, p.zh]),
      })),
    ).toEqual([
      { type: 'heading', en: 'Harbour', zh: '港口', pairs: [['Harbour', '港口']] },
      {
        type: 'paragraph',
        en: 'The port is busy. Ships come daily.',
        zh: '港口很繁忙。船只每天到来。',
        pairs: [
          ['The port is busy.', '港口很繁忙。'],
          ['Ships come daily.', '船只每天到来。'],
        ],
      },
    ])
  })

  it('reads a single TMX file', async () => {
    const [tmx] = await files({
      'm.tmx':
        '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="zh-CN"><seg>你好。</seg></tuv></tu></body></tmx>',
    })
    expect(await main(['import', tmx!, '--json'])).toBe(0)
    expect(JSON.parse(out[0]!)).toMatchObject({ blocks: [{ en: 'Hello.', zh: '你好。' }] })
  })

  it('exits 1 with one line naming the reason on bad input, and prints nothing on stdout', async () => {
    const [binary, english] = await files({
      'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'other.md': 'Only English here.',
    })
    expect(await main(['import', binary!, english!, '--json'])).toBe(1)
    expect(err).toEqual(['import refused (import-binary): photo.md: NUL bytes'])
    expect(out).toEqual([])
  })

  it('exits 1 for a missing file and 2 for a wrong number of files', async () => {
    expect(await main(['import', join(tmpdir(), 'no-such-file.md')])).toBe(1)
    expect(err[0]).toMatch(/^import refused \(io-error\): no-such-file\.md: /)
    expect(await main(['import'])).toBe(2)
    expect(await main(['import', 'a.md', 'b.md', 'c.md'])).toBe(2)
  })
})
