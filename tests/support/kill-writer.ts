import { spawn } from 'node:child_process'
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { mulberry32 } from '../../bench/random.ts'
import { JsonStore } from '../../electron/core/json-store.ts'

const SAVE_LOOP = join(import.meta.dirname, 'save-loop.ts')
const BACKUPS = 5

const Counter = z.object({
  version: z.literal(1),
  counter: z.number().int(),
  payload: z.string(),
})

/** The store the writer saves through, and the one that checks what it left. */
export function counterStore(dir: string): JsonStore<z.infer<typeof Counter>> {
  return new JsonStore({
    dir,
    name: 'data.json',
    schema: Counter,
    version: 1,
    defaults: () => ({ version: 1 as const, counter: 0, payload: '' }),
    backups: BACKUPS,
  })
}

export interface KillOutcome {
  kills: number
  /** Kills after which the file held neither the last acknowledged state nor the one after it. */
  lost: Array<{ kill: number; acknowledged: number; found: string }>
  /**
   * Lanes whose backups, after the kills and one clean save, are not each slot filled with its own
   * older version in a file of its own.
   */
  worn: string[]
}

/** Starts the writer, lets it save for a random moment, SIGKILLs it; returns the last acknowledged save. */
function runOnce(dir: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAVE_LOOP, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let acknowledged = -1
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const [word, n] = line.split(' ')
        if (word === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs)
        acknowledged = Number(n)
      }
    })
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`))
      else resolve(acknowledged)
    })
  })
}

/**
 * Kills a saving writer `kills` times, checking the file after each kill; `lanes` writers run side by
 * side, each over its own data folder.
 */
export async function killWriterRepeatedly(
  kills: number,
  seed = 1,
  lanes = 4,
): Promise<KillOutcome> {
  const perLane = Array.from(
    { length: lanes },
    (_, i) => Math.floor(kills / lanes) + (i < kills % lanes ? 1 : 0),
  )
  const outcomes = await Promise.all(perLane.map((n, lane) => killLane(n, seed + lane)))
  return {
    kills,
    lost: outcomes.flatMap((o) => o.lost),
    worn: outcomes.flatMap((o) => (o.worn ? [o.worn] : [])),
  }
}

/**
 * One clean save, then the live file and its backups: as many slots filled as older versions were
 * written (at most BACKUPS), none empty below a full one, each its own file, counters newest first.
 */
async function wornBackups(dir: string): Promise<string | null> {
  const store = counterStore(dir)
  const { value } = await store.load()
  const counter = value.counter + 1
  await store.save({ ...value, counter })
  const expected = Math.min(BACKUPS, counter - 1)
  const files = [store.file, ...Array.from({ length: expected }, (_, i) => store.backupFile(i + 1))]
  const found = await Promise.all(
    files.map(async (file) => {
      const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
      return { counter: (JSON.parse(text) as { counter: number }).counter, inode: info.ino }
    }),
  ).catch((error: unknown) => String(error))
  if (typeof found === 'string') return `${dir}: ${found}`
  const newestFirst = found.every((f, i) => i === 0 || f.counter < found[i - 1]!.counter)
  const ownFiles = new Set(found.map((f) => f.inode)).size === found.length
  return newestFirst && ownFiles ? null : `${dir}: ${JSON.stringify(found)}`
}

async function killLane(
  kills: number,
  seed: number,
): Promise<{ lost: KillOutcome['lost']; worn: string | null }> {
  const dir = await mkdtemp(join(tmpdir(), 'kill-writer-'))
  const next = mulberry32(seed)
  const lost: KillOutcome['lost'] = []
  for (let kill = 1; kill <= kills; kill++) {
    const acknowledged = await runOnce(dir, Math.floor(next() * 40))
    let found: string
    try {
      const data = JSON.parse(await readFile(join(dir, 'data.json'), 'utf8')) as { counter: number }
      found = String(data.counter)
      if (data.counter === acknowledged || data.counter === acknowledged + 1) continue
    } catch (error) {
      const neverSaved = acknowledged === 0 && (error as { code?: string }).code === 'ENOENT'
      if (neverSaved) continue
      found = `unreadable: ${String(error)}`
    }
    lost.push({ kill, acknowledged, found })
  }
  return { lost, worn: await wornBackups(dir) }
}
