// Builds detect/verify/sign for every provider whose signature is an HMAC over a template of the
// raw body (and maybe a timestamp and id). One implementation, so every scheme explains itself alike.
import type { SignatureReport } from '../../../shared/types'
import type { IncomingDelivery } from '../inspect'
import { headerValue } from '../headers'
import { diagnose } from './diagnose'
import { hmac, safeEqual } from './hmac'
import type { NamedSecret, Provider, SchemeSummary, SignOptions, VerifyOptions, VerifyResult } from './types'

export const DEFAULT_TOLERANCE_SEC = 300
const PREVIEW_LIMIT = 4096

export interface PayloadInput {
  body: Buffer
  timestamp: string | null
  id: string | null
  url: string | null
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
  return secret
}

/** The exact bytes the scheme signs. */
export function signedPayload(summary: SchemeSummary, p: PayloadInput): Buffer {
  if (summary.template === '{body}') return p.body
  const [before, after] = summary.template.split('{body}')
  const fill = (t: string): string =>
    t.replace('{timestamp}', p.timestamp ?? '').replace('{id}', p.id ?? '').replace('{url}', p.url ?? '')
  return Buffer.concat([Buffer.from(fill(before)), p.body, Buffer.from(fill(after ?? ''))])
}

export function digest(summary: SchemeSummary, key: Buffer | string, payload: Buffer): string {
  return hmac(summary.algorithm, key, payload).toString(summary.encoding)
}

export function formatHeader(summary: SchemeSummary, encoded: string, timestamp: string | null): string {
  if (summary.framing === 'stripe') return `t=${timestamp},v1=${encoded}`
  if (summary.framing === 'standard-webhooks') return `v1,${encoded}`
  return summary.prefix + encoded
}

export function parseHeader(summary: SchemeSummary, raw: string): ParsedHeader {
  const value = raw.trim()
  if (summary.framing === 'stripe') {
    let timestamp: string | null = null
    const signatures: string[] = []
    for (const part of value.split(',')) {
      const eq = part.indexOf('=')
      const k = part.slice(0, eq).trim()
      const v = part.slice(eq + 1).trim()
      if (k === 't') timestamp = v
      else if (k === 'v1') signatures.push(v)
    }
    return { signatures, timestamp, prefixMissing: signatures.length === 0 && value.length > 0 }
  }
  if (summary.framing === 'standard-webhooks') {
    const parts = value.split(' ').filter(Boolean)
    const signatures = parts.filter((p) => p.startsWith('v1,')).map((p) => p.slice(3))
    return { signatures: signatures.length ? signatures : parts, timestamp: null, prefixMissing: signatures.length === 0 }
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
}

export function payloadFor(spec: HmacProviderSpec, p: PayloadInput): Buffer {
  return spec.payload ? spec.payload(p) : signedPayload(spec.summary, p)
}

export function defineHmacProvider(spec: HmacProviderSpec): Provider {
  const s = spec.summary
  const headers = [s.signatureHeader, s.timestampHeader, s.idHeader].filter((h): h is string => !!h)
  const tolerance = s.timestampHeader || s.framing === 'stripe' ? (spec.timestampToleranceSec ?? DEFAULT_TOLERANCE_SEC) : undefined
  return {
    ...spec,
    signs: true,
    signatureHeaders: headers,
    timestampToleranceSec: tolerance,
    detect: (d) => (headerValue(d.headers, s.signatureHeader) !== null ? 1 : 0),
    sign(o) {
      const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000))
      const id = o.id ?? `msg_${Date.now().toString(36)}`
      const payload = payloadFor(spec, { body: o.body, timestamp, id, url: o.url ?? null })
      const out: [string, string][] = [['Content-Type', spec.contentType]]
      if (s.idHeader) out.push([s.idHeader, id])
      if (s.timestampHeader) out.push([s.timestampHeader, timestamp])
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
  const report = (fields: Partial<SignatureReport>): SignatureReport => ({
    provider: spec.id,
    headersUsed: used,
    signedPayloadPreview: null,
    expected: null,
    received: raw,
    matchedSecret: null,
    expectedSecret: null,
    expectedBySecret: null,
    diagnostics: [],
    ...fields
  })
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
  const timestamp = s.timestampHeader ? headerValue(d.headers, s.timestampHeader) : parsed.timestamp
  const id = s.idHeader ? headerValue(d.headers, s.idHeader) : null
  if (tolerance !== undefined && (timestamp === null || timestamp.trim() === '')) {
    const where = s.timestampHeader ? `the ${s.timestampHeader} header` : `the t= part of ${s.signatureHeader}`
    return { verdict: { status: 'missing', detail: `${spec.name} signs a timestamp, but ${where} is absent.` }, report: report({}) }
  }
  const input: PayloadInput = { body: d.body, timestamp, id, url: spec.urlOf?.(d) ?? null }
  const payload = payloadFor(spec, input)
  const preview = previewOf(payload)
  if (secrets.length === 0) {
    return {
      verdict: { status: 'no-secret', detail: `Signed by ${spec.name}, but no secret is configured yet to check it.` },
      report: report({ signedPayloadPreview: preview })
    }
  }
  const ts = timestampSeconds(timestamp)
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
    if (tolerance !== undefined && (age === null || Math.abs(age) > tolerance)) {
      const message =
        age === null
          ? `The timestamp "${timestamp}" is not a time.`
          : `The signature matches, but the timestamp is ${describeAge(age)}, outside the ${tolerance / 60}-minute tolerance.`
      return { verdict: { status: 'stale', detail: message }, report: report({ ...base, diagnostics: [message] }) }
    }
    return {
      verdict: { status: 'valid', detail: `Signature matches the raw body with secret "${secret.label}"${rotated}.` },
      report: report({ ...base, diagnostics: rotated ? [`Matched secret "${secret.label}"${rotated}.`] : [] })
    }
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
