// JWT schemes (Vonage signed webhooks): "Authorization: Bearer <HS256 JWT>" signed with the account's
// signature secret, whose payload_hash claim is the hex SHA-256 of the body.
import { createHash, randomUUID } from 'node:crypto'
import type { SignatureReport } from '../../../shared/types'
import type { IncomingDelivery } from '../inspect'
import { headerValue } from '../headers'
import { describeAge, DEFAULT_TOLERANCE_SEC, type HmacProviderSpec } from './hmac-scheme'
import { hmac, safeEqual } from './hmac'
import type { JwtScheme } from './preset-types'
import type { NamedSecret, Provider, VerifyResult } from './types'

export interface JwtProviderSpec extends Omit<HmacProviderSpec, 'summary'> {
  jwtScheme: JwtScheme
}

const b64u = (v: string | Buffer): string => Buffer.from(v).toString('base64url')

export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const head = b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64u(JSON.stringify(claims))
  return `${head}.${body}.${hmac('sha256', secret, `${head}.${body}`).toString('base64url')}`
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function defineJwtProvider(spec: JwtProviderSpec): Provider {
  const s = spec.jwtScheme
  const tolerance = spec.timestampToleranceSec ?? DEFAULT_TOLERANCE_SEC
  return {
    ...spec,
    family: 'jwt',
    signs: true,
    signatureHeaders: [s.header],
    timestampToleranceSec: tolerance,
    detect: (d) => (/^bearer\s+ey/i.test(headerValue(d.headers, s.header) ?? '') ? 0.5 : 0),
    sign(o) {
      const iat = o.timestamp ?? Math.floor(Date.now() / 1000)
      const claims: Record<string, unknown> = { iat, jti: randomUUID(), iss: spec.name, api_key: 'hookscope', application_id: randomUUID() }
      if (s.payloadHashClaim) claims[s.payloadHashClaim] = createHash('sha256').update(o.body).digest('hex')
      return [['Content-Type', spec.contentType], [s.header, `Bearer ${signJwt(claims, o.secret)}`], ...(spec.extraHeaders?.(o) ?? [])]
    },
    verify: (d, secrets, nowMs) => verifyJwt(spec, tolerance, d, secrets, nowMs)
  }
}

function verifyJwt(spec: JwtProviderSpec, tolerance: number, d: IncomingDelivery, secrets: NamedSecret[], nowMs: number): VerifyResult {
  const s = spec.jwtScheme
  const raw = headerValue(d.headers, s.header)
  const report = (fields: Partial<SignatureReport>): SignatureReport => ({
    provider: spec.id,
    headersUsed: raw === null ? [] : [s.header],
    signedPayloadPreview: null,
    expected: null,
    received: raw,
    matchedSecret: null,
    diagnostics: [],
    ...fields
  })
  const invalid = (message: string, fields: Partial<SignatureReport> = {}): VerifyResult => ({
    verdict: { status: 'invalid', detail: message },
    report: report({ ...fields, diagnostics: [message] })
  })
  if (raw === null) return { verdict: { status: 'missing', detail: `${spec.name} signs its deliveries with a JWT, but the ${s.header} header is absent.` }, report: report({}) }
  const token = raw.replace(/^bearer\s+/i, '').trim()
  const parts = token.split('.')
  if (parts.length !== 3) return invalid(`The ${s.header} header does not hold a JWT (three dot-separated parts).`)
  const header = decodePart(parts[0])
  const claims = decodePart(parts[1])
  if (!header || !claims) return invalid('The JWT header or claims are not base64url JSON.')
  const preview = JSON.stringify(claims)
  if (header.alg !== 'HS256') return invalid(`The JWT is signed with ${String(header.alg)}; ${spec.name} signs webhooks with HS256 and the signature secret.`, { signedPayloadPreview: preview })
  if (secrets.length === 0) return { verdict: { status: 'no-secret', detail: `Signed by ${spec.name}, but no signature secret is configured yet to check it.` }, report: report({ signedPayloadPreview: preview }) }
  const matched = secrets.find((secret) => safeEqual(hmac('sha256', secret.value, `${parts[0]}.${parts[1]}`).toString('base64url'), parts[2]))
  if (!matched) {
    const n = secrets.length
    return invalid(
      `The JWT's signature does not match ${n === 1 ? `secret "${secrets[0].label}"` : `any of the ${n} configured secrets`}: ${spec.name} signs with the account's signature secret (not the API secret), or the token was altered.`,
      { signedPayloadPreview: preview }
    )
  }
  const base = { signedPayloadPreview: preview, matchedSecret: matched.label }
  const nowSec = nowMs / 1000
  if (typeof claims.exp === 'number' && claims.exp < nowSec) {
    const message = `The JWT verifies, but it expired ${describeAge(nowSec - claims.exp).replace(' old', '')} ago.`
    return { verdict: { status: 'stale', detail: message }, report: report({ ...base, diagnostics: [message] }) }
  }
  if (typeof claims.exp !== 'number' && typeof claims.iat === 'number' && Math.abs(nowSec - claims.iat) > tolerance) {
    const message = `The JWT verifies, but it was issued ${describeAge(nowSec - claims.iat)}, outside the ${tolerance / 60}-minute tolerance.`
    return { verdict: { status: 'stale', detail: message }, report: report({ ...base, diagnostics: [message] }) }
  }
  if (s.payloadHashClaim) {
    const claimed = claims[s.payloadHashClaim]
    const actual = createHash('sha256').update(d.body).digest('hex')
    if (typeof claimed === 'string' && claimed.toLowerCase() !== actual) {
      return invalid(`The JWT verifies, but its ${s.payloadHashClaim} is not the SHA-256 of the body: the body changed after signing.`, base)
    }
  }
  return { verdict: { status: 'valid', detail: `The JWT verifies with secret "${matched.label}"${s.payloadHashClaim ? ` and its ${s.payloadHashClaim} matches the body` : ''}.` }, report: report(base) }
}
