import { randomBytes, randomUUID } from 'node:crypto'

/** Fresh random identifiers and timestamps for sample payloads, so every sample is a distinct delivery. */
export const rid = (prefix = '', length = 16): string =>
  prefix + randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length)

export const uuid = (): string => randomUUID()

export const isoNow = (offsetMs = 0): string => new Date(Date.now() + offsetMs).toISOString()

export const unixNow = (): number => Math.floor(Date.now() / 1000)

export const phone = (): string => `+1415555${String(1000 + Math.floor(Math.random() * 9000))}`

/** Reads `obj[key]` when it is a string (payloads are untrusted JSON). */
export function str(obj: unknown, key: string): string | null {
  if (obj === null || typeof obj !== 'object') return null
  const v = (obj as Record<string, unknown>)[key]
  return typeof v === 'string' ? v : null
}

export function has(obj: unknown, ...keys: string[]): boolean {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return false
  return keys.every((k) => k in (obj as Record<string, unknown>))
}
