import { describe, expect, it } from 'vitest'
import type { Block, GlossaryTerm } from '../../../../electron/shared/model.ts'
import { glossaryMarks } from '../../../../src/reader/glossary-marks.ts'
import { GlossaryMatcher } from '../../../../src/search/glossary.ts'

const terms: GlossaryTerm[] = [
  { id: 'jiangmen', en: 'Jiangmen', zh: '江门' },
  { id: 'talent-island', en: 'Talent Island', zh: '人才岛' },
]
const matcher = new GlossaryMatcher(terms)
const block = (id: string, type: Block['type'], en: string, zh: string): Block => ({
  id,
  type,
  en,
  zh,
})
const blocks = [
  block('b1', 'heading', 'Jiangmen today', '今日江门'),
  block(
    'b2',
    'paragraph',
    'Jiangmen builds Talent Island; Jiangmen grows.',
    '江门建设人才岛，江门发展。',
  ),
  block('b3', 'paragraph', 'Talent Island opens in Jiangmen.', '人才岛在江门开放。'),
  block('b4', 'heading', 'Jiangmen tomorrow', '明日江门'),
  block('b5', 'paragraph', 'Talent Island again.', '又是人才岛。'),
]
const marked = (policy: 'all' | 'first' | 'off', lang: 'en' | 'zh') =>
  [...glossaryMarks(blocks, matcher, policy)].map(([id, m]) => [
    id,
    m[lang].map((match) => blocks.find((b) => b.id === id)![lang].slice(match.start, match.end)),
  ])

describe('glossaryMarks', () => {
  it('marks each term once per section and language by default', () => {
    expect(marked('first', 'en')).toEqual([
      ['b1', ['Jiangmen']],
      ['b2', ['Talent Island']],
      ['b3', []],
      ['b4', ['Jiangmen']],
      ['b5', ['Talent Island']],
    ])
    expect(marked('first', 'zh')).toEqual([
      ['b1', ['江门']],
      ['b2', ['人才岛']],
      ['b3', []],
      ['b4', ['江门']],
      ['b5', ['人才岛']],
    ])
  })

  it('marks every occurrence when asked, and none when off', () => {
    expect(marked('all', 'en')[1]).toEqual(['b2', ['Jiangmen', 'Talent Island', 'Jiangmen']])
    expect(marked('off', 'en')).toEqual([])
  })
})
