import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import GlossaryText from '../../../../src/components/reader/GlossaryText.vue'
import { mountWithPlugins } from '../../../support/renderer.ts'

const text = 'Photo by Li Jianqun at Talent Island, Jiangmen.'
const term = (id: string, start: number, end: number) => ({
  term: { id, en: text.slice(start, end), zh: '词' },
  start,
  end,
})
const note = { en: 'Transliteration, not verified.', zh: '音译，未经核实。' }

function render(marks: Array<{ quote: string; kind: 'unverified' | 'source-slip' }>) {
  const props = {
    text,
    terms: [term('li', 9, 19), term('talent-island', 23, 36)],
    marks: marks.map((m) => ({ lang: 'en' as const, note, ...m })),
  }
  return mountWithPlugins({ render: () => h('p', h(GlossaryText, props)) }).wrapper
}

describe('GlossaryText', () => {
  it('underlines marked words as marks, a mark winning over a term it overlaps', () => {
    const wrapper = render([{ quote: 'Jianqun at', kind: 'unverified' }])
    expect(wrapper.findAll('.term').map((t) => t.text())).toEqual(['Talent Island'])
    const mark = wrapper.get('.text-mark')
    expect([mark.text(), mark.attributes('data-kind'), mark.attributes('data-mark')]).toEqual([
      'Jianqun at',
      'unverified',
      '0',
    ])
    expect(wrapper.element.textContent).toBe(text)
  })

  it('leaves the text and its terms alone where a mark’s quote is not found', () => {
    const wrapper = render([{ quote: 'Guangzhou Bay', kind: 'source-slip' }])
    expect(wrapper.findAll('.text-mark')).toHaveLength(0)
    expect(wrapper.findAll('.term').map((t) => t.text())).toEqual(['Li Jianqun', 'Talent Island'])
    expect(wrapper.element.textContent).toBe(text)
  })
})
