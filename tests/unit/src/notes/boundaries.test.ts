import { describe, expect, it } from 'vitest'
import { excerpt, snapToWords } from '../../../../src/notes/boundaries.ts'

const EN = 'Jiangmen set a pattern of coordinated development across the whole city.'
const ZH = '江门市形成了全域协调发展的格局。这是第二句话，比较长一些。'

describe('snapping a selection to words', () => {
  it('widens an English selection that ends mid-word to the whole word', () => {
    const start = EN.indexOf('set')
    const end = EN.indexOf('pattern') + 'patte'.length
    const snapped = snapToWords(EN, start, end, 'en')!
    expect(EN.slice(snapped.start, snapped.end)).toBe('set a pattern')
  })

  it('widens a selection that starts mid-word back to the start of the word', () => {
    const start = EN.indexOf('ordinated')
    const end = EN.indexOf(' development')
    const snapped = snapToWords(EN, start, end, 'en')!
    expect(EN.slice(snapped.start, snapped.end)).toBe('coordinated')
  })

  it('leaves out the spaces at the edges and keeps punctuation selected on purpose', () => {
    const start = EN.indexOf(' the whole')
    const snapped = snapToWords(EN, start, EN.length, 'en')!
    expect(EN.slice(snapped.start, snapped.end)).toBe('the whole city.')
  })

  it('keeps Chinese by character', () => {
    const start = ZH.indexOf('协调') + 1
    const snapped = snapToWords(ZH, start, start + 3, 'zh')!
    expect(ZH.slice(snapped.start, snapped.end)).toBe('调发展')
  })

  it('finds nothing to keep in a selection of spaces', () => {
    expect(snapToWords('a   b', 1, 4, 'en')).toBeNull()
  })
})

describe('excerpts', () => {
  it('returns a short text whole, without an ellipsis', () => {
    expect(excerpt(EN, 'en', 200)).toBe(EN)
  })

  it('ends an English excerpt at a whole word, with an ellipsis', () => {
    const cut = excerpt(EN, 'en', 30)
    expect(cut).toBe('Jiangmen set a pattern of…')
    expect(cut.length).toBeLessThanOrEqual(31)
  })

  it('prefers a sentence boundary in the last third', () => {
    expect(excerpt(`${EN} And a second sentence follows here.`, 'en', 80)).toBe(`${EN}…`)
  })

  it('ends a Chinese excerpt at a sentence, else at a word, never inside a word', () => {
    expect(excerpt(ZH, 'zh', 20)).toBe('江门市形成了全域协调发展的格局。…')
    // The segmenter reads 江|门|市|形成|了|全域|协调…: nine characters would split 协调.
    expect(excerpt('江门市形成了全域协调发展的格局', 'zh', 9)).toBe('江门市形成了全域…')
  })
})
