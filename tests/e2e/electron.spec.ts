import { resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { expect, it } from 'vitest'
import { ELECTRON_DIR, electronBinary } from '../../scripts/check-electron.ts'

const ROOT = resolve(import.meta.dirname, '../..')

const binary = electronBinary(ELECTRON_DIR)
const reason = binary
  ? ''
  : ' [skipped: no Electron binary on this machine; `npx install-electron` fetches it]'

it.skipIf(!binary)(`starts the real Electron app and shows the library${reason}`, async () => {
  const app = await electron.launch({ executablePath: binary!, args: [ROOT] })
  try {
    const window = await app.firstWindow()
    await window.getByRole('heading', { level: 1 }).waitFor()
    expect(
      await window.evaluate(() => typeof (window as unknown as { reader: unknown }).reader),
    ).toBe('object')
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    )
  } finally {
    await app.close()
  }
})
