import { copyFile, link, mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { fsyncDirectory, tempPrefix, writeFileAtomic } from './atomic-write.ts'

export interface JsonStoreOptions<T> {
  dir: string
  /** File name inside `dir`, e.g. `settings.json`. */
  name: string
  schema: z.ZodType<T>
  version: number
  defaults: () => T
  /** Upgrades a document written by an older version; called only when `fromVersion < version`. */
  migrate?: (raw: Record<string, unknown>, fromVersion: number) => unknown
  /**
   * Throws to refuse a value before it is queued: a cheap check of what `schema` would refuse at the
   * next load (a size cap), so that nothing is confirmed that the next start would quarantine.
   */
  guard?: (value: T) => void
  /** How many previous versions to keep as `<name>.bak-1` (newest) … `<name>.bak-N`. */
  backups?: number
  now?: () => Date
  /** How long to wait before writing again after the disk refused a write. */
  retryMs?: number
}

/** Whether the last write reached the disk; when not, why, and the value is held and retried. */
export type SaveHealth = { writable: true } | { writable: false; reason: string }

/** What loading found; anything but `ok`/`fresh` is worth telling the user. */
export type LoadReport =
  | { status: 'fresh' | 'ok' | 'migrated' }
  | {
      status: 'restored' | 'reset'
      reason: string
      /** Where the unreadable file was moved; it is never deleted. */
      quarantinedAs: string | null
      restoredFrom: string | null
    }

type Reading = { ok: true; value: unknown } | { ok: false; reason: string }

/**
 * A versioned, schema-checked JSON document on disk. Writes go through one queue, are atomic, and
 * rotate backups; a file that cannot be read is quarantined and the newest valid backup restored.
 */
export class JsonStore<T> {
  readonly file: string
  private readonly options: Required<Omit<JsonStoreOptions<T>, 'migrate' | 'guard'>> &
    Pick<JsonStoreOptions<T>, 'migrate' | 'guard'>
  private pending: {
    value: T
    waiters: Array<{ resolve(): void; reject(e: unknown): void }>
  } | null = null
  private writing: Promise<void> | null = null
  private health: SaveHealth = { writable: true }
  private readonly healthListeners = new Set<(health: SaveHealth) => void>()
  /** The newest value the disk refused; written by the next retry. */
  private held: T | null = null
  private retry: NodeJS.Timeout | null = null
  /** A damaged file that could not be moved aside: it must be, before anything replaces it. */
  private quarantinePending = false
  /** The live file holds a copy of a backup (just restored from it): no need to back it up again. */
  private liveIsBackedUp = false

  constructor(options: JsonStoreOptions<T>) {
    this.options = { backups: 5, now: () => new Date(), retryMs: 5_000, ...options }
    this.file = join(options.dir, options.name)
  }

  backupFile(n: number): string {
    return `${this.file}.bak-${n}`
  }

  /** Whether the data folder takes writes; a refusal is retried every `retryMs`, never dropped. */
  saveHealth(): SaveHealth {
    return this.health
  }

  onHealthChange(listener: (health: SaveHealth) => void): () => void {
    this.healthListeners.add(listener)
    return () => this.healthListeners.delete(listener)
  }

  async load(): Promise<{ value: T; report: LoadReport }> {
    // A folder that cannot be created or listed fails below, as a read or a write would.
    await mkdir(this.options.dir, { recursive: true }).catch(() => undefined)
    await this.removeStaleTemps()
    const main = await this.read(this.file)
    if (main === 'missing') {
      const backup = await this.newestValidBackup()
      if (!backup) return { value: this.options.defaults(), report: { status: 'fresh' } }
      await this.writeOrHold(backup.value)
      this.liveIsBackedUp = true
      return {
        value: backup.value,
        report: {
          status: 'restored',
          reason: 'file missing',
          quarantinedAs: null,
          restoredFrom: backup.file,
        },
      }
    }
    if (main.ok) {
      const migrated = await this.upgrade(main.value)
      if (migrated.ok) return { value: migrated.value as T, report: migrated.report }
    }
    const reason = main.ok ? 'invalid' : main.reason
    const quarantinedAs = await this.quarantine().catch((error: unknown) => {
      if (!isDiskError(error)) throw error
      this.quarantinePending = true
      return null
    })
    const backup = await this.newestValidBackup()
    const value = backup ? backup.value : this.options.defaults()
    await this.writeOrHold(value)
    this.liveIsBackedUp = backup !== null
    return {
      value,
      report: {
        status: backup ? 'restored' : 'reset',
        reason,
        quarantinedAs,
        restoredFrom: backup?.file ?? null,
      },
    }
  }

  /**
   * Queues `value` to be written. Saves that arrive while a write is in flight coalesce: only the
   * newest is written next, and every caller's promise settles when a value at least as new is on disk.
   */
  save(value: T): Promise<void> {
    try {
      this.options.guard?.(value)
    } catch (error) {
      return Promise.reject(error)
    }
    return new Promise((resolve, reject) => {
      if (this.pending) {
        this.pending.value = value
        this.pending.waiters.push({ resolve, reject })
      } else {
        this.pending = { value, waiters: [{ resolve, reject }] }
      }
      this.writing ??= this.drain()
    })
  }

  /**
   * Resolves once every queued write has reached the disk, or been refused by it again: a held value
   * is tried once more at once (the app is about to quit).
   */
  async flush(): Promise<void> {
    if (this.held && !this.pending) void this.save(this.held)
    while (this.writing) await this.writing
  }

  /**
   * A save the disk refuses (read-only, full, no permission) still resolves: the value is held, the
   * health says why, and it is written by a retry as soon as the disk takes it. Other errors reject.
   */
  private async drain(): Promise<void> {
    while (this.pending) {
      const { value, waiters } = this.pending
      this.pending = null
      try {
        await this.write(value)
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        if (!isDiskError(error)) for (const waiter of waiters) waiter.reject(error)
        else {
          this.hold(value, error)
          for (const waiter of waiters) waiter.resolve()
        }
      }
    }
    this.writing = null
  }

  private async write(value: T): Promise<void> {
    if (this.quarantinePending) {
      await this.quarantine()
      this.quarantinePending = false
    }
    await this.rotateBackups()
    await writeFileAtomic(this.file, serialize(value))
    this.liveIsBackedUp = false
    this.held = null
    this.setHealth({ writable: true })
  }

  /** At load: what was restored or reset is written now, or held and retried if the disk refuses. */
  private async writeOrHold(value: T): Promise<void> {
    try {
      if (this.quarantinePending) await this.quarantine()
      this.quarantinePending = false
      await writeFileAtomic(this.file, serialize(value))
    } catch (error) {
      if (!isDiskError(error)) throw error
      this.hold(value, error)
    }
  }

  private hold(value: T, error: unknown): void {
    this.held = value
    this.setHealth({ writable: false, reason: `${errorCode(error)}: ${errorMessage(error)}` })
    if (this.retry) return
    this.retry = setTimeout(() => {
      this.retry = null
      if (this.held && !this.pending) void this.save(this.held)
    }, this.options.retryMs)
    // A pending retry must not keep a quitting process (or a test run) alive.
    this.retry.unref()
  }

  private setHealth(health: SaveHealth): void {
    const changed =
      health.writable !== this.health.writable ||
      (!health.writable && !this.health.writable && health.reason !== this.health.reason)
    this.health = health
    if (changed) for (const listener of this.healthListeners) listener(health)
  }

  private async read(file: string): Promise<Reading | 'missing'> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (isNotFound(error)) return 'missing'
      return { ok: false, reason: `unreadable: ${errorMessage(error)}` }
    }
    // A byte-order mark is an editor's habit, not damage: the content after it is read as is.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (text.trim() === '') return { ok: false, reason: 'empty file' }
    if (text.includes('\u0000')) return { ok: false, reason: 'NUL bytes in file' }
    try {
      return { ok: true, value: JSON.parse(text) as unknown }
    } catch (error) {
      return { ok: false, reason: `not JSON: ${errorMessage(error)}` }
    }
  }

  private async upgrade(
    raw: unknown,
  ): Promise<{ ok: true; value: unknown; report: LoadReport } | { ok: false }> {
    const version = isRecord(raw) && typeof raw.version === 'number' ? raw.version : null
    if (version === null || version > this.options.version) return { ok: false }
    if (version === this.options.version) {
      const parsed = this.options.schema.safeParse(raw)
      return parsed.success
        ? { ok: true, value: parsed.data, report: { status: 'ok' } }
        : { ok: false }
    }
    if (!this.options.migrate || !isRecord(raw)) return { ok: false }
    const parsed = this.options.schema.safeParse(this.options.migrate(raw, version))
    if (!parsed.success) return { ok: false }
    // Keep the pre-migration file beside the new one before anything is overwritten.
    await copyFile(this.file, `${this.file}.pre-v${this.options.version}-${this.stamp()}`)
    await writeFileAtomic(this.file, serialize(parsed.data))
    return { ok: true, value: parsed.data, report: { status: 'migrated' } }
  }

  private async quarantine(): Promise<string> {
    const target = `${this.file}.corrupt-${this.stamp()}`
    await rename(this.file, target)
    await fsyncDirectory(this.options.dir)
    return target
  }

  private async newestValidBackup(): Promise<{ file: string; value: T } | null> {
    for (let n = 1; n <= this.options.backups; n++) {
      const file = this.backupFile(n)
      const reading = await this.read(file)
      if (reading === 'missing' || !reading.ok) continue
      const parsed = this.options.schema.safeParse(reading.value)
      if (
        parsed.success &&
        isRecord(reading.value) &&
        reading.value.version === this.options.version
      ) {
        return { file, value: parsed.data }
      }
    }
    return null
  }

  /**
   * Before the live file is replaced, it becomes `bak-1` (a hard link) and the others move up one
   * slot, the oldest falling off. A writer killed part-way must not wear the backups down: slots
   * left empty are closed up, and a live file already linked as `bak-1` (killed after the link, before
   * the replace) or just restored from a backup is not backed up twice.
   */
  private async rotateBackups(): Promise<void> {
    const { backups } = this.options
    if (backups < 1) return
    if (this.liveIsBackedUp || (await this.sameFile(this.file, this.backupFile(1)))) return
    const existing: number[] = []
    for (let n = 1; n <= backups; n++)
      if (await stat(this.backupFile(n)).catch(() => null)) existing.push(n)
    if (existing.length === backups) await unlink(this.backupFile(existing.pop()!))
    const moves = existing.map((from, k) => ({ from, to: k + 2 }))
    // Upward moves from the top down and downward ones from the bottom up never overwrite a slot.
    for (const { from, to } of moves.filter((m) => m.to > m.from).reverse())
      await rename(this.backupFile(from), this.backupFile(to))
    for (const { from, to } of moves.filter((m) => m.to < m.from))
      await rename(this.backupFile(from), this.backupFile(to))
    await link(this.file, this.backupFile(1)).catch(async (error: unknown) => {
      if (isNotFound(error)) return
      // Some file systems have no hard links; a copy is slower but just as safe.
      await copyFile(this.file, this.backupFile(1))
    })
  }

  private async sameFile(a: string, b: string): Promise<boolean> {
    const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)])
    return !!x && !!y && x.ino === y.ino && x.dev === y.dev
  }

  /** Best effort: a leftover the folder will not let us remove is harmless, only untidy. */
  private async removeStaleTemps(): Promise<void> {
    const prefix = tempPrefix(this.file)
    const entries = await readdir(this.options.dir).catch(() => [])
    for (const entry of entries) {
      if (entry.startsWith(prefix))
        await unlink(join(this.options.dir, entry)).catch(() => undefined)
    }
  }

  private stamp(): string {
    return this.options.now().toISOString().replace(/[:.]/g, '-')
  }
}

function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}

function ignoreNotFound(error: unknown): void {
  if (!isNotFound(error)) throw error
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Errors of the disk rather than of the data: they pass once the folder takes writes again. */
const DISK_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'EBUSY'])

function isDiskError(error: unknown): boolean {
  return DISK_ERRORS.has(errorCode(error))
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : 'EUNKNOWN'
}
