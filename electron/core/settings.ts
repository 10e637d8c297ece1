import {
  DEFAULT_SETTINGS,
  MAX_REMEMBERED_POSITIONS,
  Settings,
  type ReadingPosition,
  type SettingsPatch,
  type WindowBounds,
} from '../shared/model.ts'
import { JsonStore, type LoadReport, type SaveHealth } from './json-store.ts'

const SETTINGS_FILE = 'settings.json'

/** The user's preferences, read once and written through the durable store. */
export class SettingsService {
  private readonly store: JsonStore<Settings>
  private current: Settings | null = null
  private loadReport: LoadReport | null = null
  private readonly listeners = new Set<(settings: Settings) => void>()

  constructor(dataDir: string) {
    this.store = new JsonStore({
      dir: dataDir,
      name: SETTINGS_FILE,
      schema: Settings,
      version: 1,
      defaults: () => structuredClone(DEFAULT_SETTINGS),
    })
  }

  async get(): Promise<Settings> {
    if (!this.current) {
      const { value, report } = await this.store.load()
      this.current = value
      this.loadReport = report
    }
    return this.current
  }

  async report(): Promise<LoadReport> {
    await this.get()
    return this.loadReport ?? { status: 'ok' }
  }

  async set(patch: SettingsPatch): Promise<Settings> {
    return this.update({ ...(await this.get()), ...patch })
  }

  async setWindow(window: WindowBounds): Promise<Settings> {
    return this.update({ ...(await this.get()), window })
  }

  /** Remembers the position in a document and makes it the one to reopen at start. */
  async savePosition(docId: string, position: ReadingPosition): Promise<void> {
    const current = await this.get()
    const { [docId]: _previous, ...others } = current.positions
    // Most recent last, so the oldest positions are the ones forgotten past the limit.
    const kept = Object.entries(others).slice(-(MAX_REMEMBERED_POSITIONS - 1))
    await this.update({
      ...current,
      lastDocId: docId,
      positions: Object.fromEntries([...kept, [docId, position]]),
    })
  }

  /** Called after every stored change, e.g. to rebuild the native menu in the new language. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  flush(): Promise<void> {
    return this.store.flush()
  }

  saveHealth(): SaveHealth {
    return this.store.saveHealth()
  }

  onHealthChange(listener: (health: SaveHealth) => void): () => void {
    return this.store.onHealthChange(listener)
  }

  private async update(next: Settings): Promise<Settings> {
    const valid = Settings.parse(next)
    await this.store.save(valid)
    this.current = valid
    for (const listener of this.listeners) listener(valid)
    return valid
  }
}
