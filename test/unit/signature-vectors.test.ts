// Test vectors for every signature scheme, computed here with node:crypto (not with the provider's own
// sign()), so a bug shared by sign() and verify() cannot hide.
import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { Header } from '../../src/shared/types'
import { createGenericProvider } from '../../src/main/engine/providers/generic'
import { getProvider } from '../../src/main/engine/providers/registry'
import type { NamedSecret, Provider } from '../../src/main/engine/providers/types'

type Enc = 'hex' | 'base64'
const mac = (alg: string, key: string | Buffer, data: string | Buffer, enc: Enc): string => createHmac(alg, key).update(data).digest(enc)
const other = (e: Enc): Enc => (e === 'hex' ? 'base64' : 'hex')

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const TS = Math.floor(NOW / 1000)
const URL = 'http://127.0.0.1:4747/hook'

interface SignOpts {
  ts: number
  /** Encode the digest the other way (hex <-> base64). */
  swapEncoding?: boolean
  /** Leave out the prefix the scheme puts before the digest. */
  dropPrefix?: boolean
  /** Add a "sha256=" prefix to a scheme that has none. */
  addPrefix?: boolean
}

interface Scheme {
  id: string
  provider: Provider
  sigHeader: string
  encoding: Enc
  /** Prefix the scheme puts before the digest ('' when none or when framed like Stripe). */
  prefix: string
  timestamped: boolean
  form?: boolean
  secret: string
  sign(body: string, secret: string, o: SignOpts): Header[]
}

const simple = (id: string, header: string, alg: string, encoding: Enc, prefix = '', secret = 'sk_test_simple_secret_0001'): Scheme => ({
  id,
  provider: getProvider(id)!,
  sigHeader: header,
  encoding,
  prefix,
  timestamped: false,
  secret,
  sign: (body, key, o) => {
    const enc = o.swapEncoding ? other(encoding) : encoding
    const p = o.dropPrefix ? '' : o.addPrefix ? 'sha256=' : prefix
    return [[header, p + mac(alg, key, body, enc)]]
  }
})

const whsecKey = (s: string): Buffer => Buffer.from(s.slice('whsec_'.length), 'base64')

const SCHEMES: Scheme[] = [
  simple('callpaymin', 'X-CallPayMin-Signature', 'sha256', 'hex'),
  simple('topcalls', 'X-TopCalls-Signature', 'sha256', 'hex'),
  simple('erzycall', 'X-Webhook-Signature', 'sha256', 'hex', 'sha256=', 'whsec_erzy_9f2a7c1d3b5e'),
  simple('github', 'X-Hub-Signature-256', 'sha256', 'hex', 'sha256='),
  simple('shopify', 'X-Shopify-Hmac-Sha256', 'sha256', 'base64'),
  {
    id: 'callcall',
    provider: getProvider('callcall')!,
    sigHeader: 'X-CallCall-Signature',
    encoding: 'hex',
    prefix: '',
    timestamped: true,
    secret: 'cc_secret_abcdef123456',
    sign: (body, key, o) => [
      ['X-CallCall-Timestamp', String(o.ts)],
      ['X-CallCall-Signature', (o.addPrefix ? 'sha256=' : '') + mac('sha256', key, `${o.ts}.${body}`, o.swapEncoding ? 'base64' : 'hex')]
    ]
  },
  {
    id: 'slack',
    provider: getProvider('slack')!,
    sigHeader: 'X-Slack-Signature',
    encoding: 'hex',
    prefix: 'v0=',
    timestamped: true,
    secret: '8f742231b10e8888abcd99yyyzzz85a5',
    sign: (body, key, o) => [
      ['X-Slack-Request-Timestamp', String(o.ts)],
      ['X-Slack-Signature', (o.dropPrefix ? '' : 'v0=') + mac('sha256', key, `v0:${o.ts}:${body}`, o.swapEncoding ? 'base64' : 'hex')]
    ]
  },
  {
    id: 'stripe',
    provider: getProvider('stripe')!,
    sigHeader: 'Stripe-Signature',
    encoding: 'hex',
    prefix: '',
    timestamped: true,
    secret: 'whsec_stripe_test_4eC39HqLyjWDarjtT1zdp7dc',
    sign: (body, key, o) => [['Stripe-Signature', `t=${o.ts},v1=${mac('sha256', key, `${o.ts}.${body}`, o.swapEncoding ? 'base64' : 'hex')}`]]
  },
  {
    id: 'standard-webhooks',
    provider: getProvider('standard-webhooks')!,
    sigHeader: 'webhook-signature',
    encoding: 'base64',
    prefix: '',
    timestamped: true,
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    sign: (body, key, o) => [
      ['webhook-id', 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W'],
      ['webhook-timestamp', String(o.ts)],
      ['webhook-signature', `v1,${mac('sha256', whsecKey(key), `msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.${o.ts}.${body}`, o.swapEncoding ? 'hex' : 'base64')}`]
    ]
  },
  {
    id: 'twilio',
    provider: getProvider('twilio')!,
    sigHeader: 'X-Twilio-Signature',
    encoding: 'base64',
    prefix: '',
    timestamped: false,
    form: true,
    secret: '12345abcdef67890auth_token',
    sign: (body, key, o) => {
      const params = [...new URLSearchParams(body)].sort(([a], [b]) => (a < b ? -1 : 1))
      const data = URL + params.map(([k, v]) => k + v).join('')
      return [['X-Twilio-Signature', (o.addPrefix ? 'sha256=' : '') + mac('sha1', key, data, o.swapEncoding ? 'hex' : 'base64')]]
    }
  },
  {
    id: 'generic',
    provider: createGenericProvider({
      header: 'X-Sig',
      algorithm: 'sha512',
      encoding: 'base64',
      prefix: 'sig=',
      template: '{timestamp}:{body}',
      timestampHeader: 'X-Sig-Time',
      secretKey: 'raw'
    }),
    sigHeader: 'X-Sig',
    encoding: 'base64',
    prefix: 'sig=',
    timestamped: true,
    secret: 'generic-secret-value-42',
    sign: (body, key, o) => [
      ['X-Sig-Time', String(o.ts)],
      ['X-Sig', (o.dropPrefix ? '' : 'sig=') + mac('sha512', key, `${o.ts}:${body}`, o.swapEncoding ? 'hex' : 'base64')]
    ]
  }
]

const JSON_BODY = '{"id":"evt_1","type":"call.ended","data":{"call_id":"call_9","name":"Ren\\u00e9e","duration":42}}'
const PRETTY_BODY = '{\n  "id" : "evt_1",\n  "type": "call.ended",\n  "data": { "call_id": "call_9", "name": "Ren\\u00e9e", "duration": 42 }\n}\n'
const FORM_BODY = 'CallSid=CA123&CallStatus=completed&From=%2B14155550100&To=%2B14155550199&Caller=Ren%C3%A9e'

function delivery(headers: Header[], body: string, ts = NOW) {
  return {
    method: 'POST',
    path: '/hook',
    headers: [['Host', '127.0.0.1:4747'], ['Content-Type', 'application/json'], ...headers] as Header[],
    body: Buffer.from(body),
    contentEncoding: null,
    receivedAt: ts
  }
}

const only = (label: string, value: string): NamedSecret[] => [{ label, value }]

describe.each(SCHEMES)('$id', (s) => {
  const body = s.form ? FORM_BODY : JSON_BODY
  const verify = (headers: Header[], b = body, secrets = only('current', s.secret)) => s.provider.verify(delivery(headers, b), secrets, NOW)
  const sig = (headers: Header[]) => headers.find(([n]) => n === s.sigHeader)![1]

  test('a correctly signed delivery is valid and the report names the header and secret', () => {
    const r = verify(s.sign(body, s.secret, { ts: TS }))
    expect(r.verdict.status).toBe('valid')
    expect(r.report?.matchedSecret).toBe('current')
    expect(r.report?.headersUsed).toContain(s.sigHeader)
    expect(r.report?.signedPayloadPreview ?? '').not.toContain(s.secret)
    expect(JSON.stringify(r)).not.toContain(s.secret)
  })

  test('the wrong secret is invalid', () => {
    const wrong = s.id === 'standard-webhooks' ? 'whsec_QWxhZGRpbjpvcGVuIHNlc2FtZQ==' : `${s.secret}-wrong`
    const r = verify(s.sign(body, wrong, { ts: TS }))
    expect(r.verdict.status).toBe('invalid')
    expect(r.verdict.detail).toMatch(/does not match/)
  })

  test('a body changed after signing is invalid', () => {
    const tampered = s.form ? body.replace('completed', 'failed') : body.replace('42', '43')
    expect(verify(s.sign(body, s.secret, { ts: TS }), tampered).verdict.status).toBe('invalid')
  })

  test('no signature header is "missing"', () => {
    const headers = s.sign(body, s.secret, { ts: TS }).filter(([n]) => n !== s.sigHeader)
    const status = verify(headers).verdict.status
    expect(status).toBe('missing')
  })

  test('an empty signature header is invalid and says so', () => {
    const headers = s.sign(body, s.secret, { ts: TS }).map(([n, v]) => [n, n === s.sigHeader ? '' : v] as Header)
    const r = verify(headers)
    expect(r.verdict.status).toBe('invalid')
    expect(r.report?.diagnostics.join(' ')).toMatch(/present but empty/)
  })

  test('a signature of the wrong length is invalid and the length is explained', () => {
    const headers = s.sign(body, s.secret, { ts: TS }).map(([n, v]) => [n, n === s.sigHeader ? v.slice(0, v.length - 7) : v] as Header)
    const r = verify(headers)
    expect(r.verdict.status).toBe('invalid')
    expect(r.report?.diagnostics.join(' ')).toMatch(/characters long/)
  })

  test('hex vs base64 confusion is diagnosed', () => {
    const r = verify(s.sign(body, s.secret, { ts: TS, swapEncoding: true }))
    expect(r.verdict.status).toBe('invalid')
    expect(r.report?.diagnostics.join(' ')).toContain(`encoded as ${other(s.encoding)}`)
  })

  test.skipIf(!s.prefix)('a missing prefix is diagnosed', () => {
    const r = verify(s.sign(body, s.secret, { ts: TS, dropPrefix: true }))
    expect(r.verdict.status).toBe('invalid')
    expect(r.verdict.detail).toContain(`lacks the "${s.prefix}" prefix`)
  })

  test.skipIf(!!s.prefix || s.id === 'stripe' || s.id === 'standard-webhooks')('an extra prefix is diagnosed', () => {
    const r = verify(s.sign(body, s.secret, { ts: TS, addPrefix: true }))
    expect(r.verdict.status).toBe('invalid')
    expect(r.report?.diagnostics.join(' ')).toContain('"sha256=" prefix is removed')
  })

  test.skipIf(!s.timestamped)('a correct signature with a timestamp 10 minutes old is stale', () => {
    const r = verify(s.sign(body, s.secret, { ts: TS - 600 }))
    expect(r.verdict.status).toBe('stale')
    expect(r.verdict.detail).toContain('10 minutes old')
  })

  test.skipIf(!!s.form)('JSON with extra whitespace and \\u00e9 escapes, signed as sent, is valid (raw bytes are signed)', () => {
    const r = verify(s.sign(PRETTY_BODY, s.secret, { ts: TS }), PRETTY_BODY)
    expect(r.verdict.status).toBe('valid')
  })

  test.skipIf(!!s.form)('a signature over JSON.stringify(JSON.parse(body)) gets the re-serialization diagnostic', () => {
    const reserialized = JSON.stringify(JSON.parse(PRETTY_BODY))
    const r = verify(s.sign(reserialized, s.secret, { ts: TS }), PRETTY_BODY)
    expect(r.verdict.status).toBe('invalid')
    expect(r.verdict.detail).toContain('re-serializes the body; verify the raw bytes')
  })

  test('rotation: a delivery signed with the previous secret is valid and says which secret matched', () => {
    const previous = s.id === 'standard-webhooks' ? 'whsec_QWxhZGRpbjpvcGVuIHNlc2FtZQ==' : `${s.secret}-previous`
    const secrets = [
      { label: 'current', value: s.secret },
      { label: 'previous', value: previous }
    ]
    const r = verify(s.sign(body, previous, { ts: TS }), body, secrets)
    expect(r.verdict.status).toBe('valid')
    expect(r.report?.matchedSecret).toBe('previous')
    expect(r.verdict.detail).toContain('"previous"')
    expect(sig(s.sign(body, previous, { ts: TS }))).toBe(r.report?.received)
  })

  test('no secret configured is "no-secret", with the signed string shown', () => {
    const r = verify(s.sign(body, s.secret, { ts: TS }), body, [])
    expect(r.verdict.status).toBe('no-secret')
    expect(r.report?.signedPayloadPreview?.length).toBeGreaterThan(0)
  })
})

describe('special cases', () => {
  test('VoIPBIN deliveries are unsigned', () => {
    const r = getProvider('voipbin')!.verify(delivery([], '{"type":"call_hungup","data":{"id":"x"}}'), only('s', 'x'), NOW)
    expect(r.verdict.status).toBe('unsigned')
  })

  test('TopCalls without a signature and without a secret is unsigned; with a secret configured it is missing', () => {
    const p = getProvider('topcalls')!
    expect(p.verify(delivery([], JSON_BODY), [], NOW).verdict.status).toBe('unsigned')
    expect(p.verify(delivery([], JSON_BODY), only('s', 'x'), NOW).verdict.status).toBe('missing')
  })

  test('Standard Webhooks signed with the whole "whsec_" string as key is diagnosed', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const headers: Header[] = [
      ['webhook-id', 'msg_1'],
      ['webhook-timestamp', String(TS)],
      ['webhook-signature', `v1,${mac('sha256', secret, `msg_1.${TS}.${JSON_BODY}`, 'base64')}`]
    ]
    const r = getProvider('standard-webhooks')!.verify(delivery(headers, JSON_BODY), only('current', secret), NOW)
    expect(r.verdict.status).toBe('invalid')
    expect(r.report?.diagnostics.join(' ')).toContain('whole "whsec_…" string is the key')
  })

  test('Stripe with a timestamp but signed over the body alone is diagnosed', () => {
    const secret = 'whsec_abc'
    const headers: Header[] = [['Stripe-Signature', `t=${TS},v1=${mac('sha256', secret, JSON_BODY, 'hex')}`]]
    const r = getProvider('stripe')!.verify(delivery(headers, JSON_BODY), only('current', secret), NOW)
    expect(r.report?.diagnostics.join(' ')).toContain('matches the body alone')
  })

  test('a timestamped scheme without its timestamp header is missing', () => {
    const headers: Header[] = [['X-Slack-Signature', 'v0=' + mac('sha256', 'k', `v0:${TS}:${JSON_BODY}`, 'hex')]]
    expect(getProvider('slack')!.verify(delivery(headers, JSON_BODY), only('c', 'k'), NOW).verdict.status).toBe('missing')
  })
})
