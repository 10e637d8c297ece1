import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { Block } from '../../../../electron/shared/model.ts'
import BlockView from '../../../../src/components/reader/BlockView.vue'
import WordCard from '../../../../src/components/reader/WordCard.vue'
import { provideGlossaryMarks } from '../../../../src/composables/useGlossaryMarks.ts'
import { useChineseStore } from '../../../../src/stores/chinese.ts'
import { useGlossaryStore } from '../../../../src/stores/glossary.ts'
import { useLookupStore } from '../../../../src/stores/lookup.ts'
import { useReaderStore } from '../../../../src/stores/reader.ts'
import { useSettingsStore } from '../../../../src/stores/settings.ts'
import { installReader, mountWithPlugins } from '../../../support/renderer.ts'

// No workers here: the reading aids run in the test's thread, with the dictionary the app ships.
vi.mock('../../../../src/chinese/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/chinese/client.ts')>()
  const { dictionaryData } = await import('../../../../src/chinese/dictionary-data.ts')
  return {
    ...original,
    createAidsClient: () => original.createAidsClient(async () => dictionaryData()),
  }
})

/** Waits for the reading aids (OpenCC, pinyin-pro, CC-CEDICT load on first use) and the render. */
async function settle(until: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !until(); i++) {
    await new Promise((done) => setTimeout(done, 25))
    await flushPromises()
  }
  expect(until()).toBe(true)
}

async function mountBlock(
  block: Block,
  settings: Parameters<ReturnType<typeof useSettingsStore>['update']>[0],
) {
  await installReader()
  const Column = defineComponent({
    setup() {
      provideGlossaryMarks()
      return () => h('div', { class: 'column' }, [h(BlockView, { block })])
    },
  })
  const { wrapper } = mountWithPlugins(Column, {}, { attachTo: document.body })
  await useSettingsStore().load()
  const reader = useReaderStore()
  await reader.open('harbour-notes')
  reader.document = { ...reader.document!, blocks: [block] }
  await useGlossaryStore().load()
  await useSettingsStore().update({ readingMode: 'zh', ...settings })
  await flushPromises()
  return wrapper
}

/** The text of an element as read, without the readings over it. */
const baseText = (element: Element) => {
  const copy = element.cloneNode(true) as Element
  copy.querySelectorAll('rt, rp').forEach((reading) => reading.remove())
  return copy.textContent
}

describe('Chinese reading aids in the reader', () => {
  it('shows Chinese in the chosen script, its glossary terms moved with the words', async () => {
    const block = {
      id: 'b1',
      type: 'paragraph' as const,
      en: 'Software.',
      zh: '软件和内存，江门投资。',
    }
    const wrapper = await mountBlock(block, { chineseScript: 'hant-tw' })
    const text = () => wrapper.get('.text.lang-zh')
    await settle(() => text().text().includes('軟體'))
    // Taiwan's words, one longer than the authored ones; the term after them still on 江門.
    expect(text().text()).toBe('軟體和記憶體，江門投資。')
    expect(text().attributes('lang')).toBe('zh-TW')
    expect(text().get('.term').text()).toBe('江門')
    wrapper.unmount()
  })

  it('reads each character in pinyin by its word, and nothing over digits, Latin or punctuation', async () => {
    const block = {
      id: 'b1',
      type: 'paragraph' as const,
      en: 'Bank.',
      zh: '江门2023年ABC银行行业，重庆。',
    }
    const wrapper = await mountBlock(block, { ruby: { 'harbour-notes': 'pinyin' } })
    const text = () => wrapper.get('.text.lang-zh')
    await settle(() => text().findAll('rt').length > 0)
    const readings = text()
      .findAll('ruby')
      .map((r) => [r.element.firstChild?.textContent, r.get('rt').text()])
    expect(readings).toEqual([
      ['江', 'jiāng'],
      ['门', 'mén'],
      ['年', 'nián'],
      ['银', 'yín'],
      ['行', 'háng'],
      ['行', 'háng'],
      ['业', 'yè'],
      ['重', 'chóng'],
      ['庆', 'qìng'],
    ])
    // The text read is still the text: readings are not part of it.
    expect(baseText(text().element)).toBe(block.zh)
    expect(text().classes()).toContain('has-ruby')
    wrapper.unmount()
  })

  it('reads Cantonese over Traditional characters', async () => {
    const block = { id: 'b1', type: 'paragraph' as const, en: 'Kaiping.', zh: '开平碉楼' }
    const wrapper = await mountBlock(block, {
      chineseScript: 'hant-hk',
      ruby: { 'harbour-notes': 'jyutping' },
    })
    const text = () => wrapper.get('.text.lang-zh')
    await settle(() => text().findAll('rt').length === 4 && baseText(text().element) === '開平碉樓')
    expect(
      text()
        .findAll('rt')
        .map((rt) => rt.text()),
    ).toEqual(['hoi1', 'ping4', 'diu1', 'lau4'])
    wrapper.unmount()
  })

  it('looks a word up: the words under it, each entry read in pinyin and Jyutping', async () => {
    const block = {
      id: 'b1',
      type: 'caption' as const,
      en: 'Kaiping Diaolou.',
      zh: '开平碉楼与村落',
    }
    await installReader()
    const { wrapper } = mountWithPlugins(WordCard, { block })
    await useSettingsStore().load()
    await useSettingsStore().update({ chineseScript: 'hant-hk' })
    const lookup = useLookupStore()
    await lookup.lookUp(block, { blockId: 'b1', lang: 'zh', start: 2, end: 4 })
    await settle(
      () =>
        wrapper.text().includes('diāo lóu') && useChineseStore().show('开平碉楼') === '開平碉樓',
    )
    // The selection was 碉楼: chosen among the words under it, the longer name offered too.
    const words = wrapper.get('[role="group"]').findAll('button')
    expect(words.map((w) => [w.text(), w.attributes('aria-pressed')])).toEqual([
      ['開平碉樓', 'false'],
      ['碉樓', 'true'],
      ['碉', 'false'],
    ])
    expect(wrapper.get('.headword').text()).toBe('碉樓')
    expect(wrapper.text()).toContain('diu1 lau4')
    await words[0]!.trigger('click')
    expect(wrapper.text()).toContain('Kāi píng diāo lóu')
    wrapper.unmount()
  })

  it('says so when there is nothing to look up', async () => {
    const block = { id: 'b1', type: 'paragraph' as const, en: 'In 2023.', zh: '2023年，' }
    await installReader()
    const { wrapper } = mountWithPlugins(WordCard, { block })
    await useSettingsStore().load()
    await useLookupStore().lookUp(block, { blockId: 'b1', lang: 'zh', start: 0, end: 4 })
    await settle(() => wrapper.text().includes('Not in the dictionary.'))
    wrapper.unmount()
  })
})
