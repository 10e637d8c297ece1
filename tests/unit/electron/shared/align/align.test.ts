import { describe, expect, it } from 'vitest'
import {
  alignParagraphs,
  alignSentences,
  type TermFinder,
} from '../../../../../electron/shared/align/align.ts'
import { GlossaryMatcher } from '../../../../../src/search/glossary.ts'

const sides = (pairs: Array<{ en: string; zh: string }>) => pairs.map(({ en, zh }) => [en, zh])

describe('alignSentences', () => {
  it('pairs sentences one to one when they match', () => {
    expect(
      sides(
        alignSentences(
          'Jiangmen is a city in Guangdong. It has seven districts and county-level cities. Its port is busy.',
          '江门是广东省的一座城市。它下辖七个区和县级市。它的港口十分繁忙。',
        ),
      ),
    ).toEqual([
      ['Jiangmen is a city in Guangdong.', '江门是广东省的一座城市。'],
      ['It has seven districts and county-level cities.', '它下辖七个区和县级市。'],
      ['Its port is busy.', '它的港口十分繁忙。'],
    ])
  })

  it('groups two English sentences the Chinese merged (2-1) and one it split (1-2)', () => {
    expect(
      sides(
        alignSentences(
          'The city opened a station. It links the port to the capital. ' +
            'The government also built three large parks along the river, which are open to everyone from early morning until late at night.',
          '该市开通了连接港口与省会的火车站。政府还沿江建设了三个大型公园。公园向所有人开放，从清晨一直开到深夜。',
        ),
      ),
    ).toEqual([
      [
        'The city opened a station. It links the port to the capital.',
        '该市开通了连接港口与省会的火车站。',
      ],
      [
        'The government also built three large parks along the river, which are open to everyone from early morning until late at night.',
        '政府还沿江建设了三个大型公园。公园向所有人开放，从清晨一直开到深夜。',
      ],
    ])
  })

  // Three English sentences of one length and two Chinese ones of another: by length, the middle
  // sentence could join either side, so only the anchors can tell where it belongs.
  it('lets numbers decide which Chinese sentence an English one belongs to', () => {
    const en =
      'The port grew by 12 percent. The park grew by 30 percent. The town grew by 45 percent.'
    expect(sides(alignSentences(en, '港口和园区增长12%和30%。城镇增长45%，发展很快。'))).toEqual([
      ['The port grew by 12 percent. The park grew by 30 percent.', '港口和园区增长12%和30%。'],
      ['The town grew by 45 percent.', '城镇增长45%，发展很快。'],
    ])
    expect(sides(alignSentences(en, '港口增长12%，发展很快。园区和城镇增长30%和45%。'))).toEqual([
      ['The port grew by 12 percent.', '港口增长12%，发展很快。'],
      ['The park grew by 30 percent. The town grew by 45 percent.', '园区和城镇增长30%和45%。'],
    ])
  })

  it('lets glossary terms decide which Chinese sentence an English one belongs to', () => {
    const glossary: TermFinder = new GlossaryMatcher([
      { id: 'port', en: 'Harbour Alpha', zh: '甲港' },
      { id: 'park', en: 'Park Beta', zh: '乙园' },
      { id: 'town', en: 'Town Gamma', zh: '丙镇' },
    ])
    const en = 'Harbour Alpha grew fast. Park Beta grew fast. Town Gamma grew fast.'
    expect(
      sides(alignSentences(en, '甲港和乙园增长都很快。丙镇增长很快，十分繁荣。', { glossary })),
    ).toEqual([
      ['Harbour Alpha grew fast. Park Beta grew fast.', '甲港和乙园增长都很快。'],
      ['Town Gamma grew fast.', '丙镇增长很快，十分繁荣。'],
    ])
    expect(
      sides(alignSentences(en, '甲港增长很快，十分繁荣。乙园和丙镇增长都很快。', { glossary })),
    ).toEqual([
      ['Harbour Alpha grew fast.', '甲港增长很快，十分繁荣。'],
      ['Park Beta grew fast. Town Gamma grew fast.', '乙园和丙镇增长都很快。'],
    ])
  })

  it('is less confident in a pair whose figures disagree', () => {
    const [agreeing] = alignSentences('Exports grew by 12 percent.', '出口增长12%。')
    const [disagreeing] = alignSentences('Exports grew by 12 percent.', '出口增长21%。')
    expect(agreeing!.confidence).toBeGreaterThan(0.9)
    expect(disagreeing!.confidence).toBeLessThan(agreeing!.confidence / 10)
  })

  it('returns a heading as one pair and nothing for two blank texts', () => {
    expect(sides(alignSentences('Major Decisions', '重大决策'))).toEqual([
      ['Major Decisions', '重大决策'],
    ])
    expect(alignSentences(' ', '')).toEqual([])
  })

  it('aligns a paragraph made only of figures with full confidence', () => {
    expect(alignSentences('2020', '2020')).toEqual([{ en: '2020', zh: '2020', confidence: 1 }])
  })

  it('keeps a side with no sentences in one pair with confidence 0', () => {
    expect(alignSentences('One. Two.', ' ')).toEqual([{ en: 'One. Two.', zh: '', confidence: 0 }])
  })

  it('keeps the paragraph whole when one side has more than four times the sentences', () => {
    const zh = '一。二。三。四。五。六。'
    expect(alignSentences('One sentence only.', zh)).toEqual([
      { en: 'One sentence only.', zh, confidence: 0 },
    ])
  })
})

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['port', 'park', 'road', 'bridge', 'school', 'factory', 'village', 'river']
const HAN = ['港口', '园区', '道路', '桥梁', '学校', '工厂', '村庄', '河流']

describe('alignSentences on random translations', () => {
  it('reproduces both texts and finds the groups a translator merged or split', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed)
      const truth: Array<[string, string]> = []
      const count = 2 + Math.floor(next() * 6)
      for (let k = 0; k < count; k++) {
        const sentence = () => {
          const w = Math.floor(next() * WORDS.length)
          const figure = 10 + Math.floor(next() * 990)
          const extra = Math.floor(next() * 4)
          return [
            `The ${WORDS[w]} grew to ${figure} units${' and more'.repeat(extra)}.`,
            `${HAN[w]}增长到${figure}个${'并且更多'.repeat(extra)}。`,
          ]
        }
        const shape = next()
        const [en1, zh1] = sentence()
        if (shape < 0.6) truth.push([en1!, zh1!])
        else {
          const [en2, zh2] = sentence()
          // Either the Chinese merges two English sentences into one, or splits one into two.
          truth.push(
            shape < 0.8
              ? [`${en1} ${en2}`, `${zh1!.slice(0, -1)}，${zh2}`]
              : [
                  `${en1!.slice(0, -1)}, and ${en2!.slice(0, 1).toLowerCase()}${en2!.slice(1)}`,
                  `${zh1}${zh2}`,
                ],
          )
        }
      }
      const en = truth.map(([e]) => e).join(' ')
      const zh = truth.map(([, z]) => z).join('')
      const pairs = alignSentences(en, zh)
      expect(pairs.map((p) => p.en).join(' '), `seed ${seed}`).toBe(en)
      expect(pairs.map((p) => p.zh).join(''), `seed ${seed}`).toBe(zh)
      expect(sides(pairs), `seed ${seed}`).toEqual(truth)
    }
  })
})

describe('alignParagraphs', () => {
  it('pairs paragraphs one to one, and groups two the translation merged', () => {
    const en = [
      'Jiangmen lies on the west bank of the Pearl River Delta.',
      'It has a port.',
      'The port handled 12 million tonnes in 2020, twice as much as ten years before.',
      'Visitors come for the watchtowers.',
    ]
    const zh = [
      '江门位于珠江三角洲西岸。',
      '它有一个港口，2020年港口吞吐量达1200万吨，是十年前的两倍。',
      '游客们前来参观碉楼。',
    ]
    expect(alignParagraphs(en, zh)?.map(({ en, zh }) => [en, zh])).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [
        [1, 2],
        [1, 1],
      ],
      [
        [3, 1],
        [2, 1],
      ],
    ])
  })

  it('finds no pairing when one side has more than twice the paragraphs of the other', () => {
    expect(alignParagraphs(['One.', 'Two.', 'Three.'], ['一。'])).toBeNull()
    expect(alignParagraphs([], ['一。'])).toBeNull()
  })
})
