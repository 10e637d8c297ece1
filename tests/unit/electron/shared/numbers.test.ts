import { describe, expect, it } from 'vitest'
import {
  numbersIn,
  numberWordsIn,
  statesNumber,
  zhNumbersIn,
} from '../../../../electron/shared/numbers.ts'

describe('numbers', () => {
  it('reads English figures with their scale', () => {
    expect(
      numbersIn('320.1 billion yuan, 1,800 firms, the 13th plan, 33 million').map((n) => n.value),
    ).toEqual([320.1e9, 1800, 13, 33e6])
  })

  it('accepts 千亿 and 一千亿 for 100 billion, and 万/亿 conversions', () => {
    expect(statesNumber('千亿级产业集群', 100e9)).toBe(true)
    expect(statesNumber('一千亿元', 100e9)).toBe(true)
    expect(statesNumber('3201亿元', 320.1e9)).toBe(true)
    expect(statesNumber('3300万元', 33e6)).toBe(true)
    expect(statesNumber('百亿级产业集群', 100e9)).toBe(false)
  })

  it('does not take a digit inside a longer number for the number', () => {
    expect(statesNumber('增长15.9%', 5.9)).toBe(false)
    expect(statesNumber('增长15.9%', 15.9)).toBe(true)
  })

  it('reads the values a Chinese text writes in digits, with 万 and 亿', () => {
    expect(zhNumbersIn('GDP达3201亿元，增长5.9%，2019—2030年，1,800家，3300万元，2万亿元')).toEqual(
      [320.1e9, 5.9, 2019, 2030, 1800, 33e6, 2e12],
    )
  })

  it('reads numbers the English spells out and the months of its dates', () => {
    expect(
      numberWordsIn('Sixty-three projects in four categories for six years, since February 6'),
    ).toEqual([2, 63, 4, 6])
    expect(numberWordsIn('one of them may grow; someone, fourteenth')).toEqual([])
    expect(numberWordsIn('in May, twelve and Ninety-nine')).toEqual([5, 12, 99])
  })
})
