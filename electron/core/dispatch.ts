import type { z } from 'zod'
import {
  contract,
  fail,
  isChannel,
  ok,
  ServiceError,
  type Channel,
  type ChannelOutput,
  type Contract,
  type Result,
} from '../shared/contract.ts'

/** One function per channel; its input has already passed the channel's schema. */
export type Services = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>>
}

/**
 * The single entry point for every call from a renderer, shared by Electron's ipcMain and the E2E
 * bridge: unknown channels and payloads that fail the contract never reach a service, and nothing a
 * service throws escapes as anything but a typed error value.
 */
export async function dispatch(
  services: Services,
  channel: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown-channel', `unknown channel ${describe(channel)}`)
  }
  if (!isPlainPayload(payload)) {
    return fail('invalid-input', `${channel}: payload must be a plain object`)
  }
  const input = contract[channel].input.safeParse(payload)
  if (!input.success) {
    const issue = input.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'payload'
    return fail('invalid-input', `${channel}: ${where}: ${issue?.message ?? 'invalid'}`)
  }
  try {
    const handler = services[channel] as (input: unknown) => Promise<unknown>
    return ok(await handler(input.data))
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message)
    return fail('internal', `${channel}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Structured clone lets Dates, Maps and the like through; a channel only ever takes plain data. */
function isPlainPayload(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return true
  const proto = Object.getPrototypeOf(payload)
  return Array.isArray(payload) || proto === Object.prototype || proto === null
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 80))
  return `of type ${value === null ? 'null' : typeof value}`
}
