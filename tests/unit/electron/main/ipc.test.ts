import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createServices } from '../../../../electron/core/services.ts'
import { registerIpc } from '../../../../electron/main/ipc.ts'
import { CHANNELS } from '../../../../electron/shared/contract.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'

// ipc.ts only needs ipcMain's shape; the real module would try to download Electron here.
vi.mock('electron', () => ({}))

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>

const mainFrame = { url: 'file:///app/index.html' }
const ourContents = { mainFrame } as unknown as WebContents
let handlers: Map<string, Handler>

beforeEach(async () => {
  handlers = new Map()
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) }
  const services = createServices({
    contentDir: FIXTURE_CONTENT_DIR,
    dataDir: await mkdtemp(join(tmpdir(), 'ipc-')),
    appInfo: { name: 'r', version: '1', platform: 'linux', osLocale: 'en' },
  })
  registerIpc(ipcMain as unknown as IpcMain, services.handlers, (c) => c === ourContents)
})

const event = (sender: WebContents, senderFrame: unknown) =>
  ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent

describe('registerIpc', () => {
  it('handles exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('serves our window main frame', async () => {
    const result = await handlers.get('corpus:list')!(event(ourContents, mainFrame), undefined)
    expect(result).toMatchObject({ ok: true })
  })

  it('refuses a subframe of our window', async () => {
    const result = await handlers.get('corpus:list')!(
      event(ourContents, { url: 'https://evil.example' }),
      undefined,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  })

  it('refuses another web contents, even from its main frame', async () => {
    const otherFrame = { url: 'file:///app/index.html' }
    const other = { mainFrame: otherFrame } as unknown as WebContents
    const result = await handlers.get('settings:set')!(event(other, otherFrame), { locale: 'en' })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  })

  it('validates the payload of a trusted sender', async () => {
    const result = await handlers.get('settings:set')!(event(ourContents, mainFrame), {
      locale: 'fr',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
