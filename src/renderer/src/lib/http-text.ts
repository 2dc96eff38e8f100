// The request as text: headers block, the wire form, and helpers the copy buttons use.
import type { CapturedRequest, Header } from '../../../shared/types'
import { hexDump } from './body-analysis'

/** Shown inline before "show more"; larger bodies stay usable through copy. */
export const RAW_BODY_PREVIEW = 256 * 1024

export function headersText(headers: Header[]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n')
}

/** Lower-cased names that occur more than once, so the UI can mark duplicates. */
export function duplicateNames(headers: Header[]): Set<string> {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const [name] of headers) {
    const key = name.toLowerCase()
    if (seen.has(key)) dup.add(key)
    seen.add(key)
  }
  return dup
}

/** Request line, headers, blank line, body (text, or a hex dump for binary), as it came on the wire. */
export function rawRequest(
  request: Pick<CapturedRequest, 'method' | 'path' | 'httpVersion' | 'headers'>,
  body: { bytes: Uint8Array; text: string | null },
  limit = RAW_BODY_PREVIEW
): { text: string; omitted: number } {
  const head = `${request.method} ${request.path} HTTP/${request.httpVersion}\n${headersText(request.headers)}\n\n`
  const shown = Math.min(body.bytes.length, limit)
  const omitted = body.bytes.length - shown
  if (body.text !== null) return { text: head + body.text.slice(0, limit), omitted: Math.max(0, body.text.length - limit) }
  return { text: head + hexDump(body.bytes, shown), omitted }
}
