import { afterEach, beforeEach, vi } from 'vitest'

/** What a CLI test's code prints, line by line, on stdout (`out`) and stderr (`err`), per test. */
export function captureConsole(): { out: string[]; err: string[] } {
  const printed = { out: [] as string[], err: [] as string[] }
  beforeEach(() => {
    printed.out.length = 0
    printed.err.length = 0
    vi.spyOn(console, 'log').mockImplementation(
      (...a: unknown[]) => void printed.out.push(a.join(' ')),
    )
    vi.spyOn(console, 'error').mockImplementation(
      (...a: unknown[]) => void printed.err.push(a.join(' ')),
    )
  })
  afterEach(() => vi.restoreAllMocks())
  return printed
}
