// Header lookup shared by the receiver, the providers and the outbound side. Kept apart from the
// receiver so code that only reads headers (provider presets, the CLI's `providers`) does not load
// node:http at start.
import type { Header } from '../../shared/types'

/** The first value of a header, by case-insensitive name, as received. */
export function headerValue(headers: Header[], name: string): string | null {
  const lower = name.toLowerCase()
  for (const [n, v] of headers) if (n.toLowerCase() === lower) return v
  return null
}
