// Key-pair schemes: Ed25519 (Telnyx, Discord) and ECDSA P-256 (SendGrid). The provider signs with a
// private key nobody else has; Hookscope verifies with the public key the user pastes. A failure can
// only say "does not verify with this key": a different key pair and a changed body look the same.
import { sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import type { IncomingDelivery } from '../inspect'
import { headerValue } from '../headers'
import { reserialize } from './diagnose'
import { describeAge, DEFAULT_TOLERANCE_SEC, previewOf, timestampSeconds, type HmacProviderSpec } from './hmac-scheme'
import { formatPublicKey, parsePublicKey, signingKey, testPrivateKey, type KeyCurve } from './keys'
import type { EcdsaScheme, Ed25519Scheme } from './preset-types'
import type { NamedSecret, Provider, VerifyOptions, VerifyResult } from './types'
import { verdictReporter } from './verdict-report'

export interface KeyPairProviderSpec extends Omit<HmacProviderSpec, 'summary'> {
  keyScheme: Ed25519Scheme | EcdsaScheme
  /** How the provider's dashboard shows its public key. */
  keyForm: 'base64-raw' | 'hex-raw' | 'base64-der'
}

const curveOf = (s: Ed25519Scheme | EcdsaScheme): KeyCurve => (s.family === 'ed25519' ? 'ed25519' : 'p256')
const algoName = (s: Ed25519Scheme | EcdsaScheme): string => (s.family === 'ed25519' ? 'Ed25519' : 'ECDSA P-256')

function signedBytes(template: string, timestamp: string, body: Buffer): Buffer {
  const [before, after] = template.split('{body}')
  const fill = (t: string): string => t.replace('{timestamp}', timestamp)
  return Buffer.concat([Buffer.from(fill(before)), body, Buffer.from(fill(after ?? ''))])
}

function decodeSignature(s: Ed25519Scheme | EcdsaScheme, value: string): Buffer {
  const v = value.trim()
  return s.family === 'ed25519' && s.encoding === 'hex' ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64')
}

function check(s: Ed25519Scheme | EcdsaScheme, key: KeyObject, payload: Buffer, sig: Buffer): boolean {
  try {
    return s.family === 'ed25519' ? cryptoVerify(null, payload, key, sig) : cryptoVerify('sha256', payload, { key, dsaEncoding: 'der' }, sig)
  } catch {
    return false
  }
}

export function defineKeyPairProvider(spec: KeyPairProviderSpec): Provider {
  const s = spec.keyScheme
  const curve = curveOf(s)
  const tolerance = spec.timestampToleranceSec ?? DEFAULT_TOLERANCE_SEC
  const encodeSig = (sig: Buffer): string => (s.family === 'ed25519' && s.encoding === 'hex' ? sig.toString('hex') : sig.toString('base64'))
  const noTime = s.timestampHeader ? null : `${spec.name} signs the body alone, with no timestamp: a replayed delivery verifies as well as the first.`
  return {
    ...spec,
    family: s.family,
    signs: true,
    signatureHeaders: s.timestampHeader ? [s.signatureHeader, s.timestampHeader] : [s.signatureHeader],
    timestampToleranceSec: s.timestampHeader ? tolerance : undefined,
    ...(noTime ? { forgeSkips: { 'stale-timestamp': noTime, 'future-timestamp': noTime } } : {}),
    detect: (d) => (headerValue(d.headers, s.signatureHeader) !== null ? 1 : 0),
    // A public key of this scheme's curve, in the dashboard's form (what a user pastes).
    sampleSecret: () => formatPublicKey(testPrivateKey(`sample ${spec.id} ${Date.now()}`, curve), spec.keyForm),
    sign(o) {
      const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000))
      const { key } = signingKey(o.secret, curve)
      const payload = signedBytes(s.template, timestamp, o.body)
      const sig = s.family === 'ed25519' ? cryptoSign(null, payload, key) : cryptoSign('sha256', payload, { key, dsaEncoding: 'der' })
      return [
        ['Content-Type', spec.contentType],
        ...(s.timestampHeader ? [[s.timestampHeader, timestamp] as [string, string]] : []),
        [s.signatureHeader, encodeSig(sig)],
        ...(spec.extraHeaders?.(o) ?? [])
      ]
    },
    secretProblem: (value) =>
      parsePublicKey(value, curve)
        ? null
        : `${spec.name} verifies with an ${algoName(s)} public key (${keyFormWords(spec.keyForm)} as its dashboard shows it, or PEM); this value is not one.`,
    verificationKeyFor: (secret) => formatPublicKey(signingKey(secret, curve).key, spec.keyForm),
    signingNote(secret) {
      const { key, test } = signingKey(secret, curve)
      if (!test) return null
      const pub = formatPublicKey(key, spec.keyForm)
      return `${spec.name} signs with its own private key, which Hookscope does not have: this was signed with a test ${algoName(s)} key pair. To accept it, configure your handler with the test public key ${pub}.`
    },
    forgeNotes: {
      'wrong-secret': `${spec.name} signs with a key pair: a wrong-secret check means a wrong key (this delivery is signed by another key pair, as a forger without ${spec.name}'s private key would).`
    },
    verify: (d, secrets, nowMs, options) => verifyKeyPair(spec, tolerance, d, secrets, nowMs, options)
  }
}

function verifyKeyPair(
  spec: KeyPairProviderSpec,
  tolerance: number,
  d: IncomingDelivery,
  secrets: NamedSecret[],
  nowMs: number,
  options: VerifyOptions = {}
): VerifyResult {
  const s = spec.keyScheme
  const raw = headerValue(d.headers, s.signatureHeader)
  const timed = s.timestampHeader !== undefined
  const received = s.timestampHeader !== undefined ? headerValue(d.headers, s.timestampHeader) : ''
  const used = [s.signatureHeader, s.timestampHeader].filter((h): h is string => h !== undefined && headerValue(d.headers, h) !== null)
  const { report, invalid } = verdictReporter(spec.id, used, raw)
  if (raw === null) return { verdict: { status: 'missing', detail: `${spec.name} signs its deliveries, but the ${s.signatureHeader} header is absent.` }, report: report({}) }
  if (raw.trim() === '') return invalid(`The ${s.signatureHeader} header is present but empty.`)
  if (received === null || (timed && received.trim() === '')) {
    return { verdict: { status: 'missing', detail: `${spec.name} signs a timestamp, but the ${s.timestampHeader} header is absent.` }, report: report({}) }
  }
  const timestamp = received
  const payload = signedBytes(s.template, timestamp, d.body)
  const preview = previewOf(payload)
  if (secrets.length === 0) {
    return { verdict: { status: 'no-secret', detail: `Signed by ${spec.name}, but no public key is configured yet to check it.` }, report: report({ signedPayloadPreview: preview }) }
  }
  const sig = decodeSignature(s, raw)
  const wantLength = s.family === 'ed25519' ? 64 : null
  if (wantLength !== null && sig.length !== wantLength) {
    return invalid(`The signature decodes to ${sig.length} bytes; an ${algoName(s)} signature is ${wantLength}: it is truncated, garbage or encoded another way.`, { signedPayloadPreview: preview })
  }
  const keys = secrets.map((secret) => ({ secret, key: parsePublicKey(secret.value, curveOf(s)) }))
  const usable = keys.filter((k): k is { secret: NamedSecret; key: KeyObject } => k.key !== null)
  if (usable.length === 0) {
    return invalid(
      `No configured value is an ${algoName(s)} public key: ${spec.name} verifies with the public key from its dashboard (${keyFormWords(spec.keyForm)}), not a secret.`,
      { signedPayloadPreview: preview }
    )
  }
  const age = (() => {
    if (!timed) return 0
    const ts = timestampSeconds(timestamp)
    return ts === null ? null : nowMs / 1000 - ts
  })()
  for (const [i, { secret, key }] of usable.entries()) {
    if (!check(s, key, payload, sig)) continue
    const base = { signedPayloadPreview: preview, matchedSecret: secret.label }
    if (age === null || Math.abs(age) > tolerance) {
      const message = age === null ? `The timestamp "${timestamp}" is not a time.` : `The signature verifies, but the timestamp is ${describeAge(age)}, outside the ${tolerance / 60}-minute tolerance.`
      return { verdict: { status: 'stale', detail: message }, report: report({ ...base, diagnostics: [message] }) }
    }
    const rotated = i > 0 ? ` (not the first key, "${usable[0].secret.label}")` : ''
    return { verdict: { status: 'valid', detail: `Signature verifies with the ${algoName(s)} public key "${secret.label}"${rotated}.` }, report: report(base) }
  }
  const diagnostics: string[] = []
  if (options.diagnose !== false) {
    const again = reserialize(d.body)
    if (again && usable.some(({ key }) => check(s, key, signedBytes(s.template, timestamp, again), sig))) {
      diagnostics.push('Signature verifies over JSON.stringify(JSON.parse(body)) but not the raw bytes: your framework re-serializes the body; verify the raw bytes.')
    }
    if (timed && usable.some(({ key }) => check(s, key, d.body, sig))) diagnostics.push(`Signature verifies over the body alone, without the timestamp the scheme signs.`)
  }
  const n = usable.length
  diagnostics.push(
    `Signature does not verify with ${n === 1 ? `the public key "${usable[0].secret.label}"` : `any of the ${n} configured public keys`}: it was made with another key pair (another account, or a test key), or the body changed after signing; a public key cannot tell which.`
  )
  if (keys.length > usable.length) diagnostics.push(`${keys.length - usable.length} configured value(s) are not ${algoName(s)} public keys and were skipped.`)
  if (age !== null && Math.abs(age) > tolerance) diagnostics.push(`The timestamp is also ${describeAge(age)}, outside the ${tolerance / 60}-minute tolerance.`)
  return { verdict: { status: 'invalid', detail: diagnostics[0] }, report: report({ signedPayloadPreview: preview, diagnostics }) }
}

function keyFormWords(form: KeyPairProviderSpec['keyForm']): string {
  return form === 'hex-raw' ? 'hex' : form === 'base64-raw' ? 'base64' : 'base64 DER'
}
