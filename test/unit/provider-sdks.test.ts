// Hookscope against the providers' own npm packages: what the SDK signs, Hookscope judges valid (and a
// tampered copy invalid); what Hookscope signs, the SDK's verifier accepts. Dev dependencies only.
import { createHash, createHmac, generateKeyPairSync, sign as edSign } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import type { Header } from '../../src/shared/types'
import type { IncomingDelivery } from '../../src/main/engine/inspect'
import { detectByHeaders, getProvider } from '../../src/main/engine/providers/registry'
import type { Provider } from '../../src/main/engine/providers/types'

const require = createRequire(import.meta.url)
const HOST = 'hooks.example.com'
const nowSec = (): number => Math.floor(Date.now() / 1000)

function delivery(path: string, headers: Header[], body: string | Buffer, method = 'POST'): IncomingDelivery {
  return { method, path, headers: [['Host', HOST], ['X-Forwarded-Proto', 'https'], ...headers], body: Buffer.from(body), contentEncoding: null, receivedAt: Date.now() }
}
const provider = (id: string): Provider => getProvider(id)!
const verdict = (id: string, d: IncomingDelivery, secret: string): string => provider(id).verify(d, [{ label: 'current', value: secret }], d.receivedAt).verdict.status
// SDK entry points typed loosely: each test calls them the way the SDK's own docs show.
type SdkFn = (...args: unknown[]) => unknown
const headerOf = (headers: Header[], name: string): string => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())![1]
const JSON_BODY = JSON.stringify({ id: 'evt_1', type: 'call.ended', data: { call_id: 'call_9', duration: 42 } })
const tamper = (s: string): string => s.replace('42', '43')

describe('twilio (twilio package)', () => {
  const twilio = require('twilio') as { validateRequest: SdkFn; validateRequestWithBody: SdkFn }
  const { getExpectedTwilioSignature, getExpectedBodyHash } = require('twilio/lib/webhooks/webhooks') as { getExpectedTwilioSignature: SdkFn; getExpectedBodyHash: SdkFn }
  const token = '12345abcdef67890auth_token'

  test('a JSON delivery with bodySHA256 signed by twilio is detected and valid; a tampered body is invalid and says why', () => {
    const path = `/twilio/json?bodySHA256=${getExpectedBodyHash(JSON_BODY)}`
    const sig = getExpectedTwilioSignature(token, `https://${HOST}${path}`, {}) as string
    const d = delivery(path, [['Content-Type', 'application/json'], ['X-Twilio-Signature', sig]], JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('twilio')
    expect(verdict('twilio', d, token)).toBe('valid')
    const bad = provider('twilio').verify({ ...d, body: Buffer.from(tamper(JSON_BODY)) }, [{ label: 'c', value: token }], Date.now())
    expect(bad.verdict.status).toBe('invalid')
    expect(bad.verdict.detail).toContain('bodySHA256')
  })

  test('a form delivery signed by twilio is valid; Hookscope signs what twilio.validateRequest accepts', () => {
    const params = { CallSid: 'CA123', CallStatus: 'completed', From: '+14155550100' }
    const url = `https://${HOST}/twilio/status`
    const sig = getExpectedTwilioSignature(token, url, params) as string
    const body = new URLSearchParams(params).toString()
    const d = delivery('/twilio/status', [['Content-Type', 'application/x-www-form-urlencoded'], ['X-Twilio-Signature', sig]], body)
    expect(verdict('twilio', d, token)).toBe('valid')
    expect(verdict('twilio', { ...d, body: Buffer.from(body.replace('completed', 'failed')) }, token)).toBe('invalid')
    const ours = headerOf(provider('twilio').sign({ body: Buffer.from(body), secret: token, url }), 'X-Twilio-Signature')
    expect(twilio.validateRequest(token, ours, url, params)).toBe(true)
  })

  test('signed for https but received as http through a tunnel: valid, and the report names the URL that matched', () => {
    const params = { CallSid: 'CA9', CallStatus: 'ringing' }
    const sig = getExpectedTwilioSignature(token, `https://${HOST}/t`, params) as string
    const d: IncomingDelivery = { ...delivery('/t', [], new URLSearchParams(params).toString()), headers: [['Host', HOST], ['X-Twilio-Signature', sig]] }
    const r = provider('twilio').verify(d, [{ label: 'c', value: token }], Date.now())
    expect(r.verdict.status).toBe('valid')
    expect(r.verdict.detail).toContain(`https://${HOST}/t`)
    const slash = getExpectedTwilioSignature(token, `https://${HOST}/t/`, params) as string
    const r2 = provider('twilio').verify({ ...d, headers: [['Host', HOST], ['X-Forwarded-Proto', 'https'], ['X-Twilio-Signature', slash]] }, [{ label: 'c', value: token }], Date.now())
    expect(r2.verdict.status).toBe('invalid')
    expect(r2.verdict.detail).toContain('trailing slash')
  })
})

describe('svix and standard webhooks (svix, standardwebhooks packages)', () => {
  for (const [pkg, id, prefix] of [['svix', 'svix', 'svix'], ['standardwebhooks', 'standard-webhooks', 'webhook']] as const) {
    test(`${pkg}: signed by the package is detected and valid; tampered invalid; Hookscope's signature passes the package's verify`, () => {
      const { Webhook } = require(pkg) as { Webhook: new (s: string) => { sign(id: string, at: Date, body: string): string; verify(body: string, h: Record<string, string>): unknown } }
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
      const wh = new Webhook(secret)
      const ts = nowSec()
      const headers: Header[] = [[`${prefix}-id`, 'msg_1'], [`${prefix}-timestamp`, String(ts)], [`${prefix}-signature`, wh.sign('msg_1', new Date(ts * 1000), JSON_BODY)]]
      const d = delivery('/hook', headers, JSON_BODY)
      expect(detectByHeaders(d.headers)?.id).toBe(id)
      expect(verdict(id, d, secret)).toBe('valid')
      expect(verdict(id, { ...d, body: Buffer.from(tamper(JSON_BODY)) }, secret)).toBe('invalid')
      const ours = provider(id).sign({ body: Buffer.from(JSON_BODY), secret, id: 'msg_2' })
      expect(() => wh.verify(JSON_BODY, Object.fromEntries(ours.map(([n, v]) => [n.toLowerCase(), v])))).not.toThrow()
    })
  }
})

describe('telnyx (telnyx package, Ed25519)', () => {
  const { TelnyxWebhook } = require('telnyx/lib/webhooks') as { TelnyxWebhook: new (key: string) => { verify(body: string, h: Record<string, string>): Promise<void> } }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()

  test('a delivery signed as Telnyx signs (proven by the SDK) is detected and valid; tampered invalid', async () => {
    const ts = String(nowSec())
    const sig = edSign(null, Buffer.from(`${ts}|${JSON_BODY}`), privateKey).toString('base64')
    const headers: Header[] = [['telnyx-signature-ed25519', sig], ['telnyx-timestamp', ts]]
    await expect(new TelnyxWebhook(pub).verify(JSON_BODY, Object.fromEntries(headers))).resolves.toBeUndefined()
    const d = delivery('/telnyx', headers, JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('telnyx')
    expect(verdict('telnyx', d, pub)).toBe('valid')
    const bad = provider('telnyx').verify({ ...d, body: Buffer.from(tamper(JSON_BODY)) }, [{ label: 'k', value: pub }], Date.now())
    expect(bad.verdict.status).toBe('invalid')
    expect(bad.verdict.detail).toContain('another key pair')
  })

  test("Hookscope's signature passes TelnyxWebhook.verify: with the user's private key, or with the test key pair it names", async () => {
    const body = Buffer.from(JSON_BODY)
    const own = provider('telnyx').sign({ body, secret: pem })
    await expect(new TelnyxWebhook(pub).verify(JSON_BODY, Object.fromEntries(own))).resolves.toBeUndefined()
    const note = provider('telnyx').signingNote!(pub)!
    const testKey = /public key (\S+)\.$/.exec(note)![1]
    const withTest = provider('telnyx').sign({ body, secret: pub })
    await expect(new TelnyxWebhook(testKey).verify(JSON_BODY, Object.fromEntries(withTest))).resolves.toBeUndefined()
    expect(verdict('telnyx', delivery('/t', withTest, body), testKey)).toBe('valid')
  })
})

describe('plivo (plivo package, V3)', () => {
  const plivo = require('plivo') as { validateV3Signature: SdkFn }
  const token = 'MAODUMNTYXYZ-plivo-auth-token'
  test("Hookscope's V3 signature passes plivo.validateV3Signature; an independent one is detected and valid; tampered invalid", () => {
    const params = { CallUUID: 'c1', CallStatus: 'completed', From: '14155550100' }
    const url = `https://${HOST}/plivo?b=2&a=1`
    const body = new URLSearchParams(params).toString()
    const signed = provider('plivo').sign({ body: Buffer.from(body), secret: token, url, method: 'POST' })
    const nonce = headerOf(signed, 'X-Plivo-Signature-V3-Nonce')
    expect(plivo.validateV3Signature('POST', url, nonce, token, headerOf(signed, 'X-Plivo-Signature-V3'), params)).toBe(true)
    const independent = createHmac('sha256', token).update(`https://${HOST}/plivo?a=1&b=2.CallStatuscompletedCallUUIDc1From14155550100.${nonce}`).digest('base64')
    const d = delivery('/plivo?b=2&a=1', [['Content-Type', 'application/x-www-form-urlencoded'], ['X-Plivo-Signature-V3', `${independent},other`], ['X-Plivo-Signature-V3-Nonce', nonce]], body)
    expect(detectByHeaders(d.headers)?.id).toBe('plivo')
    expect(verdict('plivo', d, token)).toBe('valid')
    expect(verdict('plivo', { ...d, body: Buffer.from(body.replace('completed', 'failed')) }, token)).toBe('invalid')
  })
})

describe('sendgrid (@sendgrid/eventwebhook, ECDSA P-256)', () => {
  const { EventWebhook } = require('@sendgrid/eventwebhook') as { EventWebhook: new () => { convertPublicKeyToECDSA(k: string): unknown; verifySignature(k: unknown, p: string, s: string, t: string): boolean } }
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const ew = new EventWebhook()
  const body = JSON.stringify([{ email: 'a@example.com', event: 'delivered', sg_event_id: 'e1', timestamp: 1 }])

  test("Hookscope's signature passes the SDK; an SDK-proven signature is detected and valid; tampered invalid", () => {
    const signed = provider('sendgrid').sign({ body: Buffer.from(body), secret: pem })
    const sig = headerOf(signed, 'X-Twilio-Email-Event-Webhook-Signature')
    const ts = headerOf(signed, 'X-Twilio-Email-Event-Webhook-Timestamp')
    expect(ew.verifySignature(ew.convertPublicKeyToECDSA(pub), body, sig, ts)).toBe(true)
    const d = delivery('/sendgrid', signed, body)
    expect(detectByHeaders(d.headers)?.id).toBe('sendgrid')
    expect(verdict('sendgrid', d, pub)).toBe('valid')
    expect(verdict('sendgrid', { ...d, body: Buffer.from(body.replace('delivered', 'bounce')) }, pub)).toBe('invalid')
    expect(provider('sendgrid').eventOf(JSON.parse(body))).toEqual({ type: 'delivered', id: 'e1' })
  })
})

describe('vonage (@vonage/jwt)', () => {
  const { verifySignature } = require('@vonage/jwt') as { verifySignature(jwt: string, secret: string): boolean }
  const jwt = require('jsonwebtoken') as { sign(claims: object, secret: string, o: object): string }
  const secret = 'vonage-signature-secret-0123456789abcdef'
  test("Hookscope's JWT passes verifySignature; a jsonwebtoken JWT with payload_hash is valid; a changed body is invalid with the reason", () => {
    const signed = provider('vonage').sign({ body: Buffer.from(JSON_BODY), secret })
    expect(verifySignature(headerOf(signed, 'Authorization').replace('Bearer ', ''), secret)).toBe(true)
    const token = jwt.sign({ iat: nowSec(), jti: 'j1', api_key: 'k', payload_hash: createHash('sha256').update(JSON_BODY).digest('hex') }, secret, { algorithm: 'HS256' })
    const d = delivery('/vonage', [['Authorization', `Bearer ${token}`]], JSON_BODY)
    expect(verdict('vonage', d, secret)).toBe('valid')
    const bad = provider('vonage').verify({ ...d, body: Buffer.from(tamper(JSON_BODY)) }, [{ label: 'c', value: secret }], Date.now())
    expect(bad.verdict.status).toBe('invalid')
    expect(bad.verdict.detail).toContain('payload_hash')
    const old = jwt.sign({ iat: nowSec() - 600, exp: nowSec() - 300 }, secret, { algorithm: 'HS256' })
    expect(verdict('vonage', delivery('/v', [['Authorization', `Bearer ${old}`]], JSON_BODY), secret)).toBe('stale')
  })
})

describe('discord (discord-interactions, Ed25519 hex)', () => {
  const { verifyKey } = require('discord-interactions') as { verifyKey(b: string, s: string, t: string, k: string): Promise<boolean> }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pubHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  test("Hookscope's signature passes verifyKey; it is detected and valid; tampered invalid", async () => {
    const body = JSON.stringify({ id: '1', type: 1 })
    const signed = provider('discord').sign({ body: Buffer.from(body), secret: pem })
    expect(await verifyKey(body, headerOf(signed, 'X-Signature-Ed25519'), headerOf(signed, 'X-Signature-Timestamp'), pubHex)).toBe(true)
    const d = delivery('/discord', signed, body)
    expect(detectByHeaders(d.headers)?.id).toBe('discord')
    expect(verdict('discord', d, pubHex)).toBe('valid')
    expect(verdict('discord', { ...d, body: Buffer.from(body.replace('1', '2')) }, pubHex)).toBe('invalid')
  })
})

describe('retell (retell-sdk)', () => {
  const retell = require('retell-sdk') as { sign(b: string, k: string): Promise<string>; verify(b: string, k: string, s: string): Promise<boolean> }
  const key = 'key_retell_0123456789abcdef'
  test('signed by retell-sdk is detected and valid; tampered invalid; Hookscope signs what retell verify accepts', async () => {
    const sig = await retell.sign(JSON_BODY, key)
    const d = delivery('/retell', [['x-retell-signature', sig]], JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('retell')
    expect(verdict('retell', d, key)).toBe('valid')
    expect(verdict('retell', { ...d, body: Buffer.from(tamper(JSON_BODY)) }, key)).toBe('invalid')
    const ours = headerOf(provider('retell').sign({ body: Buffer.from(JSON_BODY), secret: key }), 'x-retell-signature')
    expect(await retell.verify(JSON_BODY, key, ours)).toBe(true)
  })
})

describe('github (@octokit/webhooks-methods)', () => {
  test('signed by octokit is valid; Hookscope signs what octokit verify accepts', async () => {
    const { sign, verify } = (await import('@octokit/webhooks-methods')) as { sign(s: string, b: string): Promise<string>; verify(s: string, b: string, sig: string): Promise<boolean> }
    const secret = 'gh-secret'
    const d = delivery('/gh', [['X-Hub-Signature-256', await sign(secret, JSON_BODY)], ['X-GitHub-Event', 'push']], JSON_BODY)
    expect(verdict('github', d, secret)).toBe('valid')
    expect(verdict('github', { ...d, body: Buffer.from(tamper(JSON_BODY)) }, secret)).toBe('invalid')
    const ours = headerOf(provider('github').sign({ body: Buffer.from(JSON_BODY), secret }), 'X-Hub-Signature-256')
    expect(await verify(secret, JSON_BODY, ours)).toBe(true)
  })
})

describe('HMAC presets against their providers\' packages', () => {
  const ours = (id: string, body: string, secret: string, url?: string): Header[] => provider(id).sign({ body: Buffer.from(body), secret, url })

  test('stripe: a header from stripe.webhooks.generateTestHeaderString is valid; Hookscope\'s passes constructEvent', async () => {
    const Stripe = require('stripe') as new (k: string) => { webhooks: { generateTestHeaderString(o: object): string; constructEvent(b: string, h: string, s: string): unknown } }
    const stripe = new Stripe('sk_test_123')
    const secret = 'whsec_test_secret'
    const header = stripe.webhooks.generateTestHeaderString({ payload: JSON_BODY, secret })
    const d = delivery('/stripe', [['Stripe-Signature', header]], JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('stripe')
    expect(verdict('stripe', d, secret)).toBe('valid')
    expect(verdict('stripe', { ...d, body: Buffer.from(tamper(JSON_BODY)) }, secret)).toBe('invalid')
    expect(() => stripe.webhooks.constructEvent(JSON_BODY, headerOf(ours('stripe', JSON_BODY, secret), 'Stripe-Signature'), secret)).not.toThrow()
  })

  test('razorpay: validateWebhookSignature accepts what Hookscope signs; its own HMAC recipe is valid here', () => {
    const { validateWebhookSignature } = require('razorpay/dist/utils/razorpay-utils') as { validateWebhookSignature(b: string, s: string, k: string): boolean }
    const secret = 'rzp_webhook_secret'
    const sig = headerOf(ours('razorpay', JSON_BODY, secret), 'X-Razorpay-Signature')
    expect(validateWebhookSignature(JSON_BODY, sig, secret)).toBe(true)
    expect(verdict('razorpay', delivery('/r', [['X-Razorpay-Signature', sig]], JSON_BODY), secret)).toBe('valid')
    expect(validateWebhookSignature(tamper(JSON_BODY), sig, secret)).toBe(false)
  })

  test('line: validateSignature accepts what Hookscope signs', () => {
    const { validateSignature } = require('@line/bot-sdk') as { validateSignature(b: string, s: string, sig: string): boolean }
    const secret = 'line-channel-secret'
    const sig = headerOf(ours('line', JSON_BODY, secret), 'x-line-signature')
    expect(validateSignature(JSON_BODY, secret, sig)).toBe(true)
    expect(validateSignature(tamper(JSON_BODY), secret, sig)).toBe(false)
  })

  test('paddle: Paddle webhooks.isSignatureValid accepts what Hookscope signs', async () => {
    const { Paddle } = require('@paddle/paddle-node-sdk') as { Paddle: new (k: string) => { webhooks: { isSignatureValid(b: string, k: string, s: string): Promise<boolean> } } }
    const paddle = new Paddle('pdl_sdbx_apikey_test')
    const secret = 'pdl_ntfset_secret'
    const sig = headerOf(ours('paddle', JSON_BODY, secret), 'Paddle-Signature')
    expect(await paddle.webhooks.isSignatureValid(JSON_BODY, secret, sig)).toBe(true)
    expect(await paddle.webhooks.isSignatureValid(tamper(JSON_BODY), secret, sig)).toBe(false)
    expect(verdict('paddle', delivery('/p', [['Paddle-Signature', sig]], JSON_BODY), secret)).toBe('valid')
  })

  test('sanity: encodeSignatureHeader output is valid here; Hookscope\'s passes isValidSignature', async () => {
    const sanity = (await import('@sanity/webhook')) as { encodeSignatureHeader(b: string, t: number, s: string): Promise<string>; isValidSignature(b: string, sig: string, s: string): Promise<boolean> }
    const secret = 'sanity-secret'
    const header = await sanity.encodeSignatureHeader(JSON_BODY, Date.now(), secret)
    const d = delivery('/s', [['sanity-webhook-signature', header]], JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('sanity')
    expect(verdict('sanity', d, secret)).toBe('valid')
    expect(verdict('sanity', { ...d, body: Buffer.from(tamper(JSON_BODY)) }, secret)).toBe('invalid')
    expect(await sanity.isValidSignature(JSON_BODY, headerOf(ours('sanity', JSON_BODY, secret), 'sanity-webhook-signature'), secret)).toBe(true)
  })

  test('elevenlabs: webhooks.constructEvent accepts what Hookscope signs and refuses a tampered body', async () => {
    const { WebhooksClient } = require('@elevenlabs/elevenlabs-js/wrapper/webhooks') as { WebhooksClient: new () => { constructEvent(b: string, h: string, s: string): Promise<unknown> } }
    const secret = 'wsec_elevenlabs'
    const header = headerOf(ours('elevenlabs', JSON_BODY, secret), 'ElevenLabs-Signature')
    await expect(new WebhooksClient().constructEvent(JSON_BODY, header, secret)).resolves.toEqual(JSON.parse(JSON_BODY))
    await expect(new WebhooksClient().constructEvent(tamper(JSON_BODY), header, secret)).rejects.toThrow()
  })

  test('square: WebhooksHelper.verifySignature accepts what Hookscope signs for the notification URL; Hookscope names a URL mismatch', async () => {
    const { WebhooksHelper } = require('square') as { WebhooksHelper: { verifySignature(o: object): Promise<boolean> } }
    const key = 'square-signature-key'
    const url = `https://${HOST}/square`
    const sig = headerOf(ours('square', JSON_BODY, key, url), 'x-square-hmacsha256-signature')
    expect(await WebhooksHelper.verifySignature({ requestBody: JSON_BODY, signatureHeader: sig, signatureKey: key, notificationUrl: url })).toBe(true)
    expect(verdict('square', delivery('/square', [['x-square-hmacsha256-signature', sig]], JSON_BODY), key)).toBe('valid')
    const r = provider('square').verify(delivery('/square/', [['x-square-hmacsha256-signature', sig]], JSON_BODY), [{ label: 'k', value: key }], Date.now())
    expect(r.verdict.status).toBe('invalid')
    expect(r.verdict.detail).toContain('trailing slash')
  })
})

describe('sinch (@sinch/sdk-core): voice application-signed callbacks, conversation webhooks', () => {
  const { VoiceCallbackWebhooks, generateAuthorizationHeader, validateWebhookSignature } = require('@sinch/sdk-core') as {
    VoiceCallbackWebhooks: new (p: { applicationKey: string; applicationSecret: string }) => { validateAuthenticationHeader(h: Record<string, string>, body: string, path: string, method: string): boolean }
    generateAuthorizationHeader: SdkFn
    validateWebhookSignature(secret: string, headers: Record<string, string>, body: string): boolean
  }
  const key = '669E367E-6BBA-48AB-AF15-266871C28135'
  const secret = 'BeIukql3pTKJ8RGL5zo0DA=='
  const path = '/sinch/callback/ace'

  test("the worked example of Sinch's callback-signing page verifies (at its own time); a tampered body or another key does not", () => {
    const body = '{"event":"ace","callid":"822aa4b7-05b4-4d83-87c7-1f835ee0b6f6_257","timestamp":"2014-09-24T10:59:41Z","version":1}'
    const headers: Header[] = [['Content-Type', 'application/json'], ['x-timestamp', '2014-09-24T10:59:41Z'], ['authorization', `application ${key}:Tg6fMyo8mj9pYfWQ9ssbx3Tc1BNC87IEygAfLbJqZb4=`]]
    const d = { ...delivery(path, headers, body), receivedAt: Date.parse('2014-09-24T10:59:41Z') }
    expect(detectByHeaders(d.headers)?.id).toBe('sinch-voice')
    const check = (dd: IncomingDelivery, value: string) => provider('sinch-voice').verify(dd, [{ label: 'c', value }], dd.receivedAt).verdict.status
    expect(check(d, `${key}:${secret}`)).toBe('valid')
    expect(check(d, secret)).toBe('valid')
    expect(check({ ...d, body: Buffer.from(body.replace('"version":1', '"version":2')) }, `${key}:${secret}`)).toBe('invalid')
    expect(check(d, `00000000-0000-0000-0000-000000000000:${secret}`)).toBe('invalid')
    expect(provider('sinch-voice').verify(d, [{ label: 'c', value: secret }], Date.now()).verdict.status).toBe('stale')
  })

  test("what the SDK signs is valid here and a tampered copy invalid; what Hookscope signs passes validateAuthenticationHeader", () => {
    const ts = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    const auth = generateAuthorizationHeader('POST', JSON_BODY, 'application/json', `x-timestamp:${ts}`, path, key, secret) as string
    const d = delivery(path, [['Content-Type', 'application/json'], ['x-timestamp', ts], ['Authorization', auth]], JSON_BODY)
    expect(verdict('sinch-voice', d, `${key}:${secret}`)).toBe('valid')
    expect(verdict('sinch-voice', { ...d, body: Buffer.from(tamper(JSON_BODY)) }, `${key}:${secret}`)).toBe('invalid')
    const ours = provider('sinch-voice').sign({ body: Buffer.from(JSON_BODY), secret: `${key}:${secret}`, url: `https://${HOST}${path}` })
    const sdk = new VoiceCallbackWebhooks({ applicationKey: key, applicationSecret: secret })
    expect(sdk.validateAuthenticationHeader(Object.fromEntries(ours), JSON_BODY, path, 'POST')).toBe(true)
    expect(sdk.validateAuthenticationHeader(Object.fromEntries(ours), tamper(JSON_BODY), path, 'POST')).toBe(false)
  })

  test('conversation: what Hookscope signs passes validateWebhookSignature; a tampered body does not', () => {
    const conversationSecret = 'sinch-conversation-secret-0123'
    const ours = provider('sinch-conversation').sign({ body: Buffer.from(JSON_BODY), secret: conversationSecret, id: 'nonce-1' })
    expect(validateWebhookSignature(conversationSecret, Object.fromEntries(ours), JSON_BODY)).toBe(true)
    expect(validateWebhookSignature(conversationSecret, Object.fromEntries(ours), tamper(JSON_BODY))).toBe(false)
    expect(verdict('sinch-conversation', delivery('/c', ours, JSON_BODY), conversationSecret)).toBe('valid')
  })
})

describe('plaid (ES256 JWT; the plaid package has no webhook verifier, so jsonwebtoken is the independent signer and verifier)', () => {
  const jwt = require('jsonwebtoken') as { sign(claims: object, key: string, o: object): string; verify(token: string, key: string, o: object): Record<string, unknown> }
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const publicPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString()
  // The JWK as /webhook_verification_key/get returns it: the key plus alg, kid, use and validity members.
  const jwk = JSON.stringify({ alg: 'ES256', created_at: 1560466150, expired_at: null, kid: 'bfbd5111-8e33-4643-8ced-b2e642a72f3c', use: 'sig', ...pair.publicKey.export({ format: 'jwk' }) })
  const bodyHash = (body: string): string => createHash('sha256').update(body).digest('hex')

  test('a jsonwebtoken ES256 JWT with request_body_sha256 is valid with the pasted JWK; a changed body, another key, an old iat are not', () => {
    const token = jwt.sign({ request_body_sha256: bodyHash(JSON_BODY) }, privatePem, { algorithm: 'ES256', keyid: 'bfbd5111-8e33-4643-8ced-b2e642a72f3c' })
    const d = delivery('/plaid', [['Content-Type', 'application/json'], ['Plaid-Verification', token]], JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('plaid')
    expect(verdict('plaid', d, jwk)).toBe('valid')
    expect(verdict('plaid', d, publicPem)).toBe('valid')
    const changed = provider('plaid').verify({ ...d, body: Buffer.from(tamper(JSON_BODY)) }, [{ label: 'k', value: jwk }], Date.now())
    expect(changed.verdict.status).toBe('invalid')
    expect(changed.verdict.detail).toContain('request_body_sha256')
    const other = JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }))
    expect(verdict('plaid', d, other)).toBe('invalid')
    const old = jwt.sign({ iat: nowSec() - 600, request_body_sha256: bodyHash(JSON_BODY) }, privatePem, { algorithm: 'ES256' })
    expect(verdict('plaid', delivery('/plaid', [['Plaid-Verification', old]], JSON_BODY), jwk)).toBe('stale')
  })

  test('what Hookscope signs with the private key passes jsonwebtoken.verify (ES256) and carries the body hash', () => {
    const token = headerOf(provider('plaid').sign({ body: Buffer.from(JSON_BODY), secret: privatePem }), 'Plaid-Verification')
    const claims = jwt.verify(token, publicPem, { algorithms: ['ES256'] })
    expect(claims.request_body_sha256).toBe(bodyHash(JSON_BODY))
    expect(provider('plaid').signingNote?.(privatePem)).toBeNull()
    const otherPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }).toString()
    expect(() => jwt.verify(token, otherPem, { algorithms: ['ES256'] })).toThrow()
  })
})

describe('gohighlevel (@gohighlevel/api-client WebhookManager, Ed25519 over the raw body)', () => {
  const { WebhookManager } = require('@gohighlevel/api-client') as {
    WebhookManager: new (logger: object, storage: object, oauth: object) => { verifyEd25519Signature(payload: Buffer | string, signature: string, publicKey: string): boolean }
  }
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }
  const manager = new WebhookManager(quiet, {}, {})
  const pair = generateKeyPairSync('ed25519')
  const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const publicPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString()

  test('a signature the SDK accepts is detected and valid with the PEM key; a tampered body is invalid', () => {
    const sig = edSign(null, Buffer.from(JSON_BODY), pair.privateKey).toString('base64')
    expect(manager.verifyEd25519Signature(Buffer.from(JSON_BODY), sig, publicPem)).toBe(true)
    const d = delivery('/ghl', [['Content-Type', 'application/json'], ['x-ghl-signature', sig]], JSON_BODY)
    expect(detectByHeaders(d.headers)?.id).toBe('gohighlevel')
    expect(verdict('gohighlevel', d, publicPem)).toBe('valid')
    expect(verdict('gohighlevel', { ...d, body: Buffer.from(tamper(JSON_BODY)) }, publicPem)).toBe('invalid')
  })

  test("Hookscope's signature passes verifyEd25519Signature: with the user's private key, or with the test key pair it names", () => {
    const ours = headerOf(provider('gohighlevel').sign({ body: Buffer.from(JSON_BODY), secret: privatePem }), 'x-ghl-signature')
    expect(manager.verifyEd25519Signature(Buffer.from(JSON_BODY), ours, publicPem)).toBe(true)
    expect(manager.verifyEd25519Signature(Buffer.from(tamper(JSON_BODY)), ours, publicPem)).toBe(false)
    const testSigned = headerOf(provider('gohighlevel').sign({ body: Buffer.from(JSON_BODY), secret: publicPem }), 'x-ghl-signature')
    const testKey = provider('gohighlevel').verificationKeyFor!(publicPem)
    expect(provider('gohighlevel').signingNote?.(publicPem)).toContain(testKey)
    expect(manager.verifyEd25519Signature(Buffer.from(JSON_BODY), testSigned, testKey)).toBe(true)
  })
})
