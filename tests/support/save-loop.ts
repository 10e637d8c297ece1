// A writer that saves forever, acknowledging each completed save on stdout; the kill test SIGKILLs it.
import { z } from 'zod'
import { JsonStore } from '../../electron/core/json-store.ts'

export const Counter = z.object({
  version: z.literal(1),
  counter: z.number().int(),
  payload: z.string(),
})

const dir = process.argv[2]
if (!dir) throw new Error('usage: save-loop.ts DIR')
const store = new JsonStore({
  dir,
  name: 'data.json',
  schema: Counter,
  version: 1,
  defaults: () => ({ version: 1 as const, counter: 0, payload: '' }),
})
const { value } = await store.load()
let counter = value.counter
process.stdout.write(`ready ${counter}\n`)
for (;;) {
  counter++
  // Payloads of varying size so the kill lands at different points of the write.
  await store.save({ version: 1, counter, payload: 'x'.repeat((counter * 7919) % 200_000) })
  process.stdout.write(`saved ${counter}\n`)
}
