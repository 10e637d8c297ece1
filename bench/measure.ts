// What the benchmarks share: measuring memory and latency, reading their options.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** A full garbage collection, so memory in use counts live objects only. */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/** The heap plus typed-array buffers, which live outside it (the search ranker keeps its postings there). */
export function memoryInUse(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function positiveInt(name: string, text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1`)
  return n
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits))
