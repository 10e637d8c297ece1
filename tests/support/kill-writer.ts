import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mulberry32 } from '../../bench/random.ts'

const SAVE_LOOP = join(import.meta.dirname, 'save-loop.ts')

export interface KillOutcome {
  kills: number
  /** Kills after which the file held neither the last acknowledged state nor the one after it. */
  lost: Array<{ kill: number; acknowledged: number; found: string }>
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
  return { kills, lost: outcomes.flat() }
}

async function killLane(kills: number, seed: number): Promise<KillOutcome['lost']> {
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
  return lost
}
