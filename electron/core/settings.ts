import {
  DEFAULT_SETTINGS,
  Settings,
  type SettingsPatch,
  type WindowBounds,
} from '../shared/model.ts'
import { JsonStore, type LoadReport } from './json-store.ts'

export const SETTINGS_FILE = 'settings.json'

/** The user's preferences, read once and written through the durable store. */
export class SettingsService {
  private readonly store: JsonStore<Settings>
  private current: Settings | null = null
  private loadReport: LoadReport | null = null

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

  flush(): Promise<void> {
    return this.store.flush()
  }

  private async update(next: Settings): Promise<Settings> {
    const valid = Settings.parse(next)
    await this.store.save(valid)
    this.current = valid
    return valid
  }
}
