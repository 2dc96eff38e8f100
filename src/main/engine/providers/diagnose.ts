// Why a signature did not match, in sentences: each check recomputes the HMAC under one plausible
// mistake (re-serialized JSON, missing timestamp, wrong encoding, prefix, key format) and says so when it fits.
import { hmac, safeEqual } from './hmac'
import {
  describeAge,
  digest,
  keyOf,
  payloadFor,
  sameDigest,
  type HmacProviderSpec,
  type ParsedHeader,
  type PayloadInput
} from './hmac-scheme'
import type { NamedSecret } from './types'

export interface DiagnoseInput {
  spec: HmacProviderSpec
  parsed: ParsedHeader
  input: PayloadInput
  secrets: NamedSecret[]
  tolerance: number | undefined
  age: number | null
}

const ALGO_NAME = { sha1: 'HMAC-SHA1', sha256: 'HMAC-SHA256', sha512: 'HMAC-SHA512' } as const

/** One sentence, and which of the secrets it is about (its index), so the values shown beside it use that one. */
export interface Diagnosis {
  text: string
  secret: number | null
}

export function diagnose({ spec, parsed, input, secrets, tolerance, age }: DiagnoseInput): Diagnosis[] {
  const s = spec.summary
  const out: Diagnosis[] = []
  const received = parsed.signatures
  /** The first secret under which some variant payload/key/encoding matches a received signature. */
  const matchWith = (payload: Buffer, key?: (secret: string) => Buffer | string): { label: string; index: number } | null => {
    for (let index = 0; index < secrets.length; index++) {
      const secret = secrets[index]
      const expected = digest(s, key ? key(secret.value) : keyOf(s, secret.value), payload)
      if (received.some((sig) => sameDigest(s, sig, expected))) return { label: secret.label, index }
    }
    return null
  }
  const say = (text: string, secret: number | null = null): void => void out.push({ text, secret })

  const reserialized = reserialize(input.body)
  if (reserialized) {
    const hit = matchWith(payloadFor(spec, { ...input, body: reserialized }))
    if (hit) {
      say(
        `Signature matches JSON.stringify(JSON.parse(body)) but not the raw bytes: your framework re-serializes the body; verify the raw bytes (secret "${hit.label}").`,
        hit.index
      )
    }
  }
  if (s.template !== '{body}' && !spec.payload) {
    const hit = matchWith(input.body)
    if (hit) say(`Signature matches the body alone, without the ${s.template.replace('{body}', '')} part the scheme signs (secret "${hit.label}").`, hit.index)
  }
  if (!s.prefix && !s.framing) {
    for (const prefix of ['sha256=', 'sha1=', 'sha512=', 'v1=', 'v0=']) {
      const stripped = received.filter((sig) => sig.startsWith(prefix)).map((sig) => sig.slice(prefix.length))
      const index = stripped.length ? matchingSecret(spec, input, secrets, stripped) : -1
      if (index !== -1) say(`Signature matches once the "${prefix}" prefix is removed: ${spec.name} sends the bare digest (secret "${secrets[index].label}").`, index)
    }
  }
  const other = s.encoding === 'hex' ? 'base64' : 'hex'
  for (let index = 0; index < secrets.length; index++) {
    const mac = hmac(s.algorithm, keyOf(s, secrets[index].value), payloadFor(spec, input))
    if (received.some((sig) => safeEqual(sig, mac.toString(other)))) {
      say(`Signature is the right HMAC but encoded as ${other}; ${spec.name} uses ${s.encoding} (secret "${secrets[index].label}").`, index)
      break
    }
  }
  if (s.key === 'whsec-base64') {
    const hit = matchWith(payloadFor(spec, input), (v) => v)
    if (hit) say(`Signature matches when the whole "whsec_…" string is the key; ${spec.name} uses the base64-decoded part after "whsec_" (secret "${hit.label}").`, hit.index)
  } else if (s.key === 'hex' || s.key === 'base64') {
    const hit = matchWith(payloadFor(spec, input), (v) => v)
    if (hit) say(`Signature matches with the secret's characters as the key; ${spec.name} decodes the secret from ${s.key} first (secret "${hit.label}").`, hit.index)
  } else {
    const hit = matchWith(payloadFor(spec, input), (v) => Buffer.from(v.replace(/^whsec_/, ''), 'base64'))
    if (hit) say(`Signature matches with the base64-decoded secret; ${spec.name} uses the secret string exactly as given (secret "${hit.label}").`, hit.index)
  }
  const bytes = digestBytes(s.algorithm)
  const expectedLength = s.encoding === 'hex' ? bytes * 2 : s.encoding === 'base64url' ? Math.ceil((bytes * 4) / 3) : 4 * Math.ceil(bytes / 3)
  const lengths = received.map((sig) => sig.length)
  const oneSecret = secrets.length === 1 ? 0 : null
  if (out.length === 0 && lengths.every((n) => n !== expectedLength)) {
    say(
      `The signature is ${lengths.join('/')} characters long; a ${s.encoding} ${ALGO_NAME[s.algorithm]} is ${expectedLength}: it is truncated, garbage or made another way.`,
      oneSecret
    )
  }
  const stale = tolerance !== undefined && age !== null && Math.abs(age) > tolerance
  if (stale) say(`The timestamp is also ${describeAge(age!)}, outside the ${tolerance! / 60}-minute tolerance.`, oneSecret)
  if (out.length === 0 || (out.length === 1 && stale)) {
    const n = secrets.length
    out.unshift({
      text: `Signature does not match the raw body with ${n === 1 ? `secret "${secrets[0].label}"` : `any of the ${n} configured secrets`}: a different secret, or the body changed after signing.`,
      secret: oneSecret
    })
  }
  return out
}

function matchingSecret(spec: HmacProviderSpec, input: PayloadInput, secrets: NamedSecret[], sigs: string[]): number {
  return secrets.findIndex((secret) => {
    const expected = digest(spec.summary, keyOf(spec.summary, secret.value), payloadFor(spec, input))
    return sigs.some((sig) => sameDigest(spec.summary, sig, expected))
  })
}

function digestBytes(algorithm: 'sha1' | 'sha256' | 'sha512'): number {
  return algorithm === 'sha1' ? 20 : algorithm === 'sha256' ? 32 : 64
}

/** Re-serializing costs a parse and a stringify; hostile bodies with bad signatures must not make that a flood cost. */
const RESERIALIZE_LIMIT = 256 * 1024

/** The bytes `JSON.stringify(req.body)` would produce, when they differ from what arrived. */
export function reserialize(body: Buffer): Buffer | null {
  if (body.length === 0 || body.length > RESERIALIZE_LIMIT) return null
  const first = body[0] === 0xef ? body[3] : body[0]
  if (first !== 0x7b && first !== 0x5b) return null
  try {
    const again = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))))
    return again.equals(body) ? null : again
  } catch {
    return null
  }
}
