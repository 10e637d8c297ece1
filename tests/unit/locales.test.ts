import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zhCN from '../../locales/zh-CN.json'
import zhTW from '../../locales/zh-TW.json'

const ROOT = resolve(import.meta.dirname, '../..')

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(entry) ? [path] : []
  })
}

describe('locales', () => {
  it('en, zh-CN and zh-TW have exactly the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
    expect(keys(zhTW).sort()).toEqual(keys(en).sort())
  })

  it('zh-TW is written in Traditional characters', () => {
    // Characters whose Simplified form differs: none may be left in the Traditional locale.
    const simplified = /[们这说时发过还门见东车书边长语间问题开关认识让样经应该请]/
    for (const key of keys(zhTW).filter((k) => !k.startsWith('locale.'))) {
      const value = key
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhTW)
      expect(String(value), key).not.toMatch(simplified)
    }
  })

  it('no message is empty', () => {
    for (const messages of [en, zhCN, zhTW]) {
      for (const key of keys(messages)) {
        const value = key
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages)
        expect(value, key).not.toBe('')
      }
    }
  })

  it('every literal key used in the code exists', () => {
    const known = new Set(keys(en))
    const prefixes = new Set(
      keys(en).flatMap((k) =>
        k
          .split('.')
          .slice(0, -1)
          .map((_, i, a) => a.slice(0, i + 1).join('.')),
      ),
    )
    const used = sources(join(ROOT, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*[`'"]([\w.-]+?)(\.?\$\{[^`]*)?[`'"]/g)].map(
        (m) => ({
          file,
          key: m[1]!,
          dynamic: Boolean(m[2]),
        }),
      ),
    )
    expect(used.length).toBeGreaterThan(5)
    for (const { file, key, dynamic } of used) {
      expect(
        dynamic ? prefixes.has(key.replace(/\.$/, '')) : known.has(key),
        `${key} in ${file}`,
      ).toBe(true)
    }
  })

  it('every language uses the same placeholders in each message', () => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of keys(en)) {
      const get = (messages: object) =>
        key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages)
      expect(placeholders(get(zhCN)), key).toEqual(placeholders(get(en)))
      expect(placeholders(get(zhTW)), key).toEqual(placeholders(get(en)))
    }
  })
})
