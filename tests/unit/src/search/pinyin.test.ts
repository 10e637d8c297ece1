import { describe, expect, it } from 'vitest'
import { splitPinyin } from '../../../../src/search/pinyin.ts'
import { readingsOf } from '../../../../src/search/pinyin-readings.ts'

describe('readingsOf', () => {
  it('lists a character under every reading, not only the one usual in context', () => {
    const readings = readingsOf(['侨', '都', '绿'])
    expect(readings['qiao']).toBe('侨')
    expect(readings['du']).toContain('都')
    expect(readings['dou']).toContain('都')
    // ü typed as v or as u.
    expect(readings['lv']).toContain('绿')
    expect(readings['lu']).toContain('绿')
  })
})

describe('splitPinyin', () => {
  const syllables = new Set([
    'xiang',
    'xi',
    'ang',
    'cun',
    'kai',
    'ping',
    'diao',
    'lou',
    'qiao',
    'du',
  ])

  it('splits a word into the fewest syllables', () => {
    expect(splitPinyin('xiangcun', syllables)).toEqual(['xiang', 'cun'])
    expect(splitPinyin('kaipingdiaolou', syllables)).toEqual(['kai', 'ping', 'diao', 'lou'])
    expect(splitPinyin('qiaodu', syllables)).toEqual(['qiao', 'du'])
  })

  it('answers null for a word that is not pinyin', () => {
    expect(splitPinyin('bridge', syllables)).toBeNull()
    expect(splitPinyin('xiangc', syllables)).toBeNull()
  })
})
