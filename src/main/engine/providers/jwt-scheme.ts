// JWT schemes. HS256 (Vonage signed webhooks): "Authorization: Bearer <JWT>" signed with the account's
// signature secret, whose payload_hash claim is the hex SHA-256 of the body. ES256 (Plaid): the JWT is
// signed with the provider's P-256 key and verified with its public key (a JWK as its key endpoint
// returns it); Hookscope, without that private key, signs with a test key pair and names its public key.
import { createHash, randomUUID, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import type { IncomingDelivery } from '../inspect'
import { headerValue } from '../headers'
import { describeAge, DEFAULT_TOLERANCE_SEC, type HmacProviderSpec } from './hmac-scheme'
import { hmac, safeEqual } from './hmac'
import { formatPublicKey, parsePublicKey, signingKey, testPrivateKey } from './keys'
import type { JwtScheme } from './preset-types'
import type { NamedSecret, Provider, VerifyResult } from './types'
import { verdictReporter } from './verdict-report'

export interface JwtProviderSpec extends Omit<HmacProviderSpec, 'summary'> {
  jwtScheme: JwtScheme
}

const b64u = (v: string | Buffer): string => Buffer.from(v).toString('base64url')
const TEST_KID = 'hookscope-test-key'

export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const head = b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64u(JSON.stringify(claims))
  return `${head}.${body}.${hmac('sha256', secret, `${head}.${body}`).toString('base64url')}`
}

/** ES256: the JOSE signature is r||s (64 bytes), not DER. */
function signEs256(claims: Record<string, unknown>, key: KeyObject): string {
  const head = b64u(JSON.stringify({ alg: 'ES256', kid: TEST_KID, typ: 'JWT' }))
  const body = b64u(JSON.stringify(claims))
  return `${head}.${body}.${cryptoSign('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
}

function es256Verifies(key: KeyObject, signed: string, sig: string): boolean {
  try {
    return cryptoVerify('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'))
  } catch {
    return false
  }
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
  const es = s.algorithm === 'ES256'
  const tolerance = spec.timestampToleranceSec ?? DEFAULT_TOLERANCE_SEC
  const keyPair = es
    ? {
        sampleSecret: () => formatPublicKey(testPrivateKey(`sample ${spec.id} ${Date.now()}`, 'p256'), 'jwk'),
        secretProblem: (value: string) => (parsePublicKey(value, 'p256') ? null : `${spec.name} verifies with its ECDSA P-256 public key (the JWK its key endpoint returns, PEM or base64 DER); this value is not one.`),
        verificationKeyFor: (secret: string) => formatPublicKey(signingKey(secret, 'p256').key, 'jwk'),
        signingNote(secret: string) {
          const { key, test } = signingKey(secret, 'p256')
          return test ? `${spec.name} signs with its own private key, which Hookscope does not have: this JWT was signed with a test P-256 key pair (kid "${TEST_KID}"). To accept it, configure your handler with the test public key ${formatPublicKey(key, 'jwk')}.` : null
        },
        forgeNotes: { 'wrong-secret': `${spec.name} signs with a key pair: a wrong-secret check means a JWT signed by another key pair, as a forger without ${spec.name}'s private key would.` }
      }
    : {}
  return {
    ...spec,
    ...keyPair,
    family: 'jwt',
    signs: true,
    signatureHeaders: [s.header],
    timestampToleranceSec: tolerance,
    detect: (d) => (/^(bearer\s+)?ey/i.test(headerValue(d.headers, s.header) ?? '') ? 0.5 : 0),
    sign(o) {
      const iat = o.timestamp ?? Math.floor(Date.now() / 1000)
      const hash = s.payloadHashClaim ? { [s.payloadHashClaim]: createHash('sha256').update(o.body).digest('hex') } : {}
      const token = es
        ? signEs256({ iat, ...hash }, signingKey(o.secret, 'p256').key)
        : signJwt({ iat, jti: randomUUID(), iss: spec.name, api_key: 'hookscope', application_id: randomUUID(), ...hash }, o.secret)
      return [['Content-Type', spec.contentType], [s.header, s.bare ? token : `Bearer ${token}`], ...(spec.extraHeaders?.(o) ?? [])]
    },
    verify: (d, secrets, nowMs) => verifyJwt(spec, tolerance, d, secrets, nowMs)
  }
}

function verifyJwt(spec: JwtProviderSpec, tolerance: number, d: IncomingDelivery, secrets: NamedSecret[], nowMs: number): VerifyResult {
  const s = spec.jwtScheme
  const alg = s.algorithm ?? 'HS256'
  const raw = headerValue(d.headers, s.header)
  const { report, invalid } = verdictReporter(spec.id, raw === null ? [] : [s.header], raw)
  if (raw === null) return { verdict: { status: 'missing', detail: `${spec.name} signs its deliveries with a JWT, but the ${s.header} header is absent.` }, report: report({}) }
  const token = raw.replace(/^bearer\s+/i, '').trim()
  const parts = token.split('.')
  if (parts.length !== 3) return invalid(`The ${s.header} header does not hold a JWT (three dot-separated parts).`)
  const header = decodePart(parts[0])
  const claims = decodePart(parts[1])
  if (!header || !claims) return invalid('The JWT header or claims are not base64url JSON.')
  const preview = JSON.stringify(claims)
  const how = alg === 'ES256' ? 'ES256 and its P-256 key' : 'HS256 and the signature secret'
  if (header.alg !== alg) return invalid(`The JWT is signed with ${String(header.alg)}; ${spec.name} signs webhooks with ${how}.`, { signedPayloadPreview: preview })
  if (secrets.length === 0) {
    return { verdict: { status: 'no-secret', detail: `Signed by ${spec.name}, but no ${alg === 'ES256' ? 'public key' : 'signature secret'} is configured yet to check it.` }, report: report({ signedPayloadPreview: preview }) }
  }
  const signed = `${parts[0]}.${parts[1]}`
  let matched: NamedSecret | undefined
  if (alg === 'ES256') {
    const keys = secrets.map((secret) => ({ secret, key: parsePublicKey(secret.value, 'p256') })).filter((k): k is { secret: NamedSecret; key: KeyObject } => k.key !== null)
    if (keys.length === 0) return invalid(`No configured value is a P-256 public key: ${spec.name} verifies with the public key (JWK) for the JWT's kid "${String(header.kid ?? '')}".`, { signedPayloadPreview: preview })
    matched = keys.find((k) => es256Verifies(k.key, signed, parts[2]))?.secret
    if (!matched) {
      const n = keys.length
      return invalid(
        `The JWT does not verify with ${n === 1 ? `the public key "${keys[0].secret.label}"` : `any of the ${n} configured public keys`}: it was signed by another key (its kid is "${String(header.kid ?? '').slice(0, 80)}"; fetch that key), or it was altered.`,
        { signedPayloadPreview: preview }
      )
    }
  } else {
    matched = secrets.find((secret) => safeEqual(hmac('sha256', secret.value, signed).toString('base64url'), parts[2]))
    if (!matched) {
      const n = secrets.length
      return invalid(
        `The JWT's signature does not match ${n === 1 ? `secret "${secrets[0].label}"` : `any of the ${n} configured secrets`}: ${spec.name} signs with the account's signature secret (not the API secret), or the token was altered.`,
        { signedPayloadPreview: preview }
      )
    }
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
    // Plaid's claim is the only thing tying its JWT to the body: it must be there. Vonage's is optional.
    if (alg === 'ES256' && typeof claimed !== 'string') return invalid(`The JWT verifies, but it has no ${s.payloadHashClaim} claim: nothing ties it to this body.`, base)
    if (typeof claimed === 'string' && claimed.toLowerCase() !== actual) {
      return invalid(`The JWT verifies, but its ${s.payloadHashClaim} is not the SHA-256 of the body: the body changed after signing.`, base)
    }
  }
  const by = alg === 'ES256' ? `the public key "${matched.label}"` : `secret "${matched.label}"`
  return { verdict: { status: 'valid', detail: `The JWT verifies with ${by}${s.payloadHashClaim ? ` and its ${s.payloadHashClaim} matches the body` : ''}.` }, report: report(base) }
}
