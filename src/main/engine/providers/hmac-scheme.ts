// Builds detect/verify/sign for every provider whose signature is an HMAC over a template of the
// raw body (and maybe a timestamp and id). One implementation, so every scheme explains itself alike.
import type { SignatureReport } from '../../../shared/types'
import type { IncomingDelivery } from '../inspect'
import { headerValue } from '../headers'
import { diagnose } from './diagnose'
import { hmac, safeEqual } from './hmac'
import type { NamedSecret, Provider, SchemeSummary, SignOptions, VerifyOptions, VerifyResult } from './types'
import { verdictReporter } from './verdict-report'

export const DEFAULT_TOLERANCE_SEC = 300
const URL_VARIANT_BODY_LIMIT = 64 * 1024
const PREVIEW_LIMIT = 4096

export interface PayloadInput {
  body: Buffer
  timestamp: string | null
  id: string | null
  url: string | null
  /** HTTP method, for schemes that sign differently per method (Plivo V3). */
  method?: string | null
}

/** A parsed signature header: the encoded digests it carries (without prefix), and framing facts. */
export interface ParsedHeader {
  signatures: string[]
  timestamp: string | null
  /** The header value lacked the expected prefix; the bare value is still tried, to say so. */
  prefixMissing: boolean
}

export function keyOf(summary: SchemeSummary, secret: string): Buffer | string {
  if (summary.key === 'whsec-base64') return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64')
  if (summary.key === 'base64') return Buffer.from(secret, 'base64')
  if (summary.key === 'hex') return Buffer.from(secret.trim(), 'hex')
  return secret
}

/** The exact bytes the scheme signs. */
export function signedPayload(summary: SchemeSummary, p: PayloadInput): Buffer {
  if (summary.template === '{body}') return p.body
  const [before, after] = summary.template.split('{body}')
  const fill = (t: string): string =>
    t.replace('{timestamp}', p.timestamp ?? '').replace('{id}', p.id ?? '').replace('{url}', p.url ?? '').replace('{method}', p.method ?? '')
  return Buffer.concat([Buffer.from(fill(before)), p.body, Buffer.from(fill(after ?? ''))])
}

export function digest(summary: SchemeSummary, key: Buffer | string, payload: Buffer): string {
  return hmac(summary.algorithm, key, payload).toString(summary.encoding)
}

/** Key names of a "k=v,k=v" header (Stripe's t/v1 unless the scheme names others). */
export function kvKeys(summary: SchemeSummary): { timestamp: string; signature: string; separator: string } {
  const kv = summary.kv ?? { timestamp: 't', signature: 'v1' }
  return { separator: ',', ...kv }
}

export const isKv = (summary: SchemeSummary): boolean => summary.framing === 'stripe' || summary.framing === 'kv'

/** True when the scheme signs a timestamp (a header of its own, or a t= part of the signature header). */
export const isTimestamped = (summary: SchemeSummary): boolean => !!summary.timestampHeader || isKv(summary)

export function formatHeader(summary: SchemeSummary, encoded: string, timestamp: string | null): string {
  if (isKv(summary)) {
    const kv = kvKeys(summary)
    return `${kv.timestamp}=${timestamp}${kv.separator}${kv.signature}=${encoded}`
  }
  if (summary.framing === 'standard-webhooks') return `v1,${encoded}`
  return summary.prefix + encoded
}

export function parseHeader(summary: SchemeSummary, raw: string): ParsedHeader {
  const value = raw.trim()
  if (isKv(summary)) {
    const kv = kvKeys(summary)
    let timestamp: string | null = null
    const signatures: string[] = []
    for (const part of value.split(kv.separator)) {
      const eq = part.indexOf('=')
      const k = part.slice(0, eq).trim()
      const v = part.slice(eq + 1).trim()
      if (k === kv.timestamp) timestamp = v
      else if (k === kv.signature) signatures.push(v)
    }
    return { signatures, timestamp, prefixMissing: signatures.length === 0 && value.length > 0 }
  }
  if (summary.framing === 'standard-webhooks') {
    const parts = value.split(' ').filter(Boolean)
    const signatures = parts.filter((p) => p.startsWith('v1,')).map((p) => p.slice(3))
    return { signatures: signatures.length ? signatures : parts, timestamp: null, prefixMissing: signatures.length === 0 }
  }
  if (summary.framing === 'list') {
    const parts = value.split(',').map((v) => v.trim()).filter(Boolean)
    return { signatures: parts.length ? parts : [value], timestamp: null, prefixMissing: false }
  }
  if (!summary.prefix) return { signatures: [value], timestamp: null, prefixMissing: false }
  if (value.toLowerCase().startsWith(summary.prefix.toLowerCase())) {
    return { signatures: [value.slice(summary.prefix.length)], timestamp: null, prefixMissing: false }
  }
  return { signatures: [value], timestamp: null, prefixMissing: true }
}

/** Seconds since the epoch from a header value (seconds, milliseconds or an ISO date), or null. */
export function timestampSeconds(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const n = Number(value)
  if (Number.isFinite(n)) return n > 1e11 ? n / 1000 : n
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed / 1000
}

export function sameDigest(summary: SchemeSummary, a: string, b: string): boolean {
  return summary.encoding === 'hex' ? safeEqual(a.toLowerCase(), b.toLowerCase()) : safeEqual(a, b)
}

export function describeAge(ageSec: number): string {
  const abs = Math.abs(ageSec)
  const amount = abs >= 120 ? `${Math.round(abs / 60)} minutes` : `${Math.round(abs)} seconds`
  return ageSec >= 0 ? `${amount} old` : `${amount} in the future`
}

export interface HmacProviderSpec extends Omit<Provider, 'detect' | 'verify' | 'sign' | 'signs' | 'signatureHeaders'> {
  summary: SchemeSummary
  /** Extra headers a real delivery carries (event topic, delivery id). */
  extraHeaders?: (o: SignOptions) => [string, string][]
  /** Builds the URL a scheme signs from the delivery (Twilio-like schemes). */
  urlOf?: (d: IncomingDelivery) => string | null
  /** Overrides the template when what is signed is not a simple concatenation (Twilio: URL + sorted params). */
  payload?: (p: PayloadInput) => Buffer
  /** Other URLs the provider may have signed (https behind a tunnel, a port, a trailing slash), tried when the first fails. */
  urlVariants?: (d: IncomingDelivery, url: string) => UrlVariant[]
  /** A check beyond the signature (Twilio: the body's SHA-256 against bodySHA256 in the signed URL); a sentence when it fails. */
  afterMatch?: (d: IncomingDelivery, input: PayloadInput) => string | null
  /** Headers of this delivery that carry a nonce or timestamp read into PayloadInput.timestamp (Plivo's nonce). */
  nonceHeader?: string
}

/** A URL the provider may have signed instead of the one Hookscope reconstructed. */
export interface UrlVariant {
  url: string
  /** What differs, in words: "https instead of http", "with a trailing slash". */
  change: string
  /** The difference comes from how the delivery reached Hookscope (scheme, port through a tunnel), not from the sender. */
  transport: boolean
}

export function payloadFor(spec: HmacProviderSpec, p: PayloadInput): Buffer {
  return spec.payload ? spec.payload(p) : signedPayload(spec.summary, p)
}

export function defineHmacProvider(spec: HmacProviderSpec): Provider {
  const s = spec.summary
  const headers = [s.signatureHeader, s.timestampHeader, s.idHeader].filter((h): h is string => !!h)
  const tolerance = isTimestamped(s) ? (spec.timestampToleranceSec ?? DEFAULT_TOLERANCE_SEC) : undefined
  if (spec.nonceHeader) headers.push(spec.nonceHeader)
  const noTime = spec.nonceHeader ? `${spec.name} signs a nonce, not a timestamp: the age of a delivery cannot be checked (keep seen nonces to stop replays).` : null
  return {
    ...spec,
    ...(noTime ? { forgeSkips: { 'stale-timestamp': noTime, 'future-timestamp': noTime } } : {}),
    signs: true,
    signatureHeaders: headers,
    timestampToleranceSec: tolerance,
    detect: (d) => (headerValue(d.headers, s.signatureHeader) !== null ? 1 : 0),
    sign(o) {
      const seconds = o.timestamp ?? Math.floor(Date.now() / 1000)
      const timestamp = spec.nonceHeader ? nonceFor(o) : String(s.timestampMs ? seconds * 1000 : seconds)
      const id = o.id ?? `msg_${Date.now().toString(36)}`
      const payload = payloadFor(spec, { body: o.body, timestamp, id, url: o.url ?? null, method: o.method ?? spec.methods[0] ?? 'POST' })
      const out: [string, string][] = [['Content-Type', spec.contentType]]
      if (s.idHeader) out.push([s.idHeader, id])
      if (s.timestampHeader) out.push([s.timestampHeader, timestamp])
      if (spec.nonceHeader) out.push([spec.nonceHeader, timestamp])
      out.push([s.signatureHeader, formatHeader(s, digest(s, keyOf(s, o.secret), payload), timestamp)])
      out.push(...(spec.extraHeaders?.(o) ?? []))
      return out
    },
    verify: (d, secrets, nowMs, options) => verifyHmac(spec, tolerance, d, secrets, nowMs, options)
  }
}

function verifyHmac(
  spec: HmacProviderSpec,
  tolerance: number | undefined,
  d: IncomingDelivery,
  secrets: NamedSecret[],
  nowMs: number,
  options: VerifyOptions = {}
): VerifyResult {
  const s = spec.summary
  const raw = headerValue(d.headers, s.signatureHeader)
  const used = [s.signatureHeader, s.timestampHeader, s.idHeader].filter(
    (h): h is string => !!h && headerValue(d.headers, h) !== null
  )
  const base = verdictReporter(spec.id, used, raw).report
  const report = (fields: Partial<SignatureReport>): SignatureReport => base({ expectedSecret: null, expectedBySecret: null, ...fields })
  if (raw === null) {
    if (spec.signatureOptional && secrets.length === 0) {
      return {
        verdict: { status: 'unsigned', detail: `${spec.name} signs only when a secret is set up, and this delivery carries no ${s.signatureHeader}.` },
        report: null
      }
    }
    return { verdict: { status: 'missing', detail: `${spec.name} signs its deliveries, but the ${s.signatureHeader} header is absent.` }, report: report({}) }
  }
  if (raw.trim() === '') {
    return {
      verdict: { status: 'invalid', detail: `The ${s.signatureHeader} header is present but empty.` },
      report: report({ diagnostics: [`The ${s.signatureHeader} header is present but empty: the sender computed no signature.`] })
    }
  }
  const parsed = parseHeader(s, raw)
  const timestamp = spec.nonceHeader
    ? headerValue(d.headers, spec.nonceHeader)
    : s.timestampHeader
      ? headerValue(d.headers, s.timestampHeader)
      : parsed.timestamp
  const id = s.idHeader ? headerValue(d.headers, s.idHeader) : null
  if (tolerance !== undefined && (timestamp === null || timestamp.trim() === '')) {
    const where = s.timestampHeader ? `the ${s.timestampHeader} header` : `the ${kvKeys(s).timestamp}= part of ${s.signatureHeader}`
    return { verdict: { status: 'missing', detail: `${spec.name} signs a timestamp, but ${where} is absent.` }, report: report({}) }
  }
  if (spec.nonceHeader && (timestamp === null || timestamp.trim() === '')) {
    return { verdict: { status: 'missing', detail: `${spec.name} signs a nonce, but the ${spec.nonceHeader} header is absent.` }, report: report({}) }
  }
  const input: PayloadInput = { body: d.body, timestamp, id, url: spec.urlOf?.(d) ?? null, method: d.method }
  const payload = payloadFor(spec, input)
  const preview = previewOf(payload)
  if (secrets.length === 0) {
    return {
      verdict: { status: 'no-secret', detail: `Signed by ${spec.name}, but no secret is configured yet to check it.` },
      report: report({ signedPayloadPreview: preview })
    }
  }
  const ts = spec.nonceHeader ? null : timestampSeconds(timestamp)
  const age = ts === null ? null : nowMs / 1000 - ts
  const expected = secrets.map((secret) => digest(s, keyOf(s, secret.value), payload))
  for (let i = 0; i < secrets.length; i++) {
    if (!parsed.signatures.some((sig) => sameDigest(s, sig, expected[i]))) continue
    const secret = secrets[i]
    const rotated = i > 0 ? ` (not the first secret, "${secrets[0].label}": rotation in progress?)` : ''
    const base = { signedPayloadPreview: preview, expected: formatHeader(s, expected[i], timestamp), matchedSecret: secret.label, expectedSecret: secret.label }
    if (parsed.prefixMissing && s.prefix) {
      const message = `The signature matches with secret "${secret.label}" but lacks the "${s.prefix}" prefix ${spec.name} sends.`
      return { verdict: { status: 'invalid', detail: message }, report: report({ ...base, diagnostics: [message] }) }
    }
    const after = spec.afterMatch?.(d, input) ?? null
    if (after) return { verdict: { status: 'invalid', detail: after }, report: report({ ...base, diagnostics: [after] }) }
    if (tolerance !== undefined && (age === null || Math.abs(age) > tolerance)) {
      const message =
        age === null
          ? `The timestamp "${timestamp}" is not a time.`
          : `The signature matches, but the timestamp is ${describeAge(age)}, outside the ${tolerance / 60}-minute tolerance.`
      return { verdict: { status: 'stale', detail: message }, report: report({ ...base, diagnostics: [message] }) }
    }
    return {
      verdict: { status: 'valid', detail: `Signature matches ${spec.urlOf ? 'the URL and body' : 'the raw body'} with secret "${secret.label}"${rotated}.` },
      report: report({ ...base, diagnostics: rotated ? [`Matched secret "${secret.label}"${rotated}.`] : [] })
    }
  }
  const variant = spec.urlVariants && input.url ? matchUrlVariant(spec, d, parsed, input, secrets, options.diagnose !== false) : null
  if (variant) {
    const { v, label } = variant
    const said = `${spec.name} signed ${v.url} (${v.change}); Hookscope received ${input.url}.`
    const base = { signedPayloadPreview: previewOf(payloadFor(spec, { ...input, url: v.url })), matchedSecret: label }
    if (v.transport) {
      const detail = `Signature matches the URL ${v.url} with secret "${label}": ${v.change}, as the delivery came through a proxy or tunnel; your handler must check against the public URL.`
      return { verdict: { status: 'valid', detail }, report: report({ ...base, diagnostics: [said] }) }
    }
    const detail = `Signature matches only when the URL is ${v.url} (${v.change}): the URL configured at ${spec.name} differs from the one it called.`
    return { verdict: { status: 'invalid', detail }, report: report({ ...base, diagnostics: [detail, said] }) }
  }
  const diagnostics = options.diagnose === false ? [] : diagnose({ spec, parsed, input, secrets, tolerance, age })
  // "Expected" is computed with the secret the headline sentence names; when it names none (several
  // secrets, none fits), every secret's expected value is listed, each with its name.
  const named = diagnostics[0]?.secret ?? (secrets.length === 1 ? 0 : null)
  const formatted = expected.map((e) => formatHeader(s, e, timestamp))
  return {
    verdict: { status: 'invalid', detail: diagnostics[0]?.text ?? `The signature does not match the raw body with any configured secret.` },
    report: report({
      signedPayloadPreview: preview,
      expected: named === null ? null : formatted[named],
      expectedSecret: named === null ? null : secrets[named].label,
      expectedBySecret: named === null ? secrets.map((secret, i) => ({ secret: secret.label, value: formatted[i] })) : null,
      diagnostics: diagnostics.map((d) => d.text)
    })
  }
}

export function previewOf(payload: Buffer): string {
  const text = payload.subarray(0, PREVIEW_LIMIT).toString('utf8')
  return payload.length > PREVIEW_LIMIT ? `${text}… (${payload.length} bytes in all)` : text
}

function matchUrlVariant(
  spec: HmacProviderSpec,
  d: IncomingDelivery,
  parsed: ParsedHeader,
  input: PayloadInput,
  secrets: NamedSecret[],
  diagnosing: boolean
): { v: UrlVariant; label: string } | null {
  // Each variant is one more HMAC per secret: a flood of bad signatures must not cost 20 of them per
  // delivery. Only a diagnosing check tries them (not the rotation probe over other stored secrets),
  // and only for bodies up to 64 KiB (URL-signed providers post small forms).
  if (!diagnosing || input.body.length > URL_VARIANT_BODY_LIMIT) return null
  for (const v of spec.urlVariants!(d, input.url!)) {
    const payload = payloadFor(spec, { ...input, url: v.url })
    for (const secret of secrets) {
      const expected = digest(spec.summary, keyOf(spec.summary, secret.value), payload)
      if (parsed.signatures.some((sig) => sameDigest(spec.summary, sig, expected))) return { v, label: secret.label }
    }
  }
  return null
}

/** A fresh nonce for schemes that sign one (Plivo: 20 digits). */
function nonceFor(o: SignOptions): string {
  return o.id && /^\d{10,}$/.test(o.id) ? o.id : String(Date.now()) + String(Math.floor(Math.random() * 1e7)).padStart(7, '0')
}
