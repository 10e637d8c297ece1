import { describe, expect, it } from 'vitest'
import { ReadingAids } from '../../../../src/chinese/aids.ts'
import { dictionaryData } from '../../../../src/chinese/dictionary-data.ts'
import { convertText, toSource, toView, type ScriptView } from '../../../../src/chinese/script.ts'
import { resolve } from 'node:path'
import { readSource } from '../../../../scripts/corpus/source.ts'

const aids = new ReadingAids(async () => dictionaryData())
const view = async (script: 'hant-tw' | 'hant-hk', text: string): Promise<ScriptView> =>
  (await aids.views(script, [text]))[0]!

describe('script conversion', () => {
  it('converts phrase by phrase, with each region its own words', async () => {
    expect((await view('hant-hk', '江门是中国著名侨乡，开平碉楼与村落')).text).toBe(
      '江門是中國著名僑鄉，開平碉樓與村落',
    )
    // One Simplified character, two Traditional ones, told apart by the phrase.
    expect((await view('hant-tw', '头发发展，里面的面条')).text).toBe('頭髮發展，裡面的麵條')
    expect((await view('hant-hk', '里面的面条')).text).toBe('裏面的麪條')
    // Taiwan's own terms, not character for character.
    expect((await view('hant-tw', '软件和内存')).text).toBe('軟體和記憶體')
  })

  it('leaves text that has nothing to convert alone: Latin, digits, punctuation', async () => {
    const text = 'Jiangmen 2023: 63 projects (¥30 billion).'
    expect(await view('hant-hk', text)).toEqual({ text, resized: [] })
  })

  it('maps offsets through phrases whose length changed', async () => {
    const shown = await view('hant-tw', '软件和内存，江门')
    expect(shown.text).toBe('軟體和記憶體，江門')
    // 江门 after the longer phrase: shifted by one both ways.
    expect(toView(shown, 6, 'start')).toBe(7)
    expect(toSource(shown, 7, 'start')).toBe(6)
    expect(toView(shown, 8, 'end')).toBe(9)
    // Only the changed stretch is resized: 軟 keeps its place.
    expect(toView(shown, 0, 'start')).toBe(0)
    expect(toView(shown, 1, 'end')).toBe(1)
    // An offset inside the resized phrase goes to its edges, so a range covers all of it.
    const inside = shown.resized[0]!
    expect(toView(shown, inside.from + 1, 'start')).toBe(inside.viewFrom)
    expect(toView(shown, inside.from + 1, 'end')).toBe(inside.viewTo)
    expect(toSource(shown, inside.viewFrom + 1, 'end')).toBe(inside.to)
  })

  it('round-trips every offset outside resized phrases', () => {
    // A converter that makes one phrase longer, to test the arithmetic on its own.
    const shown = convertText('ab，xy，ab', (run) => run.replace('xy', 'XYZ'))
    expect(shown.text).toBe('ab，XYZ，ab')
    for (const offset of [0, 1, 2, 3, 5, 6, 7, 8]) {
      expect(toSource(shown, toView(shown, offset, 'start'), 'start')).toBe(offset)
    }
    expect(toView(shown, 6, 'start')).toBe(7)
  })

  it('keeps the length of every block of the corpus in Hong Kong script', async () => {
    // Character variants only: highlights and sentences map one to one there.
    const { documents } = await readSource(resolve(import.meta.dirname, '../../../../content'))
    const texts = documents.flatMap(({ document }) => document.blocks.map((b) => b.zh))
    const views = await aids.views('hant-hk', texts)
    views.forEach((shown, i) => expect(shown.text.length, texts[i]).toBe(texts[i]!.length))
    expect(views.filter((v, i) => v.text !== texts[i]).length).toBeGreaterThan(90)
  })
})
