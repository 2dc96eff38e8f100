// Public and private keys in the forms providers' dashboards show them (base64, hex, PEM), and the
// test key pairs Hookscope signs with when it only has a public key: derived from what the user gave,
// so the same input always yields the same test key (configure it once in the handler).
import { createECDH, createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto'

export type KeyCurve = 'ed25519' | 'p256'

const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex')
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex')
const P256_SPKI = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex')

function decodeText(value: string): Buffer | null {
  const v = value.trim().replace(/\s+/g, '')
  if (/^(0x)?[0-9a-fA-F]+$/.test(v) && v.replace(/^0x/, '').length % 2 === 0) return Buffer.from(v.replace(/^0x/, ''), 'hex')
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  return null
}

function curveOf(key: KeyObject): KeyCurve | null {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519'
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'p256'
  return null
}

/** A public key from PEM, base64 or hex (raw key bytes or DER SPKI); a private key yields its public half. Null when not a key of that curve. */
export function parsePublicKey(value: string, curve: KeyCurve): KeyObject | null {
  try {
    const text = value.trim()
    let key: KeyObject
    if (text.startsWith('{')) {
      // A JWK, as key endpoints return it (Plaid's /webhook_verification_key/get); extra members are ignored.
      key = createPublicKey({ key: JSON.parse(text) as JsonWebKey, format: 'jwk' })
    } else if (text.includes('-----BEGIN')) {
      key = /PRIVATE KEY/.test(text) ? createPublicKey(createPrivateKey(text)) : createPublicKey(text)
    } else {
      const bytes = decodeText(text)
      if (!bytes) return null
      if (curve === 'ed25519' && bytes.length === 32) key = createPublicKey({ key: Buffer.concat([ED25519_SPKI, bytes]), format: 'der', type: 'spki' })
      else if (curve === 'p256' && bytes.length === 65 && bytes[0] === 4) key = createPublicKey({ key: Buffer.concat([P256_SPKI, bytes]), format: 'der', type: 'spki' })
      else key = createPublicKey({ key: bytes, format: 'der', type: 'spki' })
    }
    return curveOf(key) === curve ? key : null
  } catch {
    return null
  }
}

/** A private key given as PEM (PKCS#8 or SEC1), or null. */
export function parsePrivateKey(value: string, curve: KeyCurve): KeyObject | null {
  if (!/PRIVATE KEY/.test(value)) return null
  try {
    const key = createPrivateKey(value.trim())
    return curveOf(key) === curve ? key : null
  } catch {
    return null
  }
}

/** A deterministic test key pair derived from `from` (a public key, a label): Hookscope cannot sign as the provider. */
export function testPrivateKey(from: string, curve: KeyCurve): KeyObject {
  const seed = createHash('sha256').update(`hookscope test key pair|${curve}|${from}`).digest()
  if (curve === 'ed25519') return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' })
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(seed)
  const point = ecdh.getPublicKey()
  const b64u = (b: Buffer): string => b.toString('base64url')
  return createPrivateKey({
    key: { kty: 'EC', crv: 'P-256', d: b64u(seed), x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk'
  })
}

/** The key a send or forge run signs with: the user's private key, or the test key pair derived from what they gave. */
export function signingKey(secret: string, curve: KeyCurve): { key: KeyObject; test: boolean } {
  const own = parsePrivateKey(secret, curve)
  return own ? { key: own, test: false } : { key: testPrivateKey(secret, curve), test: true }
}

/** A public key in the form the provider shows: raw base64 or hex (Ed25519), base64 DER (P-256), a JWK (Plaid). */
export function formatPublicKey(key: KeyObject, form: 'base64-raw' | 'hex-raw' | 'base64-der' | 'jwk'): string {
  if (form === 'jwk') return JSON.stringify(createPublicKey(key).export({ format: 'jwk' }))
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' })
  if (form === 'base64-der') return der.toString('base64')
  const raw = der.subarray(der.length - 32)
  return form === 'hex-raw' ? raw.toString('hex') : raw.toString('base64')
}
