import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Window as HappyWindow } from 'happy-dom'
import { nextTick } from 'vue'
import { SettingsService } from '../../../electron/core/settings.ts'
import { useSettingsStore } from '../../../src/stores/settings.ts'
import { useSidebarStore } from '../../../src/stores/sidebar.ts'
import { installReader, type RendererHarness } from '../../support/renderer.ts'

let harness: RendererHarness
/** The window's width, as a person drags it (happy-dom re-evaluates media queries and tells). */
const resize = (width: number) =>
  (window as unknown as HappyWindow).happyDOM.setViewport({ width, height: 700 })

beforeEach(async () => {
  resize(1200)
  harness = await installReader()
  setActivePinia(createPinia())
  await useSettingsStore().load()
})
afterEach(() => resize(1024))

async function storedSidebarOpen(): Promise<boolean> {
  await harness.services.flush()
  return (await new SettingsService(harness.dataDir).get()).sidebarOpen
}

describe('the reader sidebar', () => {
  it('beside the text in a wide window: the toggle is remembered, a note to write opens it', async () => {
    const sidebar = useSidebarStore()
    expect([sidebar.narrow, sidebar.open, sidebar.drawer]).toEqual([false, true, false])
    sidebar.toggle()
    await nextTick()
    expect(sidebar.open).toBe(false)
    expect(await storedSidebarOpen()).toBe(false)
    sidebar.dismiss() // a jump from it: a sidebar beside the text stays as it is
    sidebar.reveal()
    await nextTick()
    expect(sidebar.open).toBe(true)
    expect(await storedSidebarOpen()).toBe(true)
  })

  it('a drawer in a narrow window: closed until asked for, not remembered, closed after use', async () => {
    resize(600)
    const sidebar = useSidebarStore()
    expect([sidebar.narrow, sidebar.open]).toEqual([true, false])
    sidebar.toggle()
    expect([sidebar.open, sidebar.drawer]).toEqual([true, true])
    sidebar.dismiss()
    expect(sidebar.open).toBe(false)
    sidebar.reveal()
    expect(sidebar.drawer).toBe(true)
    expect(await storedSidebarOpen()).toBe(true)
  })

  it('follows the window as it is resized, the drawer closing on the way', async () => {
    const sidebar = useSidebarStore()
    resize(600)
    await expect.poll(() => sidebar.narrow).toBe(true)
    sidebar.toggle()
    expect(sidebar.drawer).toBe(true)
    resize(1200)
    await expect.poll(() => sidebar.narrow).toBe(false)
    expect([sidebar.open, sidebar.drawer]).toEqual([true, false])
    resize(600)
    await expect.poll(() => sidebar.narrow).toBe(true)
    expect(sidebar.open).toBe(false)
  })
})
