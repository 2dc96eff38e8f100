// Vectors for every provider in the registry, generated from the registry itself: adding a preset adds
// its rows here. HMAC schemes are recomputed with node:crypto from the preset's documented recipe (not
// with its sign()); other families are checked sign -> verify, and against the SDKs in provider-sdks.test.ts.
import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { Header } from '../../src/shared/types'
import type { IncomingDelivery } from '../../src/main/engine/inspect'
import { encode } from '../../src/main/engine/forge/build'
import { formatPublicKey, testPrivateKey } from '../../src/main/engine/providers/keys'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import type { Provider, SchemeSummary } from '../../src/main/engine/providers/types'

const NOW = Date.now()
const TS = Math.floor(NOW / 1000)
const URL_SIGNED = 'https://hooks.example.com/in/hook?x=1'
const PRESETS = PROVIDERS.filter((p) => p.id !== 'generic')

function delivery(p: Provider, headers: Header[], body: Buffer): IncomingDelivery {
  return {
    method: p.methods[0] ?? 'POST',
    path: '/in/hook?x=1',
    headers: [['Host', 'hooks.example.com'], ['X-Forwarded-Proto', 'https'], ...headers],
    body,
    contentEncoding: null,
    receivedAt: NOW
  }
}

/** The documented recipe, by hand: template placeholders filled, key decoded, digest encoded, header framed. */
function recipe(s: SchemeSummary, secret: string, body: string, ts: string, id: string, method: string): string {
  const signed = s.template
    .replace('{timestamp}', ts)
    .replace('{id}', id)
    .replace('{url}', URL_SIGNED)
    .replace('{method}', method)
    .replace('{body}', body)
  const key = s.key === 'whsec-base64' ? Buffer.from(secret.slice(6), 'base64') : s.key === 'base64' ? Buffer.from(secret, 'base64') : s.key === 'hex' ? Buffer.from(secret, 'hex') : secret
  const digest = createHmac(s.algorithm, key).update(signed).digest(s.encoding)
  if (s.framing === 'stripe' || s.framing === 'kv') {
    const kv = s.kv ?? { timestamp: 't', signature: 'v1' }
    return `${kv.timestamp}=${ts}${kv.separator ?? ','}${kv.signature}=${digest}`
  }
  if (s.framing === 'standard-webhooks') return `v1,${digest}`
  return s.prefix + digest
}

const secretFor = (p: Provider): string =>
  p.secretFormat === 'whsec' || p.summary?.key === 'whsec-base64'
    ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    : p.summary?.key === 'base64'
      ? 'c2VjcmV0LWtleS1mb3ItdGVzdHM='
      : p.summary?.key === 'hex'
        ? '8f3ac1d2e4b5a6978877665544330123'
        : 'preset_vector_secret_0123'

/** What verify() takes for what sign() was given: the public half of the test key pair for key-pair schemes. */
function verifyKeyFor(p: Provider, secret: string): string {
  if (p.family === 'ed25519') return formatPublicKey(testPrivateKey(secret, 'ed25519'), /hex/.test(p.scheme ?? '') ? 'hex-raw' : 'base64-raw')
  if (p.family === 'ecdsa-p256') return formatPublicKey(testPrivateKey(secret, 'p256'), 'base64-der')
  if (p.family === 'jwt' && p.secretFormat === 'public-key') return formatPublicKey(testPrivateKey(secret, 'p256'), 'jwk')
  return secret
}

test('the registry holds at least 80 providers with unique ids, each with a family, a source and events', () => {
  expect(PROVIDERS.length).toBeGreaterThanOrEqual(80)
  expect(new Set(PROVIDERS.map((p) => p.id)).size).toBe(PROVIDERS.length)
  for (const p of PRESETS) expect(p.events.length, p.id).toBeGreaterThan(0)
})

describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
  const event = p.events[0]
  const body = encode(p, event.sample())
  const secret = secretFor(p)
  const signed = p.sign({ body, secret, timestamp: TS, id: 'msg_vector_1', url: URL_SIGNED, method: p.methods[0], event: event.type })
  const d = delivery(p, signed, body)
  const verify = (dd: IncomingDelivery, value = verifyKeyFor(p, secret)) => p.verify(dd, [{ label: 'current', value }], NOW)

  test.runIf(p.signs)('what it signs verifies as valid', () => {
    expect(verify(d).verdict).toMatchObject({ status: 'valid' })
  })

  test.runIf(p.signs && p.family !== 'token' && p.family !== 'basic')('a body changed after signing is invalid', () => {
    const changed = Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(body[body.length - 1] === 0x7d ? ' }' : 'x')])
    expect(verify({ ...d, body: changed }).verdict.status).toBe('invalid')
  })

  test.runIf(p.signs)('another secret or key is invalid', () => {
    const other = p.family === 'ed25519' || p.family === 'ecdsa-p256' || p.secretFormat === 'public-key' ? verifyKeyFor(p, 'another') : p.summary?.key === 'base64' ? 'b3RoZXIta2V5' : secret.replace('0123', '9999').replace('MfKQ', 'AbCd')
    expect(verify(d, other).verdict.status).toBe('invalid')
  })

  test.runIf(p.signs)('without its signature header it is missing (or unsigned when signing is optional)', () => {
    const header = p.signatureHeaders[0].toLowerCase()
    const stripped = { ...d, headers: d.headers.filter(([n]) => n.toLowerCase() !== header) }
    expect(['missing', 'unsigned']).toContain(p.verify(stripped, [], NOW).verdict.status)
  })

  test.runIf(!!p.summary && (p.family === 'hmac' || p.family === undefined) && !p.summary?.template.includes('sorted'))('the signature equals the documented recipe recomputed with node:crypto', () => {
    const s = p.summary!
    const value = (n: string) => signed.find(([h]) => h.toLowerCase() === n.toLowerCase())?.[1] ?? ''
    const ts = s.timestampHeader ? value(s.timestampHeader) : String(s.timestampMs ? TS * 1000 : TS)
    const id = s.idHeader ? value(s.idHeader) : 'msg_vector_1'
    expect(value(s.signatureHeader)).toBe(recipe(s, secret, body.toString('utf8'), ts, id, p.methods[0]))
  })

  test('the event type of its first sample is read from where the preset says it lives', () => {
    const sample = event.sample()
    const fromHeaders = p.eventFromHeaders?.(signed)
    const parsed = /form/.test(p.contentType) ? Object.fromEntries(new URLSearchParams(encode(p, sample).toString())) : JSON.parse(encode(p, sample).toString())
    const type = fromHeaders?.type ?? p.eventOf(parsed).type
    if (type !== null) expect(type).toBe(event.type)
  })
})

test("every provider's verify() returns a verdict for hostile headers, hosts and bodies without throwing (inspect's catch would hide it)", () => {
  const values = ['', ' ', '=', ',', 't=', 't=abc,v1=', 'v1,', 'Bearer x.y.z', 'Basic !!!', 'Bearer eyJ.eyJ.', 'x'.repeat(70_000), '\u00e9']
  const hosts = ['127.0.0.1:1', 'bad host^', '', '[::1']
  const bodies = [Buffer.alloc(0), Buffer.from('{'), Buffer.from('a=%ZZ&&=')]
  for (const p of PROVIDERS) {
    for (const v of values) {
      for (const host of hosts) {
        for (const body of bodies) {
          const d: IncomingDelivery = { method: 'POST', path: '/x?q=%zz', headers: [['Host', host], ...p.signatureHeaders.map((n): Header => [n, v])], body, contentEncoding: null, receivedAt: NOW }
          expect(() => p.verify(d, [{ label: 'c', value: v || 's' }], NOW), `${p.id} ${JSON.stringify(v.slice(0, 12))} ${host}`).not.toThrow()
          expect(() => p.verify(d, [], NOW)).not.toThrow()
        }
      }
    }
  }
})

test("every provider's sample secret is a value its own --secret check accepts", () => {
  for (const p of PROVIDERS) {
    const sample = p.sampleSecret?.()
    if (sample !== undefined) expect(p.secretProblem?.(sample) ?? null, p.id).toBeNull()
  }
})
