import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/core/dispatch.ts'
import { createServices, type AppServices } from '../../../../electron/core/services.ts'
import { CHANNELS, contract, type Channel } from '../../../../electron/shared/contract.ts'
import { hostileValues } from '../../../support/fuzz.ts'
import { FIXTURE_CONTENT_DIR } from '../../../support/fixtures.ts'

let services: AppServices
beforeAll(async () => {
  services = createServices({
    contentDir: FIXTURE_CONTENT_DIR,
    dataDir: await mkdtemp(join(tmpdir(), 'dispatch-')),
    appInfo: { name: 'test', version: '1.0.0', platform: 'linux', osLocale: 'en-US' },
  })
})

/**
 * Payloads that are wrong for the channel: hostile values alone and in every field a channel takes,
 * keeping those the channel's schema refuses (a few happen to be valid, e.g. `{}` for a patch).
 */
function malformedPayloads(channel: Channel, seed: number): unknown[] {
  const fields = [
    'id',
    'content',
    'uploadId',
    'index',
    'chunk',
    'format',
    'docId',
    'position',
    'locale',
    'fontSize',
    'readingMode',
    'kind',
    'anchor',
    'note',
    'color',
    'window',
  ]
  const candidates = hostileValues(seed, 300).flatMap((value) => [
    value,
    ...fields.map((field) => ({ [field]: value })),
    { id: 'abcdefgh', kind: 'highlight', anchor: value, color: 'yellow', note: '' },
    { id: 'abcdefgh', note: value },
    { content: value },
    { uploadId: 'upload-0001', index: 0, chunk: value },
    { uploadId: 'upload-0001', index: value, chunk: '' },
  ])
  const schema = contract[channel].input as { safeParse(v: unknown): { success: boolean } }
  return candidates.filter((payload) => payload !== undefined && !schema.safeParse(payload).success)
}

describe('dispatch', () => {
  it('answers an unknown channel with a typed error', async () => {
    for (const channel of ['nope', 'corpus:delete', '', 42, null, {}, '__proto__', 'constructor']) {
      const result = await dispatch(services.handlers, channel, undefined)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it.each(CHANNELS)(
    'rejects hundreds of malformed payloads on %s and keeps serving',
    async (channel) => {
      const payloads = malformedPayloads(channel, channel.length * 7919)
      expect(payloads.length).toBeGreaterThanOrEqual(300)
      for (const payload of payloads) {
        const result = await dispatch(services.handlers, channel, payload)
        expect(result.ok, `accepted ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false)
        if (!result.ok) expect(result.error.code).toBe('invalid-input')
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      const after = await dispatch(services.handlers, 'corpus:list', undefined)
      expect(after.ok).toBe(true)
    },
  )

  it('refuses payloads that are not plain data, such as a Date', async () => {
    const result = await dispatch(services.handlers, 'settings:set', new Date())
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('turns a service failure into a typed error instead of throwing', async () => {
    const result = await dispatch(services.handlers, 'corpus:get', { id: 'no-such-document' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no document "no-such-document"' },
    })
  })

  it.each([
    ['annotations:update', { id: 'abcdefgh', note: undefined }],
    ['annotations:update', { id: 'abcdefgh', color: undefined }],
    ['annotations:export', { format: 'json', docId: undefined }],
    ['settings:set', { locale: undefined }],
    ['settings:set', { recentQueries: undefined }],
  ] as const)('refuses %s with a field sent as undefined: %o', async (channel, payload) => {
    await dispatch(services.handlers, 'settings:set', { recentQueries: ['harbour'] })
    const result = await dispatch(services.handlers, channel, payload)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await services.settings.get()).toMatchObject({ recentQueries: ['harbour'] })
  })

  it('keeps the recent queries when another setting changes', async () => {
    await dispatch(services.handlers, 'settings:set', { recentQueries: ['碉楼', 'harbour'] })
    const result = await dispatch(services.handlers, 'settings:set', { theme: 'dark' })
    expect(result).toMatchObject({ ok: true, value: { recentQueries: ['碉楼', 'harbour'] } })
  })

  it('keeps every setting that has a default when another setting changes', async () => {
    const chosen = {
      glossaryMarks: 'off',
      fontFamily: 'sans',
      sidebarOpen: false,
      readAloudRate: 1.25,
      chineseVoice: 'cantonese',
    } as const
    await dispatch(services.handlers, 'settings:set', chosen)
    const result = await dispatch(services.handlers, 'settings:set', { theme: 'dark' })
    expect(result).toMatchObject({ ok: true, value: { ...chosen, theme: 'dark' } })
  })

  it('passes valid input through to the service', async () => {
    const result = await dispatch(services.handlers, 'settings:set', { locale: 'zh-CN' })
    expect(result).toMatchObject({ ok: true, value: { locale: 'zh-CN' } })
  })
})
