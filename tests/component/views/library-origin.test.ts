import { describe, expect, it, vi } from 'vitest'
import { useUiStore } from '../../../src/stores/ui.ts'
import LibraryView from '../../../src/views/LibraryView.vue'
import { installReader, mountWithPlugins } from '../../support/renderer.ts'

describe('LibraryView with imported documents', () => {
  it('marks the person’s own documents, filters Mine / Bundled, and asks before removing one', async () => {
    const { services } = await installReader()
    await services.handlers['documents:add']({
      title: { en: 'My Contract', zh: '我的合同' },
      date: '2025-01-02',
      files: ['contract-en.md', 'contract-zh.md'],
      blocks: [
        {
          type: 'paragraph',
          en: 'Terms apply.',
          zh: '条款适用。',
          pairs: [{ en: 'Terms apply.', zh: '条款适用。' }],
        },
      ],
    })
    const { wrapper } = mountWithPlugins(LibraryView)
    await vi.waitFor(() => expect(wrapper.findAll('article')).toHaveLength(2))
    const titles = () => wrapper.findAll('article h2').map((h) => h.text())
    const mine = wrapper.findAll('article').find((a) => a.text().includes('My Contract'))!
    expect(mine.get('.badge').text()).toBe('Mine')

    const show = wrapper.findAll('select').at(-1)!
    await show.setValue('user')
    expect(titles()).toEqual(['My Contract'])
    await show.setValue('bundled')
    expect(titles()).toEqual(['Harbour Notes'])
    await show.setValue('all')
    expect(titles()).toEqual(['Harbour Notes', 'My Contract'])

    await wrapper.get('button[aria-label="Remove “My Contract”"]').trigger('click')
    expect(useUiStore().panel).toBe('remove-document')
  })
})
