// Pure body classification and formatting helpers. They run inside the body worker (big bodies) and
// in unit tests; nothing here touches the DOM.
import type { Header } from '../../../shared/types'
import type { JsonNodeInfo } from './json-source'
import { parseJsonFaithfully } from './json-numbers'

export type BodyKind = 'empty' | 'json' | 'form' | 'text' | 'binary'

export interface BodyAnalysis {
  kind: BodyKind
  bytes: Uint8Array
  /** UTF-8 text when the body is text (json, form, text); null for binary. */
  text: string | null
  /** Parsed JSON value when kind is 'json' and the document is small enough to hand to the page. */
  json?: unknown
  /** For a big JSON document kept in the body worker: its handle there, and its root. */
  jsonDoc?: { id: number; root: JsonNodeInfo }
  /** Form fields in order, duplicates kept, when kind is 'form'. */
  fields?: Header[]
  /** Why a body labelled JSON is shown as text instead. */
  jsonError?: string
}

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Valid UTF-8 without NULs or control noise: worth showing as text. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  const sample = text.slice(0, 8192)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) return null
    if (c < 9 || (c > 13 && c < 32)) control++
  }
  return control > sample.length / 100 ? null : text
}

/** Decodes one form component: `+` is a space; a broken %-escape is kept as written rather than lost. */
function decodeComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/** `a=1&b=2&a=3` as ordered pairs, duplicates and empty values kept. */
export function parseUrlEncoded(text: string): Header[] {
  if (text === '') return []
  return text.split('&').map((part) => {
    const eq = part.indexOf('=')
    return eq < 0 ? [decodeComponent(part), ''] : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))]
  })
}

/** The query string of a request path as ordered pairs. */
export function parseQuery(path: string): Header[] {
  const q = path.indexOf('?')
  if (q < 0) return []
  const hash = path.indexOf('#', q)
  return parseUrlEncoded(path.slice(q + 1, hash < 0 ? undefined : hash))
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase()
}

export function analyzeBody(bytes: Uint8Array, contentType: string | null): BodyAnalysis {
  if (bytes.length === 0) return { kind: 'empty', bytes, text: '' }
  const text = decodeText(bytes)
  if (text === null) return { kind: 'binary', bytes, text: null }
  const type = mediaType(contentType)
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', bytes, text, fields: parseUrlEncoded(text.trim()) }
  const saysJson = type.endsWith('json') || type.endsWith('+json')
  const start = text.trimStart()[0]
  if (saysJson || start === '{' || start === '[') {
    try {
      return { kind: 'json', bytes, text, json: parseJsonFaithfully(text) }
    } catch (error) {
      if (saysJson) return { kind: 'text', bytes, text, jsonError: `Not valid JSON: ${(error as Error).message}` }
    }
  }
  return { kind: 'text', bytes, text }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** One hex-dump line of 16 bytes: offset, hex in two groups of 8, printable ASCII. */
export function hexLine(bytes: Uint8Array, offset: number): string {
  let hex = ''
  let ascii = ''
  for (let i = 0; i < 16; i++) {
    const b = bytes[offset + i]
    if (i === 8) hex += ' '
    if (offset + i >= bytes.length) {
      hex += '   '
      continue
    }
    hex += HEX[b] + ' '
    ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'
  }
  return `${offset.toString(16).padStart(8, '0')}  ${hex} ${ascii}`
}

/** A hex dump of at most maxBytes; the caller says how much was left out. */
export function hexDump(bytes: Uint8Array, maxBytes = bytes.length): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, maxBytes)
  for (let offset = 0; offset < end; offset += 16) lines.push(hexLine(bytes, offset))
  return lines.join('\n')
}
