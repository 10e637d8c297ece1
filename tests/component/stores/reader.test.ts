import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { SettingsService } from '../../../electron/core/settings.ts'
import { useReaderStore } from '../../../src/stores/reader.ts'
import { useSettingsStore } from '../../../src/stores/settings.ts'
import { useUiStore } from '../../../src/stores/ui.ts'
import { installReader, type RendererHarness } from '../../support/renderer.ts'

let harness: RendererHarness
beforeEach(async () => {
  harness = await installReader()
  setActivePinia(createPinia())
  await useSettingsStore().load()
})

describe('reader store', () => {
  it('opens a document at its first block and makes it the one to reopen', async () => {
    const reader = useReaderStore()
    expect(await reader.open('harbour-notes')).toBe(true)
    expect(useUiStore().view).toBe('reader')
    expect(reader.position).toEqual({ blockId: 'b001', offset: 0, progress: 0 })
    await harness.services.flush()
    expect((await new SettingsService(harness.dataDir).get()).lastDocId).toBe('harbour-notes')
  })

  it('reopens a document where the reader left it', async () => {
    const reader = useReaderStore()
    await reader.open('harbour-notes')
    reader.track({ blockId: 'b003', offset: 0.5, progress: 0.8 })
    await reader.persist()
    setActivePinia(createPinia())
    await useSettingsStore().load()
    const again = useReaderStore()
    await again.open('harbour-notes')
    expect(again.position).toEqual({ blockId: 'b003', offset: 0.5, progress: 0.8 })
    expect(again.pendingScroll).toEqual({
      at: { blockId: 'b003', offset: 0.5, progress: 0.8 },
    })
  })

  it('opens a document not read before at its top, with nothing to scroll to', async () => {
    const reader = useReaderStore()
    await reader.open('harbour-notes')
    expect(reader.pendingScroll).toEqual({ at: null })
  })

  it('goes back and forward through the places left by jumps', async () => {
    const reader = useReaderStore()
    await reader.open('harbour-notes')
    reader.track({ blockId: 'b002', offset: 0.25, progress: 0.4 })
    expect(reader.canGoBack).toBe(false)
    await reader.open('harbour-notes', { blockId: 'b003' })
    expect(reader.pendingScroll).toMatchObject({ at: { blockId: 'b003' } })
    expect(reader.canGoBack).toBe(true)

    expect(await reader.travel(-1)).toBe(true)
    expect(reader.position).toMatchObject({ blockId: 'b002', offset: 0.25 })
    expect([reader.canGoBack, reader.canGoForward]).toEqual([false, true])
    expect(await reader.travel(-1)).toBe(false)

    expect(await reader.travel(1)).toBe(true)
    expect(reader.position).toMatchObject({ blockId: 'b003', offset: 0 })
    expect([reader.canGoBack, reader.canGoForward]).toEqual([true, false])
  })

  it('explains a document that cannot be found', async () => {
    const reader = useReaderStore()
    expect(await reader.open('missing-document')).toBe(false)
    expect(reader.status).toBe('error')
    expect(reader.error?.code).toBe('not-found')
  })

  it('flips one block to the other language and back, in single-language modes', async () => {
    const reader = useReaderStore()
    await reader.open('harbour-notes')
    const [b1, b2] = reader.document!.blocks
    reader.flip(b1!.id)
    expect([reader.langOf(b1!), reader.langOf(b2!)]).toEqual(['zh', 'en'])
    await useSettingsStore().update({ readingMode: 'zh' })
    expect([reader.langOf(b1!), reader.langOf(b2!)]).toEqual(['en', 'zh'])
    reader.flip(b1!.id)
    expect(reader.langOf(b1!)).toBe('zh')
  })

  it('cycles through the four reading modes and stores the choice', async () => {
    const reader = useReaderStore()
    const seen = []
    for (let i = 0; i < 4; i++) {
      await reader.cycleMode()
      seen.push(reader.mode)
    }
    expect(seen).toEqual(['zh', 'side-by-side', 'interleaved', 'en'])
  })

  it('knows the section the reader is in', async () => {
    const reader = useReaderStore()
    await reader.open('harbour-notes')
    reader.track({ blockId: 'b003', offset: 0, progress: 0.9 })
    expect(reader.currentHeadingId).toBe('b001')
  })

  it('goes back to the library and forgets the last document', async () => {
    const reader = useReaderStore()
    await reader.open('harbour-notes')
    reader.close()
    expect(useUiStore().view).toBe('library')
    await harness.services.flush()
    await expect.poll(async () => (await harness.services.settings.get()).lastDocId).toBeNull()
  })
})
