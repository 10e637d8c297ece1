import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Whether the Electron binary is on this machine, found the way node_modules/electron/index.js
 * finds it (path.txt names the executable under dist/) but without requiring that module, which
 * starts a download when the binary is missing and then fails with a stack trace.
 */
export function electronBinary(
  electronDir: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const pathFile = join(electronDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  if (!override && !executable) return null
  const binary = override
    ? join(override, executable || 'electron')
    : join(electronDir, 'dist', executable)
  return existsSync(binary) ? binary : null
}

export const MISSING_ELECTRON = [
  'Jiangmen Reader cannot start: the Electron binary is missing (node_modules/electron/dist',
  'has no executable; `npm install` does not download it). Fetch it once by running',
  '`npx install-electron` in this folder: it needs the network this one time, after which',
  '`npm start` and `npm run dev` work offline.',
].join('\n')

export const ELECTRON_DIR = resolve(import.meta.dirname, '../node_modules/electron')

if (import.meta.main) {
  if (!electronBinary(ELECTRON_DIR)) {
    console.error(MISSING_ELECTRON)
    process.exitCode = 1
  }
}
