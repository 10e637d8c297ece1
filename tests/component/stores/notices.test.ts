import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useNoticesStore } from '../../../src/stores/notices.ts'
import { installReader, type RendererHarness } from '../../support/renderer.ts'

let harness: RendererHarness
beforeEach(async () => {
  harness = await installReader()
  setActivePinia(createPinia())
})

describe('notices store', () => {
  it('says changes cannot be saved while the data folder refuses writes, and when they are again', async () => {
    const notices = useNoticesStore()
    await notices.loadDataNotices()
    const refusal = {
      store: 'annotations',
      writable: false,
      reason: 'EROFS: read-only file system',
    }
    harness.emit('app:storage', refusal)
    harness.emit('app:storage', refusal)
    expect(notices.items).toEqual([
      {
        id: expect.any(Number),
        kind: 'data',
        notice: {
          store: 'annotations',
          status: 'unsaved',
          reason: 'EROFS: read-only file system',
          quarantinedAs: null,
          restoredFrom: null,
        },
      },
    ])
    harness.emit('app:storage', { store: 'annotations', writable: true, reason: '' })
    expect(notices.items).toMatchObject([{ kind: 'info', message: 'savedAgain' }])
  })
})
