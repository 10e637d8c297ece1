import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BlockView from '../../../../src/components/reader/BlockView.vue'
import { useGlossaryStore } from '../../../../src/stores/glossary.ts'
import { useReaderStore } from '../../../../src/stores/reader.ts'
import { useSettingsStore } from '../../../../src/stores/settings.ts'
import { installReader, mountWithPlugins } from '../../../support/renderer.ts'

const block = {
  id: 'b002',
  type: 'paragraph' as const,
  en: 'Jiangmen invested in the Pearl River Delta <img src=x onerror="window.hacked=1">.',
  zh: '江门在珠江三角洲投资。',
}

async function mountBlock(mode: 'en' | 'zh' | 'side-by-side' | 'interleaved') {
  await installReader()
  const { wrapper } = mountWithPlugins(BlockView, { block })
  await useSettingsStore().load()
  await useSettingsStore().update({ readingMode: mode })
  await useGlossaryStore().load()
  await flushPromises()
  return wrapper
}

describe('BlockView', () => {
  it.each([
    ['en', ['en']],
    ['zh', ['zh-CN']],
    ['side-by-side', ['en', 'zh-CN']],
    ['interleaved', ['en', 'zh-CN']],
  ] as const)('in %s mode shows the texts with lang %j', async (mode, langs) => {
    const wrapper = await mountBlock(mode)
    expect(wrapper.findAll('.text').map((t) => t.attributes('lang'))).toEqual(langs)
  })

  it('offers a flip button only in single-language modes', async () => {
    expect((await mountBlock('en')).find('button.flip').exists()).toBe(true)
    expect((await mountBlock('side-by-side')).find('button.flip').exists()).toBe(false)
  })

  it('flips to Chinese when the flip button is pressed', async () => {
    const wrapper = await mountBlock('en')
    await wrapper.get('button.flip').trigger('click')
    expect(useReaderStore().flipped.has('b002')).toBe(true)
    expect(wrapper.get('.text').attributes('lang')).toBe('zh-CN')
    expect(wrapper.get('button.flip').attributes('aria-label')).toBe(
      'Show this paragraph in English',
    )
  })

  it('marks glossary terms with their other-language form', async () => {
    const wrapper = await mountBlock('en')
    const terms = wrapper.findAll('.term')
    expect(terms.map((t) => t.text())).toEqual(['Jiangmen江门', 'Pearl River Delta珠江三角洲'])
    expect(terms[1]!.get('[role="tooltip"] [lang]').attributes('lang')).toBe('zh-CN')
  })

  it('renders markup in the content as text', async () => {
    const wrapper = await mountBlock('en')
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.get('.text').text()).toContain('<img src=x onerror="window.hacked=1">')
  })
})
