// Signed requests (Sinch Voice and Verification callbacks): "Authorization: application <key>:<sig>"
// where sig = base64 HMAC-SHA256, keyed with the base64-DECODED application secret, of
// "{method}\n{base64 MD5 of body}\n{Content-Type}\nx-timestamp:{x-timestamp}\n{path}".
// The body enters only through its MD5, so the request line and two headers are signed with it.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { IncomingDelivery } from '../inspect'
import { headerValue } from '../headers'
import { describeAge, DEFAULT_TOLERANCE_SEC, previewOf, timestampSeconds, type HmacProviderSpec } from './hmac-scheme'
import { hmac, safeEqual } from './hmac'
import type { SignedRequestScheme } from './preset-types'
import type { NamedSecret, Provider, VerifyResult } from './types'
import { verdictReporter } from './verdict-report'

export interface SignedRequestProviderSpec extends Omit<HmacProviderSpec, 'summary'> {
  requestScheme: SignedRequestScheme
}

/** The key id Hookscope puts in the header when the secret names none. */
export const PLACEHOLDER_KEY = 'hookscope-test-key'
const HEADER_SHAPE = /^(application|service)\s+([^\s:]+):(\S+)$/i

/** "ApplicationKey:ApplicationSecret", or the secret alone (then the key in the header is not checked). */
export function splitKeyAndSecret(value: string): { key: string | null; secret: string } {
  const v = value.trim()
  const colon = v.indexOf(':')
  return colon === -1 ? { key: null, secret: v } : { key: v.slice(0, colon), secret: v.slice(colon + 1) }
}

/** The exact text signed; an empty body signs an empty MD5 line (as Sinch's SDK does). */
export function stringToSign(method: string, body: Buffer, contentType: string, timestamp: string, path: string): string {
  const md5 = body.length ? createHash('md5').update(body).digest('base64') : ''
  return `${method.toUpperCase()}\n${md5}\n${contentType}\nx-timestamp:${timestamp}\n${path}`
}

const signatureOf = (secret: string, text: string): string => hmac('sha256', Buffer.from(splitKeyAndSecret(secret).secret, 'base64'), text).toString('base64')

/** ISO 8601 UTC without milliseconds, as in Sinch's examples ("2014-09-24T10:59:41Z"). */
const isoSeconds = (sec: number): string => new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

function pathOf(url: string | undefined): string {
  if (!url) return '/'
  try {
    return new URL(url).pathname
  } catch {
    return url.split('?')[0] || '/'
  }
}

export function defineSignedRequestProvider(spec: SignedRequestProviderSpec): Provider {
  const s = spec.requestScheme
  const tolerance = spec.timestampToleranceSec ?? DEFAULT_TOLERANCE_SEC
  return {
    ...spec,
    family: 'signed-request',
    signs: true,
    signatureHeaders: [s.header, s.timestampHeader],
    timestampToleranceSec: tolerance,
    detect: (d) => (HEADER_SHAPE.test(headerValue(d.headers, s.header) ?? '') && headerValue(d.headers, s.timestampHeader) !== null ? 1 : 0),
    sampleSecret: () => `${randomUUID().toUpperCase()}:${randomBytes(18).toString('base64')}`,
    secretProblem: (value) => (splitKeyAndSecret(value).secret === '' ? `${spec.name} signs with the application secret: give it as ApplicationKey:ApplicationSecret (or the secret alone).` : null),
    sign(o) {
      const timestamp = isoSeconds(o.timestamp ?? Math.floor(Date.now() / 1000))
      const text = stringToSign(o.method ?? spec.methods[0] ?? 'POST', o.body, spec.contentType, timestamp, pathOf(o.url))
      const key = splitKeyAndSecret(o.secret).key ?? PLACEHOLDER_KEY
      return [['Content-Type', spec.contentType], [s.timestampHeader, timestamp], [s.header, `application ${key}:${signatureOf(o.secret, text)}`], ...(spec.extraHeaders?.(o) ?? [])]
    },
    signingNote: (secret) =>
      splitKeyAndSecret(secret).key === null ? `No application key was given (only the secret): the header carries the key "${PLACEHOLDER_KEY}", which a handler that checks the key refuses.` : null,
    forgeSkips: { 'content-type-variant': `${spec.name} signs the Content-Type header as sent: another Content-Type (even with a charset added) does not verify, by design.` },
    forgeNotes: { 'wrong-secret': `${spec.name} signs with the application secret: a wrong-secret check means another secret under the same key.` },
    verify: (d, secrets, nowMs) => verifySignedRequest(spec, tolerance, d, secrets, nowMs)
  }
}

function verifySignedRequest(spec: SignedRequestProviderSpec, tolerance: number, d: IncomingDelivery, secrets: NamedSecret[], nowMs: number): VerifyResult {
  const s = spec.requestScheme
  const raw = headerValue(d.headers, s.header)
  const timestamp = headerValue(d.headers, s.timestampHeader)
  const used = [s.header, s.timestampHeader].filter((h) => headerValue(d.headers, h) !== null)
  const { report, invalid } = verdictReporter(spec.id, used, raw)
  if (raw === null) return { verdict: { status: 'missing', detail: `${spec.name} signs its callbacks, but the ${s.header} header is absent.` }, report: report({}) }
  const shape = HEADER_SHAPE.exec(raw.trim())
  if (!shape) return invalid(`The ${s.header} header is not "application <key>:<signature>" (or "service <id>:<signature>"), the form ${spec.name} sends.`)
  const [, , headerKey, received] = shape
  if (timestamp === null || timestamp.trim() === '') {
    return { verdict: { status: 'missing', detail: `${spec.name} signs the ${s.timestampHeader} header, but it is absent.` }, report: report({}) }
  }
  const q = d.path.indexOf('?')
  const paths = q === -1 ? [d.path] : [d.path.slice(0, q), d.path]
  const texts = paths.map((p) => stringToSign(d.method, d.body, headerValue(d.headers, 'content-type') ?? '', timestamp, p))
  const preview = previewOf(Buffer.from(texts[0]))
  if (secrets.length === 0) return { verdict: { status: 'no-secret', detail: `Signed by ${spec.name}, but no application secret is configured yet to check it.` }, report: report({ signedPayloadPreview: preview }) }
  for (const secret of secrets) {
    const i = texts.findIndex((text) => safeEqual(signatureOf(secret.value, text), received))
    if (i === -1) continue
    const base = { signedPayloadPreview: previewOf(Buffer.from(texts[i])), matchedSecret: secret.label }
    const wantKey = splitKeyAndSecret(secret.value).key
    if (wantKey !== null && wantKey !== headerKey) return invalid(`The signature matches secret "${secret.label}", but the header names key "${headerKey.slice(0, 60)}", not ${wantKey}.`, base)
    const ts = timestampSeconds(timestamp)
    const age = ts === null ? null : nowMs / 1000 - ts
    if (age === null || Math.abs(age) > tolerance) {
      const message = age === null ? `The ${s.timestampHeader} "${timestamp.slice(0, 40)}" is not a time.` : `The signature matches, but ${s.timestampHeader} is ${describeAge(age)}, outside the ${tolerance / 60}-minute tolerance.`
      return { verdict: { status: 'stale', detail: message }, report: report({ ...base, diagnostics: [message] }) }
    }
    const withQuery = i === 1 ? ' (the signed path includes the query string)' : ''
    return { verdict: { status: 'valid', detail: `Signature matches the method, body MD5, Content-Type, ${s.timestampHeader} and path with secret "${secret.label}"${withQuery}.` }, report: report(base) }
  }
  const diagnostics = [
    `The signature does not match ${secrets.length === 1 ? `secret "${secrets[0].label}"` : `any of the ${secrets.length} configured secrets`}: ${spec.name} signs with the base64-decoded application secret over the method, the body's MD5, Content-Type, ${s.timestampHeader} and the path; one of them changed, or the secret is another application's.`
  ]
  const wrongKey = secrets.every((secret) => {
    const k = splitKeyAndSecret(secret.value).key
    return k !== null && k !== headerKey
  })
  if (wrongKey) diagnostics.push(`The header names key "${headerKey.slice(0, 60)}", which is not the key of any configured secret: the callback is for another application.`)
  return invalid(diagnostics[0], { signedPayloadPreview: preview, diagnostics: diagnostics.slice(1) })
}
