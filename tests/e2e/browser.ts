import { existsSync } from 'node:fs'

const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** The Chromium the E2E specs drive: $CHROMIUM_PATH, else a system install. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['CHROMIUM_PATH']
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(
      `CHROMIUM_PATH=${fromEnv} does not exist. Install Chromium with:\n  ${INSTALL_COMMAND}`,
    )
  }
  const found = CANDIDATES.find((path) => existsSync(path))
  if (found) return found
  throw new Error(
    `No Chromium found for the E2E specs. Install one with:\n  ${INSTALL_COMMAND}\n` +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  )
}
