import { link, mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { JsonStore } from '../../../../electron/core/json-store.ts'
import { killWriterRepeatedly } from '../../../support/kill-writer.ts'
import { setReadOnly } from '../../../support/read-only.ts'

const Note = z.object({ version: z.literal(2), text: z.string() })
type Note = z.infer<typeof Note>

async function makeStore(dir?: string, backups = 3) {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'store-')))
  const store = new JsonStore<Note>({
    retryMs: 20,
    dir: folder,
    name: 'notes.json',
    schema: Note,
    version: 2,
    defaults: () => ({ version: 2, text: 'default' }),
    migrate: (raw, from) => (from === 1 ? { version: 2, text: String(raw['body']) } : raw),
    backups,
    now: () => new Date('2026-01-02T03:04:05.678Z'),
  })
  return { store, dir: folder }
}

const CORRUPT: Array<[string, string | Buffer]> = [
  ['an empty file', ''],
  ['NUL bytes', Buffer.from([0, 0, 0, 0])],
  ['a truncated file', '{"version": 2, "text": "hal'],
  ['valid JSON with the wrong schema', '{"version": 2, "text": 42}'],
  ['a version from the future', '{"version": 9, "text": "from a newer app"}'],
  ['not an object', '[1, 2, 3]'],
]

describe('JsonStore', () => {
  it('starts from defaults when there is no file yet', async () => {
    const { store } = await makeStore()
    expect(await store.load()).toEqual({
      value: { version: 2, text: 'default' },
      report: { status: 'fresh' },
    })
  })

  it('reads back what it saved, in a new instance', async () => {
    const { store, dir } = await makeStore()
    await store.load()
    await store.save({ version: 2, text: 'hello 你好' })
    const { store: again } = await makeStore(dir)
    expect((await again.load()).value.text).toBe('hello 你好')
  })

  it('writes queued saves in order and keeps only the newest of a burst', async () => {
    const { store, dir } = await makeStore()
    await store.load()
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.save({ version: 2, text: `v${i}` })),
    )
    expect(JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8'))).toEqual({
      version: 2,
      text: 'v49',
    })
  })

  it('refuses a value its guard refuses, writes nothing, and keeps saving', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'store-'))
    const store = new JsonStore<Note>({
      dir,
      name: 'notes.json',
      schema: Note,
      version: 2,
      defaults: () => ({ version: 2, text: '' }),
      guard: ({ text }) => {
        if (text.length > 3) throw new Error('too long')
      },
    })
    await store.load()
    await store.save({ version: 2, text: 'ok' })
    await expect(store.save({ version: 2, text: 'too long' })).rejects.toThrow('too long')
    await store.save({ version: 2, text: 'yes' })
    expect(JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8'))).toEqual({
      version: 2,
      text: 'yes',
    })
    expect(JSON.parse(await readFile(join(dir, 'notes.json.bak-1'), 'utf8')).text).toBe('ok')
  })

  it('keeps the previous versions as rotated backups, newest first', async () => {
    const { store, dir } = await makeStore(undefined, 3)
    await store.load()
    for (const text of ['a', 'b', 'c', 'd', 'e']) await store.save({ version: 2, text })
    const read = async (f: string) =>
      (JSON.parse(await readFile(join(dir, f), 'utf8')) as Note).text
    expect(await read('notes.json')).toBe('e')
    expect([
      await read('notes.json.bak-1'),
      await read('notes.json.bak-2'),
      await read('notes.json.bak-3'),
    ]).toEqual(['d', 'c', 'b'])
    expect((await readdir(dir)).filter((f) => f.includes('bak-'))).toHaveLength(3)
  })

  describe('after a writer was killed part-way through backing up', () => {
    const texts = async (dir: string) =>
      Promise.all(
        ['notes.json', 'notes.json.bak-1', 'notes.json.bak-2', 'notes.json.bak-3'].map(
          async (f) => (JSON.parse(await readFile(join(dir, f), 'utf8')) as Note).text,
        ),
      )
    async function fiveSaves() {
      const { store, dir } = await makeStore(undefined, 3)
      await store.load()
      for (const text of ['a', 'b', 'c', 'd', 'e']) await store.save({ version: 2, text })
      return dir
    }
    const bak = (dir: string, n: number) => join(dir, `notes.json.bak-${n}`)

    it('does not back the live file up twice when it was linked as bak-1 already', async () => {
      const dir = await fiveSaves()
      await rename(bak(dir, 2), bak(dir, 3))
      await rename(bak(dir, 1), bak(dir, 2))
      await link(join(dir, 'notes.json'), bak(dir, 1))
      const { store } = await makeStore(dir, 3)
      await store.load()
      await store.save({ version: 2, text: 'f' })
      expect(await texts(dir)).toEqual(['f', 'e', 'd', 'c'])
      const [live, first] = await Promise.all([stat(join(dir, 'notes.json')), stat(bak(dir, 1))])
      expect(live.ino).not.toBe(first.ino)
    })

    it('closes up a slot left empty between the moves and the link', async () => {
      const dir = await fiveSaves()
      await rename(bak(dir, 2), bak(dir, 3))
      await rename(bak(dir, 1), bak(dir, 2))
      const { store } = await makeStore(dir, 3)
      await store.load()
      await store.save({ version: 2, text: 'f' })
      expect(await texts(dir)).toEqual(['f', 'e', 'd', 'c'])
    })

    it('does not copy the backup it restored into a second slot', async () => {
      const dir = await fiveSaves()
      await writeFile(join(dir, 'notes.json'), '{"torn')
      const { store } = await makeStore(dir, 3)
      expect((await store.load()).value.text).toBe('d')
      await store.save({ version: 2, text: 'f' })
      expect(await texts(dir)).toEqual(['f', 'd', 'c', 'b'])
    })
  })

  it.each(CORRUPT)(
    'quarantines %s and restores the newest valid backup',
    async (_label, content) => {
      const { store, dir } = await makeStore()
      await store.load()
      await store.save({ version: 2, text: 'first' })
      await store.save({ version: 2, text: 'second' })
      await writeFile(join(dir, 'notes.json'), content)

      const { store: reopened } = await makeStore(dir)
      const { value, report } = await reopened.load()
      expect(value.text).toBe('first')
      expect(report).toMatchObject({
        status: 'restored',
        quarantinedAs: join(dir, 'notes.json.corrupt-2026-01-02T03-04-05-678Z'),
        restoredFrom: join(dir, 'notes.json.bak-1'),
      })
      expect(await readFile(join(dir, 'notes.json.corrupt-2026-01-02T03-04-05-678Z'))).toEqual(
        Buffer.from(content),
      )
      expect(JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8'))).toEqual({
        version: 2,
        text: 'first',
      })
    },
  )

  it('falls back to defaults, but keeps the damaged file, when no backup is usable', async () => {
    const { store, dir } = await makeStore()
    await writeFile(join(dir, 'notes.json'), '{oops')
    const { value, report } = await store.load()
    expect(value.text).toBe('default')
    expect(report).toMatchObject({ status: 'reset', reason: expect.stringContaining('not JSON') })
    expect(await readdir(dir)).toContain('notes.json.corrupt-2026-01-02T03-04-05-678Z')
  })

  it('reads a file that starts with a byte-order mark as it is', async () => {
    const { store, dir } = await makeStore()
    await writeFile(join(dir, 'notes.json'), '\ufeff{"version": 2, "text": "bom"}')
    expect(await store.load()).toEqual({
      value: { version: 2, text: 'bom' },
      report: { status: 'ok' },
    })
  })

  it('migrates an older version after keeping a copy of it', async () => {
    const { store, dir } = await makeStore()
    await writeFile(join(dir, 'notes.json'), '{"version": 1, "body": "old format"}')
    expect(await store.load()).toEqual({
      value: { version: 2, text: 'old format' },
      report: { status: 'migrated' },
    })
    expect(
      await readFile(join(dir, 'notes.json.pre-v2-2026-01-02T03-04-05-678Z'), 'utf8'),
    ).toContain('old format')
  })

  it('removes temp files a killed writer left behind', async () => {
    const { store, dir } = await makeStore()
    await writeFile(join(dir, '.notes.json.tmp-123-456-0'), '{"version": 2, "te')
    await store.load()
    expect(await readdir(dir)).not.toContain('.notes.json.tmp-123-456-0')
  })

  describe('on a read-only or full disk', () => {
    const text = async (dir: string, name = 'notes.json') =>
      (JSON.parse(await readFile(join(dir, name), 'utf8')) as Note).text

    it('holds a save the folder refuses, says why, and writes it once the folder takes writes', async () => {
      const { store, dir } = await makeStore()
      const health: boolean[] = []
      store.onHealthChange((h) => health.push(h.writable))
      await store.load()
      await store.save({ version: 2, text: 'saved' })
      setReadOnly(dir, true)
      try {
        await store.save({ version: 2, text: 'held' })
        expect(store.saveHealth()).toMatchObject({
          writable: false,
          reason: expect.stringMatching(/^E(PERM|ACCES)/),
        })
        await new Promise((resolve) => setTimeout(resolve, 60))
        expect(await text(dir)).toBe('saved')
      } finally {
        setReadOnly(dir, false)
      }
      await expect.poll(() => text(dir)).toBe('held')
      expect(store.saveHealth()).toEqual({ writable: true })
      expect(health).toEqual([false, true])
    })

    it('starts over a damaged file it cannot move aside, and moves it aside before replacing it', async () => {
      const { store, dir } = await makeStore()
      await store.load()
      await store.save({ version: 2, text: 'first' })
      await store.save({ version: 2, text: 'second' })
      await writeFile(join(dir, 'notes.json'), '{"version": 2, "te')
      setReadOnly(dir, true)
      const { store: reopened } = await makeStore(dir)
      try {
        const { value, report } = await reopened.load()
        expect(value.text).toBe('first')
        expect(report).toMatchObject({ status: 'restored', quarantinedAs: null })
        expect(reopened.saveHealth().writable).toBe(false)
      } finally {
        setReadOnly(dir, false)
      }
      await reopened.save({ version: 2, text: 'third' })
      expect(await text(dir)).toBe('third')
      expect(await readFile(join(dir, 'notes.json.corrupt-2026-01-02T03-04-05-678Z'), 'utf8')).toBe(
        '{"version": 2, "te',
      )
    })

    it('reads its file beside a leftover temp file it cannot remove', async () => {
      const { store, dir } = await makeStore()
      await store.load()
      await store.save({ version: 2, text: 'kept' })
      await writeFile(join(dir, '.notes.json.tmp-1-2-3'), 'torn')
      setReadOnly(dir, true)
      try {
        const { store: reopened } = await makeStore(dir)
        expect((await reopened.load()).value.text).toBe('kept')
      } finally {
        setReadOnly(dir, false)
      }
    })
  })

  it('always leaves the previous or the new state, and its backups whole, when the writer is killed mid-save (100 kills)', async () => {
    const outcome = await killWriterRepeatedly(100, 20261123)
    expect(outcome.lost).toEqual([])
    expect(outcome.worn).toEqual([])
  }, 480_000)
})
