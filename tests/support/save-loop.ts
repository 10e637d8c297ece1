// A writer that saves forever, acknowledging each completed save on stdout; the kill test SIGKILLs it.
import { counterStore } from './kill-writer.ts'

const dir = process.argv[2]
if (!dir) throw new Error('usage: save-loop.ts DIR')
const store = counterStore(dir)
const { value } = await store.load()
let counter = value.counter
process.stdout.write(`ready ${counter}\n`)
for (;;) {
  counter++
  // Payloads of varying size so the kill lands at different points of the write.
  await store.save({ version: 1, counter, payload: 'x'.repeat((counter * 7919) % 200_000) })
  process.stdout.write(`saved ${counter}\n`)
}
