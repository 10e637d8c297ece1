import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import BlockView from '../../../../src/components/reader/BlockView.vue'
import TermTooltip from '../../../../src/components/reader/TermTooltip.vue'
import { provideGlossaryMarks } from '../../../../src/composables/useGlossaryMarks.ts'
import { useAnnotationsStore } from '../../../../src/stores/annotations.ts'
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

/** A block in a reading column, as ReaderView renders it: with its glossary marks and tooltip. */
const Column = defineComponent({
  setup() {
    provideGlossaryMarks()
    const column = ref<HTMLElement | null>(null)
    return () =>
      h('div', { ref: column, class: 'column' }, [
        h(BlockView, { block }),
        h(TermTooltip, { column: column.value }),
      ])
  },
})

async function mountBlock(
  mode: 'en' | 'zh' | 'side-by-side' | 'interleaved',
  glossaryMarks: 'all' | 'first' | 'off' = 'first',
) {
  await installReader()
  const { wrapper } = mountWithPlugins(Column, {}, { attachTo: document.body })
  await useSettingsStore().load()
  await useSettingsStore().update({ readingMode: mode, glossaryMarks })
  const reader = useReaderStore()
  await reader.open('harbour-notes')
  reader.document = { ...reader.document!, blocks: [block] }
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

  it('marks glossary terms, and shows the other-language form of the one focused', async () => {
    const wrapper = await mountBlock('en')
    const terms = wrapper.findAll('.term')
    expect(terms.map((t) => t.text())).toEqual(['Jiangmen', 'Pearl River Delta'])
    expect(document.querySelector('[role="tooltip"]')).toBeNull()
    await terms[1]!.trigger('focusin')
    await flushPromises()
    const tip = document.querySelector('[role="tooltip"]')!
    expect(tip.querySelector('[lang]')?.textContent).toBe('珠江三角洲')
    expect(tip.querySelector('[lang]')?.getAttribute('lang')).toBe('zh-CN')
    expect(terms[1]!.attributes('aria-describedby')).toBe(tip.id)
    wrapper.unmount()
  })

  it('marks no glossary terms when marks are off', async () => {
    const wrapper = await mountBlock('en', 'off')
    expect(wrapper.findAll('.term')).toHaveLength(0)
    wrapper.unmount()
  })

  it('makes only the block being read a Tab stop, with its buttons', async () => {
    const wrapper = await mountBlock('en')
    const stops = () => wrapper.findAll('[tabindex="0"]').length
    useReaderStore().track({ blockId: 'b002', offset: 0, progress: 0 })
    await flushPromises()
    // The paragraph, its flip button and its five actions.
    expect(stops()).toBe(7)
    useReaderStore().focusedBlockId = 'another-block'
    await flushPromises()
    expect(stops()).toBe(0)
    wrapper.unmount()
  })

  it('makes the buttons of a paragraph once a person reaches it, or while it is read or bookmarked', async () => {
    const wrapper = await mountBlock('en')
    const actions = () => wrapper.findAll('.block-actions button').length
    const reader = useReaderStore()
    reader.track({ blockId: 'b002', offset: 0, progress: 0 })
    await flushPromises()
    expect(actions()).toBe(5)
    reader.focusedBlockId = 'another-block'
    await flushPromises()
    expect(actions()).toBe(0)
    // Bookmarked, it shows its state without being reached.
    await useAnnotationsStore().toggleBookmark(reader.document!.id, block, 'en')
    await flushPromises()
    expect(wrapper.get('.bookmark').attributes('aria-pressed')).toBe('true')
    wrapper.unmount()

    for (const reach of ['pointerenter', 'focusin']) {
      const again = await mountBlock('en')
      useReaderStore().focusedBlockId = 'another-block'
      await flushPromises()
      expect(again.findAll('.block-actions button')).toHaveLength(0)
      await again.get('[data-block-id="b002"]').trigger(reach)
      expect(again.findAll('.block-actions button')).toHaveLength(5)
      again.unmount()
    }
  })

  it('drops the flipped tint when a bilingual mode shows both languages', async () => {
    const wrapper = await mountBlock('en')
    await wrapper.get('button.flip').trigger('click')
    expect(wrapper.get('.block').classes()).toContain('flipped')
    await useSettingsStore().update({ readingMode: 'side-by-side' })
    await flushPromises()
    expect(wrapper.get('.block').classes()).not.toContain('flipped')
    wrapper.unmount()
  })

  it('renders markup in the content as text', async () => {
    const wrapper = await mountBlock('en')
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.get('.text').text()).toContain('<img src=x onerror="window.hacked=1">')
  })
})
