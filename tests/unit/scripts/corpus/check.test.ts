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
    blocks: blocks.map((b, i) => ({
      id: `b${i + 1}`,
      type: 'paragraph',
      en: 'A town.',
      zh: '一个小镇。',
      ...b,
    })),
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
      glossaryTerms: 3,
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
      'sample.json: b1: number "5.9" missing in Chinese',
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
      'sample.json: b1: glossary: "Guangdong-Hong Kong-Macao Greater Bay Area" in English but not "粤港澳大湾区" in Chinese',
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
