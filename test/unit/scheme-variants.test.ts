// Scheme shapes added with the second provider batch: a signed request (Sinch Voice: method, body MD5,
// Content-Type, x-timestamp, path), a shared token in a header the user names (AssemblyAI), an HMAC keyed
// with a hex-decoded secret (Dixa) and one in Authorization with a base64-decoded key (Microsoft Teams).
import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { Header } from '../../src/shared/types'
import type { IncomingDelivery } from '../../src/main/engine/inspect'
import { detectByHeaders, getProvider } from '../../src/main/engine/providers/registry'
import { stringToSign } from '../../src/main/engine/providers/signed-request'

const BODY = '{"event":"dice","callid":"c1","duration":42}'
const delivery = (path: string, headers: Header[], body = BODY): IncomingDelivery => ({ method: 'POST', path, headers: [['Host', 'hooks.example.com'], ...headers], body: Buffer.from(body), contentEncoding: null, receivedAt: Date.now() })
const judge = (id: string, d: IncomingDelivery, ...values: string[]) => getProvider(id)!.verify(d, values.map((value, i) => ({ label: `s${i}`, value })), Date.now()).verdict

describe('sinch-voice (signed-request)', () => {
  const key = 'A1B2C3D4-0000-4000-8000-000000000001'
  const secret = 'c2luY2gtdGVzdC1zZWNyZXQtMDEy'
  const iso = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  const sig = (path: string, scheme = 'application') =>
    `${scheme} ${key}:${createHmac('sha256', Buffer.from(secret, 'base64')).update(stringToSign('POST', Buffer.from(BODY), 'application/json', iso, path)).digest('base64')}`
  const headers = (auth: string): Header[] => [['Content-Type', 'application/json'], ['x-timestamp', iso], ['Authorization', auth]]

  test('a signature over the path alone is valid at a URL with a query; one over path and query is valid and says so', () => {
    expect(judge('sinch-voice', delivery('/sinch/cb?x=1', headers(sig('/sinch/cb'))), `${key}:${secret}`).status).toBe('valid')
    const v = judge('sinch-voice', delivery('/sinch/cb?x=1', headers(sig('/sinch/cb?x=1'))), `${key}:${secret}`)
    expect(v.status).toBe('valid')
    expect(v.detail).toContain('query string')
  })

  test('Voice API v2 "service <id>:<sig>" is accepted; a key other than the configured one is invalid and named; a malformed header says the form', () => {
    expect(judge('sinch-voice', delivery('/cb', headers(sig('/cb', 'service'))), `${key}:${secret}`).status).toBe('valid')
    const other = judge('sinch-voice', delivery('/cb', headers(sig('/cb'))), `OTHER-KEY:${secret}`)
    expect(other.status).toBe('invalid')
    expect(other.detail).toContain(key)
    expect(judge('sinch-voice', delivery('/cb', headers('Bearer abc')), secret).detail).toContain('application <key>:<signature>')
  })

  test('a changed Content-Type or path does not verify; no x-timestamp is missing', () => {
    const d = delivery('/cb', headers(sig('/cb')))
    expect(judge('sinch-voice', { ...d, headers: d.headers.map(([n, v]): Header => (n === 'Content-Type' ? [n, 'application/json; charset=utf-8'] : [n, v])) }, secret).status).toBe('invalid')
    expect(judge('sinch-voice', { ...d, path: '/cb2' }, secret).status).toBe('invalid')
    expect(judge('sinch-voice', { ...d, headers: d.headers.filter(([n]) => n !== 'x-timestamp') }, secret).status).toBe('missing')
  })
})

describe('assemblyai (token in a header the user names)', () => {
  const p = getProvider('assemblyai')!

  test('"Name: value" signs and verifies in that header; a bare value uses X-Webhook-Secret', () => {
    const named = p.sign({ body: Buffer.from(BODY), secret: 'X-Transcript-Auth: s3cret value' })
    expect(named).toContainEqual(['X-Transcript-Auth', 's3cret value'])
    expect(judge('assemblyai', delivery('/a', named), 'X-Transcript-Auth: s3cret value').status).toBe('valid')
    const bare = p.sign({ body: Buffer.from(BODY), secret: 'plain-token' })
    expect(bare).toContainEqual(['X-Webhook-Secret', 'plain-token'])
    expect(judge('assemblyai', delivery('/a', bare), 'plain-token').status).toBe('valid')
  })

  test('the wrong value is invalid and names the header; the token in another header is missing; nothing set and nothing sent is unsigned', () => {
    const wrong = judge('assemblyai', delivery('/a', [['x-transcript-auth', 'nope']]), 'X-Transcript-Auth: s3cret')
    expect(wrong.status).toBe('invalid')
    expect(wrong.detail).toContain('X-Transcript-Auth')
    expect(judge('assemblyai', delivery('/a', [['X-Webhook-Secret', 's3cret']]), 'X-Transcript-Auth: s3cret').status).toBe('missing')
    expect(judge('assemblyai', delivery('/a', [])).status).toBe('unsigned')
  })
})

describe('dixa (hex-decoded key) and microsoft-teams-outgoing (base64-decoded key in Authorization)', () => {
  test('Dixa: the documented recipe (hex-decoded key over "{t}.{body}", t in ms) is valid; the key used as text is invalid and says so', () => {
    const hexKey = '5f1c0ffee0ddba11deadbeefcafe0123'
    const t = String(Date.now())
    const sign = (key: Buffer | string) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${BODY}`).digest('hex')}`
    expect(detectByHeaders([['X-DIXA-SIGNATURE', sign(Buffer.from(hexKey, 'hex'))]])?.id).toBe('dixa')
    expect(judge('dixa', delivery('/d', [['X-DIXA-SIGNATURE', sign(Buffer.from(hexKey, 'hex'))]]), hexKey).status).toBe('valid')
    const asText = judge('dixa', delivery('/d', [['X-DIXA-SIGNATURE', sign(hexKey)]]), hexKey)
    expect(asText.status).toBe('invalid')
    expect(asText.detail).toContain('decodes the secret from hex')
    expect(getProvider('dixa')!.secretProblem?.('not hex at all')).toContain('hex')
    expect(getProvider('dixa')!.secretProblem?.(hexKey)).toBeNull()
  })

  test("Teams: \"HMAC \" + base64 HMAC-SHA256 with the base64-decoded token (OfficeDev's sample) is valid; never auto-detected from Authorization", () => {
    const token = '+ZaRRMC8+mpnfGaGsBOmkIFt98bttL5YQRq3p2tXgcE='
    const auth = `HMAC ${createHmac('sha256', Buffer.from(token, 'base64')).update(BODY).digest('base64')}`
    expect(judge('microsoft-teams-outgoing', delivery('/t', [['Authorization', auth]]), token).status).toBe('valid')
    expect(judge('microsoft-teams-outgoing', delivery('/t', [['Authorization', auth]], BODY.replace('42', '43')), token).status).toBe('invalid')
    expect(detectByHeaders([['Authorization', auth]])).toBeNull()
  })
})
