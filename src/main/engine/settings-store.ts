import type { Settings } from '../../shared/types'
import type { Db } from './store/db'

export const DEFAULT_SETTINGS: Settings = {
  response: {
    status: 200,
    headers: [['Content-Type', 'application/json']],
    body: '{"received":true}',
    delayMs: 0
  },
  bodyLimitBytes: 25 * 1024 * 1024,
  notifyFailedVerification: false,
  // Suits a laptop: a few weeks of ordinary traffic, never more than 2 GiB.
  retention: { maxSizeMb: 2048, maxAgeDays: 30 },
  // Anyone on the internet can reach the tunnel; local traffic is the user's own load tests.
  rateLimit: { tunnelPerSecond: 50, localPerSecond: 0 },
  minFreeDiskMb: 512
}

const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS)

/** Typed key/value settings persisted in the database, so every start keeps what the user chose. */
export class SettingsStore {
  private cache: Settings

  constructor(private readonly db: Db) {
    this.cache = { ...DEFAULT_SETTINGS, ...this.readAll() }
  }

  get(): Settings {
    return this.cache
  }

  update(patch: Partial<Settings>): Settings {
    const next = { ...this.cache, ...patch }
    const upsert = this.db.prepare(`INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`)
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value))
    })()
    this.cache = next
    return next
  }

  /** Free-form values for other modules (tunnel subdomain, endpoints...) under their own key. */
  getValue<T>(key: string): T | undefined {
    const row = this.db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined
    return row ? (JSON.parse(row.value) as T) : undefined
  }

  setValue(key: string, value: unknown): void {
    this.db.prepare(`INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`).run(key, JSON.stringify(value))
  }

  private readAll(): Partial<Settings> {
    const rows = this.db
      .prepare(`SELECT key, value FROM settings WHERE key IN (${SETTINGS_KEYS.map(() => '?').join(', ')})`)
      .all(...SETTINGS_KEYS) as {
      key: keyof Settings
      value: string
    }[]
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])) as Partial<Settings>
  }
}
