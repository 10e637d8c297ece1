import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

/** The Electron binary, if this machine has one: `npm start` downloads it on first run. */
function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const reason = binary
  ? ''
  : ' [skipped: no Electron binary on this machine; `npm start` fetches it]'

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
