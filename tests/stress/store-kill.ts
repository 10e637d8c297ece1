// `npm run stress [-- KILLS]`: SIGKILLs a saving writer KILLS times (default 1,000) and checks that the
// file is always the previous or the new state. The same check runs 100 times in `npm test`.
import { killWriterRepeatedly } from '../support/kill-writer.ts'

const kills = Number(process.argv[2] ?? 1000)
if (!Number.isInteger(kills) || kills < 1) {
  console.error(
    `usage: npm run stress -- [KILLS]; "${process.argv[2]}" is not a positive whole number`,
  )
  process.exit(2)
}
const started = performance.now()
const { lost, worn } = await killWriterRepeatedly(kills, Date.now() % 100_000)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
for (const loss of lost.slice(0, 20))
  console.error(`kill ${loss.kill}: acknowledged ${loss.acknowledged}, found ${loss.found}`)
console.log(`${kills - lost.length} passed, ${lost.length} failed (${kills} kills in ${seconds} s)`)
for (const lane of worn) console.error(`backups worn: ${lane}`)
process.exitCode = lost.length || worn.length ? 1 : 0
