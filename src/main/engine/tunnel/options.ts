// The tunnel's persisted choices: kept across restarts so the URL a provider knows stays the same.
import { randomBytes } from 'node:crypto'
import { DEFAULT_TUNNEL_HOST, SUBDOMAIN_PATTERN } from '../../../shared/api/tunnel'

export const PUBLIC_TUNNEL_HOST = DEFAULT_TUNNEL_HOST
export const SETTINGS_KEY = 'tunnel'

export interface SavedTunnel {
  subdomain: string
  host: string
  /** The last URL this subdomain was granted on this host: a different one next time means it changed. */
  lastUrl: string | null
  /** Running when the app last quit (the user had not stopped it): the desktop app resumes it. */
  enabled: boolean
}

export interface ValueStore {
  getValue<T>(key: string): T | undefined
  setValue(key: string, value: unknown): void
}

/**
 * A subdomain is always requested explicitly: a random one is drawn once and then kept, so even a
 * user who never chose one keeps the same URL across restarts.
 */
export function loadSaved(store: ValueStore): SavedTunnel {
  const saved = store.getValue<Partial<SavedTunnel>>(SETTINGS_KEY) ?? {}
  return {
    subdomain: typeof saved.subdomain === 'string' && SUBDOMAIN_PATTERN.test(saved.subdomain) ? saved.subdomain : randomSubdomain(),
    host: typeof saved.host === 'string' ? saved.host : PUBLIC_TUNNEL_HOST,
    lastUrl: typeof saved.lastUrl === 'string' ? saved.lastUrl : null,
    enabled: saved.enabled === true
  }
}

export function randomSubdomain(): string {
  return `hookscope-${randomBytes(5).toString('hex')}`
}

/** Trailing slashes dropped so the same server is always spelled the same way. */
export function normalizeHost(host: string): string {
  const url = new URL(host)
  return `${url.protocol}//${url.host}`
}
