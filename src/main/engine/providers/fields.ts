// Reads a preset's FieldLocation ("json:data.id", "form:CallSid", "header:X-Event", "query:id") from a
// delivery. Payloads are untrusted: every step checks its type, nothing throws.
import type { Header } from '../../../shared/types'
import type { FieldLocation } from './preset-types'

export interface FieldSource {
  /** The parsed body: JSON, or a form body as an object of its fields. */
  json: unknown
  headers?: Header[]
  /** Request path with query string. */
  path?: string
}

function atPath(value: unknown, path: string): unknown {
  let cur = value
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Record<string, unknown>)[key]
  }
  return cur
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

export function readLocation(loc: FieldLocation, src: FieldSource): string | null {
  const colon = loc.indexOf(':')
  const place = loc.slice(0, colon)
  const where = loc.slice(colon + 1)
  switch (place) {
    case 'json':
    case 'form':
      if (place === 'json') return asText(atPath(src.json, where))
      return src.json !== null && typeof src.json === 'object' ? asText((src.json as Record<string, unknown>)[where]) : null
    case 'header': {
      const lower = where.toLowerCase()
      for (const [n, v] of src.headers ?? []) if (n.toLowerCase() === lower) return v
      return null
    }
    case 'query': {
      const q = src.path?.indexOf('?') ?? -1
      return q === -1 ? null : new URLSearchParams(src.path!.slice(q + 1)).get(where)
    }
    default:
      return null
  }
}

/** The first location that yields a value, or null. */
export function readField(locs: readonly FieldLocation[] | undefined, src: FieldSource): string | null {
  if (!locs) return null
  for (const loc of locs) {
    const v = readLocation(loc, src)
    if (v !== null && v !== '') return v
  }
  return null
}
