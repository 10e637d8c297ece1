import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

let sequence = 0

/** Name prefix of in-flight temp files, so a crashed writer's leftovers can be recognized. */
export const tempPrefix = (file: string): string => `.${basename(file)}.tmp-`

/**
 * Replaces `file` with `data` so that a reader (or a crash at any instant) sees either the old or
 * the new content, never a mix: write a temp file in the same directory, fsync it, rename it over
 * the target, then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `${tempPrefix(file)}${process.pid}-${Date.now()}-${sequence++}`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(data, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await fsyncDirectory(dir)
}

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
