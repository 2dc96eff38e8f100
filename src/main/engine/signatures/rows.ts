import type { Header } from '../../../shared/types'

/** Headers as stored (JSON [[name, value], ...]); anything else reads as no headers rather than failing. */
export function pairedHeaders(json: string): Header[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? (v.filter((h) => Array.isArray(h) && h.length === 2) as Header[]) : []
  } catch {
    return []
  }
}
