import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { proposeImport, type ImportFile } from '../../../../../electron/core/import/pipeline.ts'
import { MAX_IMPORT_FILE_BYTES } from '../../../../../electron/shared/import-upload.ts'
import { makeDocx, makeZip } from '../../../../support/zip.ts'

const file = (
  name: string,
  content: string | Uint8Array,
  modified: string | null = null,
): ImportFile => ({
  name,
  bytes: typeof content === 'string' ? Buffer.from(content) : content,
  modified,
})
const refused = (code: string) => expect.objectContaining({ code })
const shape = (blocks: Array<{ type: string; en: string; zh: string }>) =>
  blocks.map((b) => [b.type, b.en, b.zh])

const EN_MD = `# Harbour Report

The port opened in **1904**. It grew *quickly* after the [railway](https://example.com) came.

## Trade

- Fish and rice
- Silk

The harbour handled 12 million tonnes in 2020.
`
const ZH_MD = `# 港口报告

港口于1904年开放。铁路通车后，它发展迅速。

## 贸易

- 鱼和大米
- 丝绸

2020年，港口吞吐量达1200万吨。
`

describe('proposeImport: a pair of files', () => {
  it('pairs a Markdown pair, whichever file comes first: headings, list items, inline markup as text', async () => {
    const proposal = await proposeImport([file('zh.md', ZH_MD, '2024-05-06'), file('en.md', EN_MD)])
    expect(proposal.title).toEqual({ en: 'Harbour Report', zh: '港口报告' })
    expect(proposal.date).toBe('2024-05-06')
    expect(proposal.format).toBe('markdown')
    expect(shape(proposal.blocks)).toEqual([
      ['heading', 'Harbour Report', '港口报告'],
      [
        'paragraph',
        'The port opened in 1904. It grew quickly after the railway came.',
        '港口于1904年开放。铁路通车后，它发展迅速。',
      ],
      ['heading', 'Trade', '贸易'],
      ['list-item', 'Fish and rice', '鱼和大米'],
      ['list-item', 'Silk', '丝绸'],
      [
        'paragraph',
        'The harbour handled 12 million tonnes in 2020.',
        '2020年，港口吞吐量达1200万吨。',
      ],
    ])
    expect(proposal.blocks[1]!.pairs.map((p) => [p.en, p.zh])).toEqual([
      ['The port opened in 1904.', '港口于1904年开放。'],
      ['It grew quickly after the railway came.', '铁路通车后，它发展迅速。'],
    ])
    for (const block of proposal.blocks) {
      expect(block.confidence).toBeGreaterThan(0)
      for (const pair of block.pairs) expect(pair.confidence).toBeGreaterThanOrEqual(0)
    }
    expect(proposal.warnings).toEqual([])
  })

  it('reads plain text in GBK and UTF-16 and says it converted them', async () => {
    const en = 'Harbour notes\n\nThe port is busy. Ships come every day.\n'
    const zh = '港口札记\n\n港口很繁忙。每天都有船只到来。\n'
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(en, 'utf-16le')])
    const proposal = await proposeImport([
      file('en.txt', utf16),
      file('zh.txt', iconv.encode(zh, 'gbk')),
    ])
    expect(shape(proposal.blocks)).toEqual([
      ['paragraph', 'Harbour notes', '港口札记'],
      ['paragraph', 'The port is busy. Ships come every day.', '港口很繁忙。每天都有船只到来。'],
    ])
    expect(proposal.warnings).toEqual(
      expect.arrayContaining([
        { code: 'encoding-converted', detail: 'en.txt: utf-16le' },
        { code: 'encoding-converted', detail: 'zh.txt: gb18030' },
        { code: 'no-heading', detail: '' },
      ]),
    )
    expect(proposal.title).toEqual({ en: 'en', zh: 'en' })
  })

  it('reads HTML: block elements, headings, list items and entities; scripts and navigation left out', async () => {
    const page = (title: string, h1: string, p: string, li: string) =>
      `<!doctype html><html><head><title>${title}</title><style>p{}</style></head><body><nav><a>Home</a></nav><h1>${h1}</h1><div><p>${p}</p><script>alert(1)</script><ul><li>${li}</li></ul></div></body></html>`
    const proposal = await proposeImport([
      file('en.html', page('Notes', 'Harbour &amp; Town', 'The port is&nbsp;busy.', 'Fish')),
      file('zh.html', page('札记', '港口与城镇', '港口&#24456;繁忙。', '鱼')),
    ])
    expect(shape(proposal.blocks)).toEqual([
      ['heading', 'Harbour & Town', '港口与城镇'],
      ['paragraph', 'The port is busy.', '港口很繁忙。'],
      ['list-item', 'Fish', '鱼'],
    ])
  })

  it('reads DOCX through mammoth: Heading styles become headings, the date is the document’s own', async () => {
    const proposal = await proposeImport([
      file(
        'report-en.docx',
        makeDocx([
          { text: 'Annual Report', heading: true },
          { text: 'The city grew fast. Its port is busy.' },
        ]),
      ),
      file(
        'report-zh.docx',
        makeDocx([
          { text: '年度报告', heading: true },
          { text: '城市发展迅速。它的港口十分繁忙。' },
        ]),
        '2026-01-01',
      ),
    ])
    expect(proposal.title).toEqual({ en: 'Annual Report', zh: '年度报告' })
    expect(proposal.date).toBe('2025-03-04')
    expect(shape(proposal.blocks)).toEqual([
      ['heading', 'Annual Report', '年度报告'],
      ['paragraph', 'The city grew fast. Its port is busy.', '城市发展迅速。它的港口十分繁忙。'],
    ])
    expect(proposal.blocks[1]!.pairs).toHaveLength(2)
  })

  it('takes the title from a DOCX’s own properties when it has no heading', async () => {
    const proposal = await proposeImport([
      file('a.docx', makeDocx([{ text: 'Terms apply.' }], '2025-03-04T10:00:00Z', 'Lease & Terms')),
      file('b.docx', makeDocx([{ text: '条款适用。' }], '2025-03-04T10:00:00Z', '租约与条款')),
    ])
    expect(proposal.title).toEqual({ en: 'Lease & Terms', zh: '租约与条款' })
  })

  it('groups paragraphs a translation merged into one block, and says so', async () => {
    const en =
      'The city lies on the west bank of the Pearl River Delta, and its port has served ships for a century.\n\n' +
      'Its factories make motorcycles.\n\nIts farms grow rice and citrus fruit for the whole province and beyond.\n\n' +
      'Visitors come for the watchtowers of Kaiping, which are a World Heritage Site since 2007.'
    const zh =
      '这座城市位于珠江三角洲西岸，其港口百年来一直为船只服务。\n\n它的工厂生产摩托车，它的农场为全省乃至省外种植水稻和柑橘。\n\n游客们前来参观开平碉楼，碉楼自2007年起成为世界遗产。'
    const proposal = await proposeImport([file('a.txt', en), file('b.txt', zh)])
    expect(proposal.blocks).toHaveLength(3)
    expect(proposal.blocks[1]!.en).toBe(
      'Its factories make motorcycles. Its farms grow rice and citrus fruit for the whole province and beyond.',
    )
    expect(proposal.warnings).toContainEqual({ code: 'paragraphs-merged', detail: '1' })
  })
})

describe('proposeImport: one bilingual file', () => {
  it('pairs a Markdown file whose paragraphs alternate languages, and skips one left alone', async () => {
    const md =
      '# Harbour\n\n# 港口\n\nThe port is busy.\n\n港口很繁忙。\n\n港口每天都有船。\n\nShips come daily.\n\nA stray line.\n'
    const proposal = await proposeImport([file('both.md', md)])
    expect(shape(proposal.blocks)).toEqual([
      ['heading', 'Harbour', '港口'],
      ['paragraph', 'The port is busy.', '港口很繁忙。'],
      ['paragraph', 'Ships come daily.', '港口每天都有船。'],
    ])
    expect(proposal.warnings).toContainEqual({ code: 'unpaired-skipped', detail: '1' })
  })

  it('reads TMX 1.4: each unit with English and Chinese, inline codes dropped, the header’s date', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext" creationdate="20230915T101500Z"/>
<body>
<tu><tuv xml:lang="en-US"><seg>The port is <bpt i="1">&lt;b&gt;</bpt>busy<ept i="1">&lt;/b&gt;</ept> &amp; loud.</seg></tuv><tuv xml:lang="zh-CN"><seg>港口繁忙而喧闹。</seg></tuv></tu>
<tu><tuv xml:lang="zh-Hans"><seg>船只每天到来。</seg></tuv><tuv xml:lang="en-GB"><seg>Ships come daily.</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>No translation.</seg></tuv><tuv xml:lang="fr"><seg>Pas de traduction.</seg></tuv></tu>
</body></tmx>`
    const proposal = await proposeImport([file('memory.tmx', tmx)])
    expect(proposal.date).toBe('2023-09-15')
    expect(shape(proposal.blocks)).toEqual([
      ['paragraph', 'The port is busy & loud.', '港口繁忙而喧闹。'],
      ['paragraph', 'Ships come daily.', '船只每天到来。'],
    ])
    expect(proposal.warnings).toContainEqual({ code: 'unpaired-skipped', detail: '1' })
    expect(proposal.title).toEqual({ en: 'memory', zh: 'memory' })
  })

  it('reads XLIFF 1.2 from Chinese to English, units inside groups in order', async () => {
    const xliff = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="zh-CN" target-language="en" datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>港口很繁忙。</source><target>The port is <g id="1">busy</g>.</target></trans-unit>
<group id="g"><trans-unit id="2"><source>船只每天到来。</source><target>Ships come <x id="2"/>daily.</target></trans-unit></group>
</body></file></xliff>`
    expect(shape((await proposeImport([file('a.xlf', xliff)])).blocks)).toEqual([
      ['paragraph', 'The port is busy.', '港口很繁忙。'],
      ['paragraph', 'Ships come daily.', '船只每天到来。'],
    ])
  })

  it('reads XLIFF 2.0: a unit is a block, its segments are the sentence pairs as the translator made them', async () => {
    const xliff = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN"><file id="f">
<unit id="u1"><segment><source>The port is busy.</source><target>港口很繁忙。</target></segment><ignorable><source> </source></ignorable><segment><source>Ships come <pc id="1">daily</pc>.</source><target>船只每天到来。</target></segment></unit>
</file></xliff>`
    const [block] = (await proposeImport([file('a.xliff', xliff)])).blocks
    expect(block).toEqual({
      type: 'paragraph',
      en: 'The port is busy. Ships come daily.',
      zh: '港口很繁忙。船只每天到来。',
      confidence: 1,
      pairs: [
        { en: 'The port is busy.', zh: '港口很繁忙。', confidence: 1 },
        { en: 'Ships come daily.', zh: '船只每天到来。', confidence: 1 },
      ],
    })
  })
})

describe('proposeImport: limits and bad input', () => {
  it('refuses a file over the size limit before reading it', async () => {
    await expect(
      proposeImport([file('big.txt', new Uint8Array(MAX_IMPORT_FILE_BYTES + 1))]),
    ).rejects.toEqual(refused('import-too-large'))
  })

  it('refuses empty files, binary files and unknown kinds', async () => {
    await expect(proposeImport([file('e.md', '')])).rejects.toEqual(refused('import-empty'))
    await expect(proposeImport([file('e.md', '<!-- nothing -->\n\n---\n')])).rejects.toEqual(
      refused('import-empty'),
    )
    await expect(
      proposeImport([file('photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))]),
    ).rejects.toEqual(refused('import-binary'))
    await expect(proposeImport([file('a.pdf', '%PDF-1.7')])).rejects.toEqual(
      refused('import-unsupported'),
    )
    await expect(proposeImport([file('a.docx', 'not a zip at all')])).rejects.toEqual(
      refused('import-binary'),
    )
  })

  it('refuses a zip bomb disguised as a DOCX, honest or lying about its sizes', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024)
    await expect(
      proposeImport([file('bomb.docx', makeZip([{ name: 'word/document.xml', content: zeros }]))]),
    ).rejects.toEqual(refused('import-unsafe-archive'))
    const lying = makeZip([
      { name: 'word/document.xml', content: Buffer.alloc(100_000), declaredSize: 1_000 },
    ])
    await expect(proposeImport([file('liar.docx', lying)])).rejects.toEqual(
      refused('import-unsafe-archive'),
    )
  })

  it('refuses invalid XML and entity declarations', async () => {
    await expect(
      proposeImport([file('a.tmx', '<tmx version="1.4"><body><tu></body></tmx>')]),
    ).rejects.toEqual(refused('import-invalid-xml'))
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><tmx version="1.4"><body/></tmx>'
    await expect(proposeImport([file('a.tmx', laughs)])).rejects.toEqual(
      refused('import-invalid-xml'),
    )
  })

  it('refuses a TMX with 100,000 units', async () => {
    const tu =
      '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh"><seg>甲</seg></tuv></tu>'
    const tmx = `<tmx version="1.4"><header srclang="en"/><body>${tu.repeat(100_000)}</body></tmx>`
    await expect(proposeImport([file('huge.tmx', tmx)])).rejects.toEqual(
      refused('import-too-many-units'),
    )
  })

  it('refuses mismatched languages: two English files, one-language text, a TMX without Chinese', async () => {
    await expect(
      proposeImport([file('a.md', 'Hello there.'), file('b.md', 'Hello again.')]),
    ).rejects.toEqual(refused('import-mismatched-languages'))
    await expect(proposeImport([file('a.md', 'One.\n\nTwo.\n\nThree.')])).rejects.toEqual(
      refused('import-mismatched-languages'),
    )
    const tmx =
      '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu></body></tmx>'
    await expect(proposeImport([file('a.tmx', tmx)])).rejects.toEqual(
      refused('import-mismatched-languages'),
    )
    const xliff =
      '<xliff version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>a</source><target>b</target></segment></unit></file></xliff>'
    await expect(proposeImport([file('a.xlf', xliff)])).rejects.toEqual(
      refused('import-mismatched-languages'),
    )
  })

  it('refuses a TMX or XLIFF given with a second file', async () => {
    await expect(proposeImport([file('a.tmx', '<tmx/>'), file('b.md', '你好')])).rejects.toEqual(
      refused('import-unsupported'),
    )
  })

  it('stops with import-cancelled when its signal is aborted, and reports progress to the end', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      proposeImport([file('a.md', EN_MD), file('b.md', ZH_MD)], { signal: controller.signal }),
    ).rejects.toEqual(refused('import-cancelled'))
    const progress: Array<[number, number]> = []
    await proposeImport([file('a.md', EN_MD), file('b.md', ZH_MD)], {
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(progress.at(0)).toEqual([0, 6])
    expect(progress.at(-1)).toEqual([6, 6])
  })
})
