import { mount } from '@vue/test-utils'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { expect } from 'vitest'
import type { Component } from 'vue'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { EventChannel } from '../../electron/shared/contract.ts'
import { createServices, type AppServices } from '../../electron/core/services.ts'
import { makeApi } from '../../electron/shared/make-api.ts'
import { createAppI18n } from '../../src/i18n.ts'
import { FIXTURE_CONTENT_DIR } from './fixtures.ts'

export interface RendererHarness {
  services: AppServices
  dataDir: string
  /** Plays main's part in sending an event, e.g. a native menu command. */
  emit(channel: EventChannel, payload: unknown): void
}

/**
 * Installs `window.reader` exactly as the preload does, over the real services (fixture corpus,
 * temp data folder), so component tests exercise the renderer against true main-side behavior.
 */
export async function installReader(
  options: {
    dataDir?: string
    contentDir?: string
    osLocale?: string
    /** Plays main's native file picker: the paths the person chose. */
    pickFiles?: () => Promise<string[]>
  } = {},
): Promise<RendererHarness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'renderer-')))
  const services = createServices({
    contentDir: options.contentDir ?? FIXTURE_CONTENT_DIR,
    dataDir,
    appInfo: {
      name: 'Reader',
      version: '1.0.0',
      platform: 'linux',
      osLocale: options.osLocale ?? 'en-US',
    },
    pickFiles: options.pickFiles,
  })
  const listeners = new Set<{ channel: EventChannel; handler: (payload: unknown) => void }>()
  window.reader = makeApi(
    (channel, payload) => dispatch(services.handlers, channel, payload),
    (channel, handler) => {
      const entry = { channel, handler }
      listeners.add(entry)
      return () => void listeners.delete(entry)
    },
  )
  const emit = (channel: EventChannel, payload: unknown) =>
    listeners.forEach((l) => l.channel === channel && l.handler(payload))
  services.annotations.onPlaced((placements) => emit('annotations:placed', { placements }))
  services.onStorageChange((state) => emit('app:storage', state))
  return { services, dataDir, emit }
}

export function mountWithPlugins(
  component: Component,
  props: Record<string, unknown> = {},
  options: { attachTo?: Element } = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n('en')
  const wrapper = mount(component, { props, global: { plugins: [pinia, i18n] }, ...options })
  return { wrapper, pinia, i18n }
}

/**
 * Holds each page of `annotations:list` until the test lets it through, as a slow IPC would;
 * answers the function that lets the one page asked for through.
 */
export function holdAnnotationPages(): () => Promise<void> {
  const api = window.reader
  const held: Array<() => void> = []
  window.reader = {
    ...api,
    annotations: {
      ...api.annotations,
      list: async (request) => {
        await new Promise<void>((letThrough) => held.push(letThrough))
        return api.annotations.list(request)
      },
    },
  }
  return async () => {
    await expect.poll(() => held.length).toBe(1)
    held.shift()!()
  }
}
