import { describe, expect, it } from 'vitest'
import { citation, citePassage, formatDate, locate } from '../../../../electron/shared/citation.ts'
import { makeDocument } from '../../../support/bundle.ts'

const doc = makeDocument(
  'harbour',
  [
    { type: 'paragraph', en: 'Before any heading.', zh: '标题之前。' },
    { type: 'heading', en: 'The Harbour', zh: '港口' },
    { type: 'paragraph', en: 'Ships come in.', zh: '船只进港。' },
    { type: 'list-item', en: 'Cranes.', zh: '起重机。' },
  ],
  '2024-03-01',
)

describe('citations', () => {
  it('numbers paragraphs among the non-heading blocks, 1-based, and finds their section', () => {
    expect(locate(doc, 'b001')).toEqual({ section: null, paragraph: 1 })
    expect(locate(doc, 'b002')).toEqual({ section: doc.blocks[1], paragraph: null })
    expect(locate(doc, 'b004')).toEqual({ section: doc.blocks[1], paragraph: 3 })
  })

  it('cites title in both languages, section, ¶ n, publisher and date in English', () => {
    expect(citation(doc, 'b004', 'en')).toBe(
      'Title harbour / 标题 harbour, The Harbour, ¶ 3, Test Press, March 1, 2024',
    )
  })

  it('cites in Chinese with Chinese labels, section, publisher and date', () => {
    expect(citation(doc, 'b004', 'zh-CN')).toBe(
      'Title harbour / 标题 harbour，港口，第 3 段，测试出版社，2024年3月1日',
    )
  })

  it('leaves out a section the paragraph does not have, and says undated in the UI language', () => {
    const undated = { ...doc, date: null }
    expect(citation(undated, 'b001', 'en')).toBe(
      'Title harbour / 标题 harbour, ¶ 1, Test Press, undated',
    )
    expect(citation(undated, 'b001', 'zh-CN')).toBe(
      'Title harbour / 标题 harbour，第 1 段，测试出版社，未注明日期',
    )
  })

  it('reads a date as a calendar day whatever the time zone', () => {
    expect(formatDate('2024-01-01', 'en')).toBe('January 1, 2024')
  })

  it('quotes the passage in its language, then the other language, then the citation', () => {
    expect(citePassage(doc, doc.blocks[2]!, 'zh', 'en')).toBe(
      '船只进港。\n\nShips come in.\n\n— Title harbour / 标题 harbour, The Harbour, ¶ 2, Test Press, March 1, 2024',
    )
    expect(citePassage(doc, doc.blocks[2]!, 'en', 'en', { start: 0, end: 5 })).toMatch(
      /^Ships\n\n船只进港。\n\n— /,
    )
  })

  it('quotes a selection with its aligned counterpart sentences, not the whole paragraph', () => {
    const block = {
      ...doc.blocks[2]!,
      en: 'Ships come in. Cranes lift. Trucks leave.',
      zh: '船只进港。起重机起吊，卡车离港。',
      pairs: [
        { en: 'Ships come in.', zh: '船只进港。' },
        { en: 'Cranes lift. Trucks leave.', zh: '起重机起吊，卡车离港。' },
      ],
    }
    expect(citePassage(doc, block, 'en', 'en', { start: 15, end: 21 })).toMatch(
      /^Cranes\n\n起重机起吊，卡车离港。\n\n— /,
    )
    expect(citePassage(doc, block, 'zh', 'en', { start: 0, end: 2 })).toMatch(
      /^船只\n\nShips come in\.\n\n— /,
    )
  })
})
