import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBinary, MISSING_ELECTRON } from '../../../scripts/check-electron.ts'

const emptyElectronDir = () => mkdtemp(join(tmpdir(), 'electron-pkg-'))

describe('the Electron check before npm start', () => {
  it('finds no binary where path.txt was never written', async () => {
    expect(electronBinary(await emptyElectronDir(), {})).toBeNull()
  })

  it('finds no binary where path.txt names an executable that is not in dist', async () => {
    const dir = await emptyElectronDir()
    await writeFile(join(dir, 'path.txt'), 'electron')
    expect(electronBinary(dir, {})).toBeNull()
  })

  it('finds the executable path.txt names under dist', async () => {
    const dir = await emptyElectronDir()
    await writeFile(join(dir, 'path.txt'), 'electron')
    await mkdir(join(dir, 'dist'))
    await writeFile(join(dir, 'dist', 'electron'), '')
    expect(electronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'))
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the Electron package does', async () => {
    const dir = await emptyElectronDir()
    const override = await mkdtemp(join(tmpdir(), 'electron-dist-'))
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull()
    await writeFile(join(override, 'electron'), '')
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      join(override, 'electron'),
    )
  })

  it('says what is missing, the command that fetches it and that it needs the network once', () => {
    expect(MISSING_ELECTRON).toContain('Electron binary is missing')
    expect(MISSING_ELECTRON).toContain('`npx install-electron`')
    expect(MISSING_ELECTRON).toContain('needs the network this one time')
  })

  it('prints that one paragraph and exits non-zero when run with no binary', async () => {
    const script = resolve(import.meta.dirname, '../../../scripts/check-electron.ts')
    const run = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: await emptyElectronDir() },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`${MISSING_ELECTRON}\n`)
    expect(run.stdout).toBe('')
  })
})
