import { describe, expect, it } from 'vitest'
import { epubParagraphs } from '../../../../../electron/core/import/epub.ts'
import { proposeImport, type ImportFile } from '../../../../../electron/core/import/pipeline.ts'
import { makeEpub, makeZip } from '../../../../support/zip.ts'

const file = (name: string, bytes: Uint8Array): ImportFile => ({ name, bytes, modified: null })
const refused = (code: string) => expect.objectContaining({ code })

const EN = makeEpub(
  [
    {
      title: 'The Port',
      body: '<h1>The Port</h1><p>The port opened in 1904. Ships came every week.</p><p>Fish was sold at the pier.</p>',
    },
    { title: 'Trade', body: '<p>Silk went to Guangzhou by river.</p><p>Rice came back.</p>' },
    { title: 'Notes', body: '<p>A note read apart from the text.</p>', aside: true },
  ],
  { title: 'Harbour Book' },
)
const ZH = makeEpub(
  [
    {
      title: '港口',
      body: '<h1>港口</h1><p>港口于1904年开放。船只每周到来。</p><p>码头上出售鱼。</p>',
    },
    { title: '贸易', body: '<p>丝绸经水路运往广州。</p><p>大米运回。</p>' },
    { title: '注释', body: '<p>与正文分开阅读的注释。</p>', aside: true },
  ],
  { title: '港口之书', lang: 'zh' },
)

describe('EPUB', () => {
  it('reads the chapters in spine order, each opening a section, skipping what is not read in order', () => {
    const read = epubParagraphs(EN, 'harbour-en.epub')
    expect(read.title).toBe('Harbour Book')
    expect(read.date).toBe('2025-05-06')
    expect(read.paragraphs).toEqual([
      { type: 'heading', text: 'The Port' },
      { type: 'paragraph', text: 'The port opened in 1904. Ships came every week.' },
      { type: 'paragraph', text: 'Fish was sold at the pier.' },
      // A chapter without a heading is headed by its title.
      { type: 'heading', text: 'Trade' },
      { type: 'paragraph', text: 'Silk went to Guangzhou by river.' },
      { type: 'paragraph', text: 'Rice came back.' },
    ])
  })

  it('imports a pair of EPUBs: chapters become headings of the contents, sentences paired', async () => {
    const proposal = await proposeImport([file('harbour-en.epub', EN), file('harbour-zh.epub', ZH)])
    expect(proposal.format).toBe('epub')
    expect(proposal.title).toEqual({ en: 'The Port', zh: '港口' })
    expect(proposal.date).toBe('2025-05-06')
    expect(proposal.blocks.map((b) => [b.type, b.en, b.zh])).toEqual([
      ['heading', 'The Port', '港口'],
      [
        'paragraph',
        'The port opened in 1904. Ships came every week.',
        '港口于1904年开放。船只每周到来。',
      ],
      ['paragraph', 'Fish was sold at the pier.', '码头上出售鱼。'],
      ['heading', 'Trade', '贸易'],
      ['paragraph', 'Silk went to Guangzhou by river.', '丝绸经水路运往广州。'],
      ['paragraph', 'Rice came back.', '大米运回。'],
    ])
    expect(proposal.blocks[1]!.pairs.map((p) => [p.en, p.zh])).toEqual([
      ['The port opened in 1904.', '港口于1904年开放。'],
      ['Ships came every week.', '船只每周到来。'],
    ])
  })

  it('refuses a zip bomb disguised as an EPUB, honest or lying about its sizes', async () => {
    const container = {
      name: 'META-INF/container.xml',
      content: '<container><rootfiles><rootfile full-path="a.opf"/></rootfiles></container>',
    }
    const bomb = makeZip([container, { name: 'a.xhtml', content: Buffer.alloc(4 * 1024 * 1024) }])
    await expect(proposeImport([file('bomb.epub', bomb)])).rejects.toEqual(
      refused('import-unsafe-archive'),
    )
    const liar = makeZip([
      container,
      { name: 'a.xhtml', content: Buffer.alloc(100_000), declaredSize: 1_000 },
    ])
    await expect(proposeImport([file('liar.epub', liar)])).rejects.toEqual(
      refused('import-unsafe-archive'),
    )
  })

  it('refuses a ZIP that is not an EPUB, a broken package and a file that is no ZIP', async () => {
    await expect(
      proposeImport([file('a.epub', makeZip([{ name: 'readme.txt', content: 'hi' }]))]),
    ).rejects.toEqual(refused('import-unsupported'))
    const broken = makeZip([
      {
        name: 'META-INF/container.xml',
        content: '<container><rootfiles><rootfile full-path="a.opf"/></rootfiles></container>',
      },
      { name: 'a.opf', content: '<package><manifest><item id="x"></manifest></package>' },
    ])
    await expect(proposeImport([file('b.epub', broken)])).rejects.toEqual(
      refused('import-invalid-xml'),
    )
    await expect(proposeImport([file('c.epub', Buffer.from('not a zip at all'))])).rejects.toEqual(
      refused('import-binary'),
    )
  })
})
