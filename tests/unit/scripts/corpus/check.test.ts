import { describe, expect, it } from 'vitest'
import type { Block, Document } from '../../../../electron/shared/model.ts'
import { checkCorpus, formatProblem } from '../../../../scripts/corpus/check.ts'
import type { CorpusSource, GlossaryFile } from '../../../../scripts/corpus/source.ts'

const GLOSSARY: GlossaryFile = {
  version: 1,
  terms: [
    { id: 'jiangmen', en: 'Jiangmen', zh: '江门' },
    {
      id: 'gba',
      en: 'Guangdong-Hong Kong-Macao Greater Bay Area',
      zh: '粤港澳大湾区',
      aliases: { en: ['Greater Bay Area'], zh: ['大湾区'] },
    },
    { id: 'hong-kong', en: 'Hong Kong', zh: '香港' },
  ],
  exceptions: [],
}

function doc(blocks: Array<Partial<Block>>, id = 'sample'): Document {
  return {
    id,
    title: { en: 'Sample', zh: '样本' },
    publisher: { en: 'P', zh: '出版' },
    date: null,
    source: { file: 'x.txt', note: '' },
    originalLanguage: 'en',
    translation: { lang: 'zh', from: 'en', by: { en: 'us', zh: '我们' } },
    blocks: blocks.map((b, i) => {
      const block = {
        id: `b${i + 1}`,
        type: 'paragraph' as const,
        en: 'A town.',
        zh: '一个小镇。',
        ...b,
      }
      // A block is one pair unless the test gives its pairs (or takes them away with `undefined`).
      return 'pairs' in b ? block : { ...block, pairs: [{ en: block.en, zh: block.zh }] }
    }),
  }
}

function check(blocks: Array<Partial<Block>>, glossary: GlossaryFile = GLOSSARY) {
  const source: CorpusSource = {
    documents: [{ file: 'sample.json', document: doc(blocks) }],
    glossary,
    problems: [],
  }
  return checkCorpus(source).problems.map(formatProblem)
}

describe('checkCorpus', () => {
  it('accepts a clean, aligned document and counts it', () => {
    const source: CorpusSource = {
      documents: [
        {
          file: 'sample.json',
          document: doc([{ en: 'Jiangmen grew 5.9% in 2020.', zh: '2020年江门增长5.9%。' }]),
        },
      ],
      glossary: GLOSSARY,
      problems: [],
    }
    expect(checkCorpus(source)).toEqual({
      documents: 1,
      blocks: 1,
      aligned: 1,
      pairs: 1,
      glossaryTerms: 3,
      aligner: {
        exact: 1,
        pairs: 1,
        share: 1,
        documents: [{ docId: 'sample', exact: 1, pairs: 1, share: 1 }],
      },
      problems: [],
    })
  })

  it('reports duplicate block ids', () => {
    expect(check([{ id: 'b1' }, { id: 'b1' }])).toContain('sample.json: b1: duplicate block id')
  })

  it('reports a document whose file name is not its id', () => {
    const source: CorpusSource = {
      documents: [{ file: 'other.json', document: doc([{}]) }],
      glossary: GLOSSARY,
      problems: [],
    }
    expect(checkCorpus(source).problems.map(formatProblem)).toContain(
      'other.json: -: file name must be "sample.json"',
    )
  })

  it('reports the same document id in two files', () => {
    const source: CorpusSource = {
      documents: [
        { file: 'sample.json', document: doc([{}]) },
        { file: 'sample.json', document: doc([{}]) },
      ],
      glossary: GLOSSARY,
      problems: [],
    }
    expect(checkCorpus(source).problems.map(formatProblem)).toContain(
      'sample.json: -: document id "sample" also used by sample.json',
    )
  })

  it('reports a missing or non-Chinese translation and does not count it as aligned', () => {
    expect(check([{ zh: ' ' }])).toContain('sample.json: b1: Chinese text is empty')
    expect(check([{ zh: 'A town.' }])).toContain(
      'sample.json: b1: Chinese text has no Chinese characters',
    )
  })

  it.each([
    ['Briefing of This Website:Sitemap | Contact Us', 'website boilerplate'],
    ['Copyright Jiangmen Municipal People’s Government', 'website boilerplate'],
    ['来源: 国际日报 时间:2022-05-01', 'source/date line left in the text'],
    ['△Night view', 'caption marker left in the text'],
    ['high-quality\u00a0development', 'non-breaking space'],
    ['two  spaces', 'stray whitespace'],
    ['a town , and', 'space before punctuation'],
    ['efforts;secondly', 'missing space after punctuation'],
    ['the level.Industrial', 'missing space after a full stop'],
    ['high- quality', 'broken hyphenation'],
    ['AgriculturalCooperation', 'glued words'],
  ])('reports the artifact in %j', (en, reason) => {
    expect(check([{ en, zh: '一个小镇。' }])).toContain(`sample.json: b1: English: ${reason}`)
  })

  it('keeps legitimate suspended hyphens', () => {
    expect(check([{ en: 'micro-, small- and medium-sized firms', zh: '中小微企业' }])).toEqual([])
  })

  it('reports half-width punctuation inside Chinese', () => {
    expect(check([{ zh: '一个小镇,很美.' }])).toContain(
      'sample.json: b1: Chinese: half-width punctuation in Chinese text',
    )
  })

  it('reports a number of the English missing from the Chinese', () => {
    expect(check([{ en: 'It grew 5.9% to 1,800 firms.', zh: '增长5.8%，达到1800家。' }])).toEqual([
      'sample.json: b1: pair 1: number "5.9" missing in Chinese',
    ])
  })

  it('accepts numbers converted to 亿 and 万 or written as Chinese numerals', () => {
    expect(
      check([
        {
          en: 'GDP reached 320.1 billion yuan, 33 million for the fund, 10,000 mu, in the 13th plan.',
          zh: 'GDP达3201亿元，基金3300万元，1万亩，“十三五”期间。',
        },
      ]),
    ).toEqual([])
  })

  it('reports a glossary term whose Chinese is missing, longest term first', () => {
    expect(
      check([
        {
          en: 'Jiangmen joins the Guangdong-Hong Kong-Macao Greater Bay Area.',
          zh: '江门融入湾区。',
        },
      ]),
    ).toEqual([
      'sample.json: b1: pair 1: glossary: "Guangdong-Hong Kong-Macao Greater Bay Area" in English but not "粤港澳大湾区" in Chinese',
    ])
  })

  it('accepts a Chinese alias and ignores terms inside longer words', () => {
    expect(
      check([{ en: 'The Greater Bay Area and Jiangmenese food.', zh: '大湾区与美食。' }]),
    ).toEqual([])
  })

  it('honours a documented exception', () => {
    const glossary = {
      ...GLOSSARY,
      exceptions: [{ term: 'jiangmen', docId: 'sample', blockId: 'b1', reason: 'quoted title' }],
    }
    expect(check([{ en: 'Jiangmen', zh: '本市' }], glossary)).toEqual([])
  })

  it('reports duplicate glossary ids', () => {
    const glossary = {
      ...GLOSSARY,
      terms: [...GLOSSARY.terms, { id: 'jiangmen', en: 'x', zh: '某' }],
    }
    expect(check([{}], glossary)).toContain('glossary.json: -: duplicate term id "jiangmen"')
  })
})

describe('checkCorpus: sentence alignment', () => {
  const en = 'Jiangmen grew 5.9% in 2020. Hong Kong grew 2%.'
  const zh = '2020年江门增长5.9%。香港增长2%。'
  const pairs = [
    { en: 'Jiangmen grew 5.9% in 2020.', zh: '2020年江门增长5.9%。' },
    { en: 'Hong Kong grew 2%.', zh: '香港增长2%。' },
  ]

  it('accepts pairs that make up both texts, whatever whitespace is between them', () => {
    expect(check([{ en: en.replace(' Hong', '\nHong'), zh, pairs }])).toEqual([])
  })

  it.each([
    ['a dropped sentence', [pairs[0]!], 'English'],
    ['reordered pairs', [pairs[1]!, pairs[0]!], 'English'],
    ['a changed word', [pairs[0]!, { ...pairs[1]!, zh: '香港增长了2%。' }], 'Chinese'],
    ['an added sentence', [...pairs, { en: 'More.', zh: '更多。' }], 'English'],
  ])('reports %s', (_, broken, side) => {
    expect(check([{ en, zh, pairs: broken }])).toContain(
      `sample.json: b1: pairs: the ${side} sides, in order, are not the block's ${side} text`,
    )
  })

  it('reports a block without a sentence alignment', () => {
    expect(check([{ pairs: undefined }])).toEqual([
      'sample.json: b1: no sentence alignment ("pairs")',
    ])
  })

  it('reports a pair with an empty side', () => {
    expect(
      check([{ en, zh, pairs: [pairs[0]!, { en: 'Hong Kong grew 2%.', zh: ' ' }] }]),
    ).toContain('sample.json: b1: pair 2: Chinese side is empty')
  })

  it('reports a number whose translation is in another pair', () => {
    const shifted = [
      { en: 'Jiangmen grew 5.9% in 2020.', zh: '2020年江门增长。' },
      { en: 'Hong Kong grew 2%.', zh: '5.9%香港增长2%。' },
    ]
    expect(check([{ en, zh: '2020年江门增长。5.9%香港增长2%。', pairs: shifted }])).toEqual([
      'sample.json: b1: pair 1: number "5.9" missing in Chinese',
      "sample.json: b1: pair 2: number 5.9 in Chinese but not in this pair's English",
    ])
  })

  it('accepts a figure the English spells out or dates with a month name', () => {
    const spelled = [
      { en: 'Jiangmen has six parks.', zh: '江门有6个园区。' },
      { en: 'On February 6, 6 more opened.', zh: '2月6日，又有6个开放。' },
    ]
    expect(
      check([
        {
          en: 'Jiangmen has six parks. On February 6, 6 more opened.',
          zh: '江门有6个园区。2月6日，又有6个开放。',
          pairs: spelled,
        },
      ]),
    ).toEqual([])
  })

  it('reports a glossary term whose Chinese is in another pair, unless exempted', () => {
    const crossed = [
      { en: 'Jiangmen grew 5.9% in 2020.', zh: '2020年增长5.9%。' },
      { en: 'Hong Kong grew 2%.', zh: '江门和香港增长2%。' },
    ]
    const block = { en, zh: '2020年增长5.9%。江门和香港增长2%。', pairs: crossed }
    expect(check([block])).toEqual([
      'sample.json: b1: pair 1: glossary: "Jiangmen" in English but not "江门" in Chinese',
    ])
    const glossary = {
      ...GLOSSARY,
      exceptions: [{ term: 'jiangmen', docId: 'sample', blockId: 'b1', reason: 'moved' }],
    }
    expect(check([block], glossary)).toEqual([])
  })

  it('checks the whole block when its pairs do not make up its texts', () => {
    expect(
      check([{ en: 'It grew 5.9%.', zh: '增长5.8%。', pairs: [{ en: 'It grew.', zh: '增长。' }] }]),
    ).toContain('sample.json: b1: number "5.9" missing in Chinese')
  })

  it('reports a mark whose quote is not in its text', () => {
    const mark = (quote: string) => ({
      lang: 'zh' as const,
      quote,
      kind: 'unverified' as const,
      note: { en: 'Not verified.', zh: '未经核实。' },
    })
    expect(check([{ marks: [mark('小镇')] }])).toEqual([])
    expect(check([{ marks: [mark('大城')] }])).toEqual([
      'sample.json: b1: mark: "大城" is not in the Chinese text',
    ])
  })

  it('scores the aligner against the authored pairs, per document', () => {
    const source: CorpusSource = {
      documents: [
        { file: 'sample.json', document: doc([{ en, zh, pairs }]) },
        {
          file: 'other.json',
          // Authored as one pair where the aligner proposes two: one authored pair, none proposed.
          document: doc([{ en, zh, pairs: [{ en, zh }] }], 'other'),
        },
      ],
      glossary: GLOSSARY,
      problems: [],
    }
    expect(checkCorpus(source).aligner).toEqual({
      exact: 2,
      pairs: 3,
      share: 0.667,
      documents: [
        { docId: 'sample', exact: 2, pairs: 2, share: 1 },
        { docId: 'other', exact: 0, pairs: 1, share: 0 },
      ],
    })
  })
})
