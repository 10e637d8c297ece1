import { flushPromises } from '@vue/test-utils'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_PAGE_CHARS } from '../../../../electron/shared/annotation-list.ts'
import { makeAnchor } from '../../../../electron/shared/anchoring.ts'
import { MAX_NOTE } from '../../../../electron/shared/annotations.ts'
import NotebookPanel from '../../../../src/components/notes/NotebookPanel.vue'
import { useAnnotationsStore } from '../../../../src/stores/annotations.ts'
import { holdAnnotationPages, installReader, mountWithPlugins } from '../../../support/renderer.ts'
import { seedAnnotations, storedAnnotations } from '../../../support/stored-annotations.ts'

describe('NotebookPanel', () => {
  it('counts the notebook in while its pages load, never calling it empty meanwhile', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notebook-'))
    const { services } = await installReader({ dataDir })
    const doc = await services.corpus.get('harbour-notes')
    // Long notes: a page stops at its characters, so these take two pages.
    const count = LIST_PAGE_CHARS / MAX_NOTE + 10
    const anchor = makeAnchor(doc.id, doc.blocks[1]!, 'en', 0, 8)
    await seedAnnotations(
      dataDir,
      storedAnnotations(count, anchor, (i) => ({ note: `${i} ${'n'.repeat(MAX_NOTE - 10)}` })),
    )
    const letPageThrough = holdAnnotationPages()
    const { wrapper } = mountWithPlugins(NotebookPanel)
    const loading = useAnnotationsStore().load()
    await flushPromises()
    expect(wrapper.text()).not.toContain('Your notebook is empty.')

    await letPageThrough()
    await expect.poll(() => wrapper.find('.loading').exists()).toBe(true)
    const first = useAnnotationsStore().items.length
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(count)
    expect(wrapper.find('.loading').text()).toBe(
      `Loading your notebook: ${first} of ${count}. Until then, the list shows those loaded.`,
    )
    expect(wrapper.find('.loading progress').attributes()).toMatchObject({
      value: String(first),
      max: String(count),
    })

    await letPageThrough()
    await loading
    await flushPromises()
    expect(wrapper.find('.loading').exists()).toBe(false)
    expect(wrapper.find('.count').text()).toBe(`${count} annotations`)
    wrapper.unmount()
  })

  it('opens at once on a large notebook, newest first, and shows more on request', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notebook-'))
    const { services } = await installReader({ dataDir })
    const doc = await services.corpus.get('harbour-notes')
    const anchor = makeAnchor(doc.id, doc.blocks[1]!, 'en', 0, 8)
    const stored = storedAnnotations(250, anchor, (i) => {
      const stamp = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()
      return { note: `note ${i}`, createdAt: stamp, updatedAt: stamp }
    })
    await seedAnnotations(dataDir, stored)
    const { wrapper } = mountWithPlugins(NotebookPanel)
    await useAnnotationsStore().load()
    await flushPromises()
    const notes = () => wrapper.findAll('.note').map((n) => n.text())
    expect(wrapper.find('.count').text()).toBe('250 annotations')
    expect(notes()).toHaveLength(100)
    expect(notes()[0]).toBe('note 249')
    const more = () => wrapper.find('button.more')
    expect(more().text()).toBe('Show 100 more (100 of 250 shown)')
    await more().trigger('click')
    expect(notes()).toHaveLength(200)
    expect(more().text()).toBe('Show 50 more (200 of 250 shown)')
    await more().trigger('click')
    expect(notes()).toHaveLength(250)
    expect(notes().at(-1)).toBe('note 0')
    expect(more().exists()).toBe(false)
    // A new filter starts again from the first hundred.
    await wrapper.find('input[type="search"]').setValue('note 1')
    expect(notes()).toHaveLength(100)
    wrapper.unmount()
  })
})
