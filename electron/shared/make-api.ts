import {
  contract,
  events,
  fail,
  IpcError,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventChannel,
  type EventPayload,
  type Result,
} from './contract.ts'

/** How a call reaches main: `ipcRenderer.invoke` in the preload, a Playwright binding in E2E tests. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>
/** How the renderer hears main: `ipcRenderer.on` in the preload; returns an unsubscribe function. */
export type Listen = (channel: EventChannel, handler: (payload: unknown) => void) => () => void

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type Call<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>

/** `api.corpus.get({ id })` for channel `corpus:get`, typed from the contract. */
export type ReaderApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: Call<C>
  }
} & {
  /** Subscribes to a message from main; payloads that fail the event's schema are dropped. */
  on<E extends EventChannel>(event: E, handler: (payload: EventPayload<E>) => void): () => void
}

function parseEnvelope(raw: unknown): Result<unknown> | null {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return null
  if (raw.ok === true && 'value' in raw) return { ok: true, value: raw.value }
  if (raw.ok === false && 'error' in raw) {
    const error = IpcError.safeParse(raw.error)
    return error.success ? { ok: false, error: error.data } : null
  }
  return null
}

async function call<C extends Channel>(
  invoke: Invoke,
  channel: C,
  payload: unknown,
): Promise<Result<ChannelOutput<C>>> {
  let raw: unknown
  try {
    raw = await invoke(channel, payload)
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error))
  }
  const result = parseEnvelope(raw)
  if (!result) return fail('invalid-output', `${channel}: malformed answer`)
  if (!result.ok) return result
  const value = contract[channel].output.safeParse(result.value)
  if (!value.success) return fail('invalid-output', `${channel}: ${value.error.message}`)
  return { ok: true, value: value.data as ChannelOutput<C> }
}

/** Builds the renderer-facing API from the contract; the only shape `window.reader` ever has. */
export function makeApi(invoke: Invoke, listen: Listen): ReaderApi {
  const api: Record<string, unknown> = {}
  for (const channel of Object.keys(contract) as Channel[]) {
    const [domain, verb] = channel.split(':') as [string, string]
    const calls = (api[domain] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>
    calls[verb] = (input?: unknown) => call(invoke, channel, input)
  }
  api['on'] = (event: EventChannel, handler: (payload: unknown) => void) => {
    if (!Object.hasOwn(events, event)) throw new Error(`unknown event ${String(event)}`)
    return listen(event, (raw) => {
      const payload = events[event].safeParse(raw)
      if (payload.success) handler(payload.data)
    })
  }
  return api as ReaderApi
}
