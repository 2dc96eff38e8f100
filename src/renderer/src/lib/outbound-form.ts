import type { Header } from '../../../shared/types'

/** Headers as editable text, one `Name: value` per line, in order (duplicates kept). */
export function headersText(headers: Header[]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n')
}

/** Parses editable `Name: value` lines (see headersText) back, in order; blank lines are skipped, a line without a colon is an error. */
export function textToHeaders(text: string): { ok: true; headers: Header[] } | { ok: false; error: string } {
  const headers: Header[] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return { ok: false, error: `Header line ${i + 1} needs "Name: value".` }
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
  }
  return { ok: true, headers }
}

/** UTF-8 text of base64 bytes (invalid sequences shown as U+FFFD: display and editing only). */
export function base64Text(base64: string): string {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new TextDecoder().decode(bytes)
}

/** Pretty-prints JSON text when it parses; otherwise returns it unchanged. */
/** JSON highlighting only for JSON: on a form body or TwiML it colours the digits inside ids as numbers. */
export function languageOf(text: string): 'json' | 'text' {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? 'json' : 'text'
  } catch {
    return 'text'
  }
}

export function prettyIfJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
