// Builds the deliveries the forge suite sends, only through the Provider interface: the provider
// module signs, the suite then breaks what it signed (drops, garbles, tampers) the way an attacker would.
import { createHash } from 'node:crypto'
import type { Header } from '../../../shared/types'
import type { EventSample, Provider } from '../providers/types'
import { decodeSample, encodeSample } from '../providers/wire'

export interface Delivery {
  method: string
  headers: Header[]
  body: Buffer
}

export interface BuildOptions {
  method?: string
  /** Unix seconds to sign with (default now). */
  timestamp?: number
  /** Event type, for schemes that carry it in a header (GitHub). */
  event?: string
  url: string
}

const nowSec = (): number => Math.floor(Date.now() / 1000)
export const isJson = (provider: Provider): boolean => /json/i.test(provider.contentType)

/** A sample in the provider's wire format: form fields for form-posting providers (Twilio), else compact JSON. */
export function encode(provider: Provider, sample: unknown): Buffer {
  return Buffer.from(encodeSample(provider, sample))
}

/** Signs `body` exactly as the provider would and adds its Content-Type when sign() did not. */
export function signed(provider: Provider, body: Buffer, secret: string, o: BuildOptions): Delivery {
  const method = o.method ?? provider.methods[0] ?? 'POST'
  const headers = provider.sign({ body, secret, timestamp: o.timestamp ?? nowSec(), id: eventIdOf(provider, body), url: o.url, method, event: o.event })
  if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.unshift(['Content-Type', provider.contentType])
  return { method, headers, body }
}

/**
 * The delivery id for schemes that sign one (Standard Webhooks): the event's own id, else one derived
 * from the bytes, so a retry of the same body carries the same id as real providers' retries do.
 */
function eventIdOf(provider: Provider, body: Buffer): string {
  try {
    const text = body.toString('utf8')
    const id = provider.eventOf(decodeSample(provider, text)).id
    if (id) return id
  } catch {
    // not parseable: fall through to the derived id
  }
  return 'msg_' + createHash('sha256').update(body).digest('hex').slice(0, 24)
}

/**
 * Which headers change with the secret (they carry the signature) and which change with the timestamp
 * but not the secret (a separate timestamp header). Probed by signing twice rather than trusting names,
 * so the suite works for any scheme a provider module implements.
 */
export interface SchemeShape {
  signatureHeaders: string[]
  /** True when the signature (or a header beside it) depends on the timestamp. */
  timestamped: boolean
}

export function probeScheme(provider: Provider, url: string, secret: string): SchemeShape {
  if (!provider.signs) return { signatureHeaders: [], timestamped: false }
  const body = Buffer.from('{"probe":true}')
  const base = { body, id: 'evt_probe', url, method: provider.methods[0] ?? 'POST' }
  const t = nowSec()
  const a = provider.sign({ ...base, secret, timestamp: t })
  const b = provider.sign({ ...base, secret: wrongSecret(secret), timestamp: t })
  const c = provider.sign({ ...base, secret, timestamp: t - 1000 })
  const value = (hs: Header[], name: string): string | undefined => hs.find(([n]) => n.toLowerCase() === name)?.[1]
  const names = [...new Set(a.map(([n]) => n.toLowerCase()))]
  const signatureHeaders = names.filter((n) => value(a, n) !== value(b, n))
  const timestamped = names.some((n) => value(a, n) !== value(c, n))
  return { signatureHeaders: signatureHeaders.length ? signatureHeaders : provider.signatureHeaders.map((h) => h.toLowerCase()), timestamped }
}

export function withoutHeaders(d: Delivery, names: string[]): Delivery {
  const drop = new Set(names.map((n) => n.toLowerCase()))
  return { ...d, headers: d.headers.filter(([n]) => !drop.has(n.toLowerCase())) }
}

/** Replaces each signature header's value; `make` gets the original value. */
export function replaceSignature(d: Delivery, names: string[], make: (value: string) => string): Delivery {
  const hit = new Set(names.map((n) => n.toLowerCase()))
  return { ...d, headers: d.headers.map(([n, v]): Header => (hit.has(n.toLowerCase()) ? [n, make(v)] : [n, v])) }
}

/** Where the digest starts: after the last "=", "," or ":" that is not base64 padding ("sha256=", "v1,", "t=..,v1="). */
function digestStart(value: string): number {
  for (let i = value.length - 2; i >= 0; i--) {
    const c = value[i]
    if (c === ',' || c === ':' || (c === '=' && value[i + 1] !== '=')) return i + 1
  }
  return 0
}

/** Same length, same prefix ("sha256=", "v1,", "t=...,v1="), random characters where the digest was. */
export function garble(value: string): string {
  const start = digestStart(value)
  const alphabet = 'zyxwvutsrqponmlkjihg'
  let out = value.slice(0, start)
  for (let i = start; i < value.length; i++) out += alphabet[(i * 7) % alphabet.length]
  return out
}

/** The original value cut to half its digest: what a truncated or mis-encoded signature looks like. */
export function shorten(value: string): string {
  const start = digestStart(value)
  return value.slice(0, start + Math.max(1, Math.floor((value.length - start) / 2)))
}

/**
 * A different secret of the same shape (prefix, alphabet, length): characters in the middle are
 * rotated so base64/hex secrets stay decodable. Derived, so no second secret needs to be asked for;
 * never shown anywhere, only the signature it produced is.
 */
export function wrongSecret(secret: string): string {
  const chars = [...(secret || 'hookscope-forge')]
  const from = Math.max(chars.findIndex((_, i) => i >= chars.length / 3), 0)
  let changed = 0
  for (let i = from; i < chars.length && changed < 4; i++) {
    const c = chars[i]
    const rotate = (lo: string, n: number): string => String.fromCharCode(lo.charCodeAt(0) + ((c.charCodeAt(0) - lo.charCodeAt(0) + 1) % n))
    if (c >= '0' && c <= '9') chars[i] = rotate('0', 10)
    else if (c >= 'a' && c <= 'z') chars[i] = rotate('a', 26)
    else if (c >= 'A' && c <= 'Z') chars[i] = rotate('A', 26)
    else continue
    changed++
  }
  const out = chars.join('')
  return out === secret ? secret + 'x' : out
}

/** The sample's JSON with one value changed: the first string or number found in its data. */
export function tamper(sample: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>
  const visit = (node: unknown, depth: number): boolean => {
    if (!node || typeof node !== 'object' || depth > 6) return false
    const obj = node as Record<string, unknown>
    for (const key of Object.keys(obj)) {
      if (depth === 0 && /^(id|type|event|timestamp|created(_at)?)$/.test(key)) continue
      const v = obj[key]
      if (typeof v === 'number') {
        obj[key] = v + 1000
        return true
      }
      if (typeof v === 'string' && depth > 0) {
        obj[key] = v + '-tampered'
        return true
      }
      if (visit(v, depth + 1)) return true
    }
    return false
  }
  if (!visit(copy, 0)) copy.tampered = true
  return copy
}

/** Same JSON value, other bytes: indented, key spacing, non-ASCII escaped the way Python and PHP do. */
export function reformat(sample: unknown): string {
  return (JSON.stringify(sample, null, 2) + '\n').replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
}


/** The catalog entry to send by default: a call ending is the event every integration handles. */
export function mainEvent(provider: Provider): EventSample {
  return (
    provider.events.find((e) => /call.*(ended|completed|hangup|hungup)/i.test(e.type)) ??
    provider.events.find((e) => /call/i.test(e.type)) ??
    provider.events[0]
  )
}
