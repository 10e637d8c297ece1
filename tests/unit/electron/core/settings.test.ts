import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsService } from '../../../../electron/core/settings.ts'
import { DEFAULT_SETTINGS, SettingsPatch } from '../../../../electron/shared/model.ts'
import { setReadOnly } from '../../../support/read-only.ts'

const tempDir = () => mkdtemp(join(tmpdir(), 'settings-'))

describe('SettingsService', () => {
  it('starts with defaults that follow the OS locale', async () => {
    expect(await new SettingsService(await tempDir()).get()).toEqual(DEFAULT_SETTINGS)
  })

  it('reads a patch as naming only what it changes, defaults left out', () => {
    expect(SettingsPatch.parse({ fontFamily: 'sans' })).toEqual({ fontFamily: 'sans' })
    expect(SettingsPatch.parse({})).toEqual({})
  })

  it('persists a change for the next start', async () => {
    const dir = await tempDir()
    const first = new SettingsService(dir)
    await first.set({ locale: 'zh-CN', theme: 'sepia' })
    await first.flush()
    expect(await new SettingsService(dir).get()).toMatchObject({ locale: 'zh-CN', theme: 'sepia' })
  })

  it('falls back to defaults on a corrupt file, keeps it aside and reports it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'settings.json'), '{"version":1,"locale":"fr"')
    const service = new SettingsService(dir)
    expect(await service.get()).toEqual(DEFAULT_SETTINGS)
    expect(await service.report()).toMatchObject({
      status: 'reset',
      reason: expect.stringContaining('not JSON'),
    })
    expect((await readdir(dir)).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true)
  })

  it('starts over a corrupt file in a read-only folder, keeps changes in memory and saves them later', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'settings.json'), '{"version":1,"locale":"fr"')
    setReadOnly(dir, true)
    const service = new SettingsService(dir)
    try {
      expect(await service.get()).toEqual(DEFAULT_SETTINGS)
      expect(service.saveHealth()).toMatchObject({ writable: false })
      expect((await service.set({ theme: 'dark' })).theme).toBe('dark')
      expect((await service.get()).theme).toBe('dark')
    } finally {
      setReadOnly(dir, false)
    }
    await service.flush()
    expect(service.saveHealth()).toEqual({ writable: true })
    expect((await new SettingsService(dir).get()).theme).toBe('dark')
    expect((await readdir(dir)).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true)
  })

  it('refuses values outside the schema and keeps the stored ones', async () => {
    const service = new SettingsService(await tempDir())
    await expect(service.set({ fontSize: 999 })).rejects.toThrow()
    expect((await service.get()).fontSize).toBe(DEFAULT_SETTINGS.fontSize)
  })

  it('gives a file from before read-aloud its speed and Chinese voice defaults', async () => {
    const dir = await tempDir()
    const { readAloudRate: _rate, chineseVoice: _voice, ...older } = DEFAULT_SETTINGS
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ ...older, theme: 'dark' }))
    expect(await new SettingsService(dir).get()).toMatchObject({
      theme: 'dark',
      readAloudRate: 1,
      chineseVoice: 'mandarin',
    })
  })

  it('remembers the read-aloud speed and Chinese voice, and refuses others', async () => {
    const dir = await tempDir()
    const service = new SettingsService(dir)
    await service.set({ readAloudRate: 1.5, chineseVoice: 'cantonese' })
    await service.flush()
    expect(await new SettingsService(dir).get()).toMatchObject({
      readAloudRate: 1.5,
      chineseVoice: 'cantonese',
    })
    expect(SettingsPatch.safeParse({ readAloudRate: 1.1 }).success).toBe(false)
    expect(SettingsPatch.safeParse({ readAloudRate: 3 }).success).toBe(false)
    expect(SettingsPatch.safeParse({ chineseVoice: 'taishanese' }).success).toBe(false)
  })
})
