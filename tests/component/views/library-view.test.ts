import { describe, expect, it, vi } from 'vitest'
import LibraryView from '../../../src/views/LibraryView.vue'
import { makeDocument, writeBundleDir } from '../../support/bundle.ts'
import { installReader, mountWithPlugins } from '../../support/renderer.ts'

describe('LibraryView', () => {
  it('shows a card per document with both titles, publisher, date and length', async () => {
    await installReader()
    const { wrapper } = mountWithPlugins(LibraryView)
    const card = await vi.waitFor(() => wrapper.get('article'))
    expect(card.get('h2').text()).toBe('Harbour Notes')
    expect(card.get('h2').attributes('lang')).toBe('en')
    expect(card.get('.subtitle').text()).toBe('港口札记')
    expect(card.get('.subtitle').attributes('lang')).toBe('zh-CN')
    expect(card.text()).toContain('Test Press')
    expect(card.text()).toContain('March 1, 2024')
    expect(card.text()).toContain('3 paragraphs')
    expect(wrapper.text()).toContain('1 document')
  })

  it('explains a damaged corpus and offers to try again', async () => {
    await installReader({ contentDir: '/nonexistent' })
    const { wrapper } = mountWithPlugins(LibraryView)
    const alert = await vi.waitFor(() => wrapper.get('[role="alert"]'))
    expect(alert.text()).toContain('A file could not be read or written')
    expect(wrapper.get('[role="alert"] button').text()).toBe('Try again')
  })
})

describe('LibraryView with a large library', () => {
  it('renders only the visible cards of 2,000 documents, and filters them', async () => {
    const documents = Array.from({ length: 2000 }, (_, i) => makeDocument(`doc-${i}`, [{}]))
    await installReader({ contentDir: await writeBundleDir(documents) })
    const { wrapper } = mountWithPlugins(LibraryView)
    await vi.waitFor(() => wrapper.get('article'))
    expect(wrapper.text()).toContain('2,000 documents')
    expect(wrapper.findAll('article').length).toBeLessThan(40)

    await wrapper.get('input[type="search"]').setValue('doc-1999')
    expect(wrapper.findAll('article').map((a) => a.get('h2').text())).toEqual(['Title doc-1999'])
  })
})
