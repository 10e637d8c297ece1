import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'
import type { AfterPackContext, Configuration } from 'electron-builder'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import config from '../../../electron-builder.config.ts'
import { applyFuses, FUSES } from '../../../scripts/release/fuses.ts'

const ROOT = resolve(import.meta.dirname, '../../..')
/** What marks the fuse wire in an Electron binary (@electron/fuses keeps it internal). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

// No Electron binary can be downloaded here, so nothing is packaged: the configuration is loaded and
// validated as `electron-builder` does, and the fuses are flipped in a stand-in for the binary.
describe('release build', () => {
  it('is a configuration electron-builder loads and accepts', async () => {
    const loaded = await getConfig(ROOT, join(ROOT, 'electron-builder.config.ts'), null)
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined()
    const misspelt = { ...loaded, linux: { ...loaded.linux, targets: ['AppImage'] } }
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow()
    expect(loaded.productName).toBe('Jiangmen Reader')
    // Loaded through electron-builder's own loader, so a module of its own: the same function by name.
    expect(typeof loaded.afterPack === 'function' && loaded.afterPack.name).toBe(applyFuses.name)
  }, 60_000)

  it('builds AppImage and deb, NSIS and dmg installers with the app icon', async () => {
    const targets = (
      platform: Configuration['linux'] | Configuration['win'] | Configuration['mac'],
    ) => platform?.target
    expect(targets(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targets(config.win)).toEqual(['nsis'])
    expect(targets(config.mac)).toEqual(['dmg'])
    expect(config.asar).toBe(true)
    const icon = await readFile(join(ROOT, String(config.icon)))
    // A PNG of at least 512 × 512, which every platform's icon format is made from.
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })

  it('packages what the build wrote, and the main entry is in it', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      main: string
      scripts: Record<string, string>
    }
    expect(config.files).toContain('out/**/*')
    expect(pkg.main.startsWith('out/')).toBe(true)
    expect(pkg.scripts['dist']).toContain('electron-builder --config electron-builder.config.ts')
  })

  it('sets every fuse: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption, asar integrity and asar only', () => {
    expect(FUSES).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    })
  })

  it('flips the fuses in the packaged binary from the afterPack hook', async () => {
    const appOutDir = await mkdtemp(join(tmpdir(), 'after-pack-'))
    const wireLength = Object.keys(FuseV1Options).length / 2
    // A stand-in for the Electron binary: its fuse wire, every fuse on, amid other bytes.
    const binary = Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, wireLength]),
      Buffer.alloc(wireLength, FuseState.ENABLE),
      Buffer.alloc(4096, 7),
    ])
    await writeFile(join(appOutDir, 'jiangmen-reader'), binary)
    const context = {
      appOutDir,
      electronPlatformName: 'linux',
      packager: {
        appInfo: { productFilename: 'Jiangmen Reader' },
        executableName: 'jiangmen-reader',
      },
    } as unknown as AfterPackContext
    await applyFuses(context)
    const wire = await getCurrentFuseWire(join(appOutDir, 'jiangmen-reader'))
    const on = (fuse: FuseV1Options) => (FUSES[fuse] ? FuseState.ENABLE : FuseState.DISABLE)
    for (let fuse = 0; fuse < wireLength; fuse++)
      expect(wire[fuse as FuseV1Options], FuseV1Options[fuse]).toBe(on(fuse))
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
  })
})
