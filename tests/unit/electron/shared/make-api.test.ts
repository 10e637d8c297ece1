import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../../electron/shared/contract.ts'
import { makeApi, type Invoke, type Listen } from '../../../../electron/shared/make-api.ts'

const noEvents: Listen = () => () => undefined

const INFO = { name: 'Reader', version: '1.2.3', platform: 'linux', osLocale: 'zh-CN' }

describe('makeApi', () => {
  it('offers one function per contract channel, grouped by domain', () => {
    const api = makeApi(async () => ({ ok: true, value: null }), noEvents) as unknown as Record<
      string,
      Record<string, unknown>
    >
    for (const channel of CHANNELS) {
      const [domain, verb] = channel.split(':') as [string, string]
      expect(typeof api[domain]?.[verb]).toBe('function')
    }
  })

  it('sends the channel and payload and returns the validated answer', async () => {
    const calls: Array<[string, unknown]> = []
    const invoke: Invoke = async (channel, payload) => {
      calls.push([channel, payload])
      return { ok: true, value: INFO }
    }
    expect(await makeApi(invoke, noEvents).app.info()).toEqual({ ok: true, value: INFO })
    expect(calls).toEqual([['app:info', undefined]])
  })

  it('passes a typed error from main through unchanged', async () => {
    const error = { code: 'not-found', message: 'no document "x"' }
    const api = makeApi(async () => ({ ok: false, error }), noEvents)
    expect(await api.corpus.get({ id: 'x' })).toEqual({ ok: false, error })
  })

  it.each([
    ['an answer that breaks the output schema', { ok: true, value: { name: 1 } }],
    ['a malformed envelope', { value: INFO }],
    ['nothing at all', undefined],
    ['an error with an unknown code', { ok: false, error: { code: 'weird', message: '' } }],
  ])('turns %s into an invalid-output error', async (_label, answer) => {
    const result = await makeApi(async () => answer, noEvents).app.info()
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-output' } })
  })

  it('turns a failed transport into an internal error instead of throwing', async () => {
    const result = await makeApi(async () => {
      throw new Error('channel closed')
    }, noEvents).settings.get()
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'channel closed' } })
  })
  it('delivers valid events and drops malformed ones', () => {
    let send: (payload: unknown) => void = () => undefined
    const api = makeApi(
      async () => null,
      (_channel, handler) => {
        send = handler
        return () => undefined
      },
    )
    const received: unknown[] = []
    api.on('app:command', (command) => received.push(command))
    send({ type: 'set-locale', locale: 'zh-CN' })
    send({ type: 'set-locale', locale: 'fr' })
    send({ type: 'rm -rf' })
    send('about')
    expect(received).toEqual([{ type: 'set-locale', locale: 'zh-CN' }])
  })
})
