import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../../../../electron/shared/align/sentences.ts'

describe('splitSentences', () => {
  it('splits English sentences and keeps decimals, percentages and closing quotes in them', () => {
    expect(
      splitSentences('GDP grew 5.9% to 320.1 billion yuan. It said “Go.” Then it went.', 'en'),
    ).toEqual(['GDP grew 5.9% to 320.1 billion yuan.', 'It said “Go.”', 'Then it went.'])
  })

  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(
      splitSentences('Mr. Chen met Dr. Li and J. Smith. No. 1 Middle School opened.', 'en'),
    ).toEqual(['Mr. Chen met Dr. Li and J. Smith.', 'No. 1 Middle School opened.'])
  })

  it('keeps a question mark followed by lower case in its sentence', () => {
    expect(splitSentences('Why now? because it pays. Next.', 'en')).toEqual([
      'Why now? because it pays.',
      'Next.',
    ])
  })

  it('starts a sentence at a figure after a full stop, quoted or not', () => {
    expect(
      splitSentences(
        'The second “1” refers to reform. “5” refers to work. 43 of them are new.',
        'en',
      ),
    ).toEqual(['The second “1” refers to reform.', '“5” refers to work.', '43 of them are new.'])
  })

  it('gives a list label to the item it numbers', () => {
    expect(splitSentences('Two points: 1. First item. 2. Second item.', 'en')).toEqual([
      'Two points:',
      '1. First item.',
      '2. Second item.',
    ])
  })

  it('splits Chinese at 。！？ but not at ；, and keeps an opening quote with its sentence', () => {
    expect(
      splitSentences('一是抓落实；二是抓考核。是的……好的！“这是引语。”（一）加强领导。结束', 'zh'),
    ).toEqual([
      '一是抓落实；二是抓考核。',
      '是的……好的！',
      '“这是引语。”',
      '（一）加强领导。',
      '结束',
    ])
  })

  it('returns a heading as one sentence and nothing for blank text', () => {
    expect(splitSentences('Major Decisions and Deployments', 'en')).toEqual([
      'Major Decisions and Deployments',
    ])
    expect(splitSentences('重大决策部署', 'zh')).toEqual(['重大决策部署'])
    expect(splitSentences(' \n ', 'en')).toEqual([])
  })

  it('returns trimmed substrings that, in order, make up the text', () => {
    const text = '  First one.  Second one? Third one!\nFourth one.  '
    const sentences = splitSentences(text, 'en')
    expect(sentences).toEqual(['First one.', 'Second one?', 'Third one!', 'Fourth one.'])
    expect(sentences.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
  })
})
