import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

const CURRENT = 'cpm_current_secret_1111'
const NEXT = 'cpm_next_secret_2222'
const hex = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('hex')

/** The raw bytes a provider sends, and the re-serialized form a framework would sign by mistake. */
const RAW = '{ "id": "evt_1",  "type": "call.ended", "data": { "duration": 42 } }'
const RESERIALIZED = JSON.stringify(JSON.parse(RAW))

describe('Signature tab values follow the verdict sentence', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  async function deliver(signature: string): Promise<NonNullable<ReturnType<TestEngine['engine']['requests']['get']>>> {
    await send(t.url + '/cpm', { headers: ['Content-Type', 'application/json', 'X-CallPayMin-Signature', signature], body: RAW })
    const [latest] = t.engine.requests.list({ limit: 1 }).items
    return t.engine.requests.get(latest.id)!
  }

  async function endpointWithTwoSecrets(): Promise<void> {
    const endpoint = await t.engine.api.createEndpoint({ path: '/cpm', provider: 'callpaymin' })
    // "next" is added last, so it is tried first (newest first after a rotation).
    await t.engine.api.addSecret({ endpointId: endpoint.id, value: CURRENT, label: 'current' })
    await t.engine.api.addSecret({ endpointId: endpoint.id, value: NEXT, label: 'next' })
  }

  it('the sentence names "current": expected is current\'s HMAC over the signed string shown, not next\'s', async () => {
    t = await startTestEngine()
    await endpointWithTwoSecrets()
    const captured = await deliver(hex(CURRENT, RESERIALIZED))
    expect(captured.verdict.status).toBe('invalid')
    expect(captured.verdict.detail).toMatch(/JSON\.stringify.*secret "current"/)
    const report = captured.signature!
    expect(report.signedPayloadPreview).toBe(RAW)
    expect(report.expectedSecret).toBe('current')
    expect(report.expected).toBe(hex(CURRENT, report.signedPayloadPreview!))
    expect(report.expected).not.toBe(hex(NEXT, RAW))
    expect(report.expectedBySecret).toBeNull()
  })

  it('the sentence names "next" when next is the one that fits', async () => {
    t = await startTestEngine()
    await endpointWithTwoSecrets()
    const captured = await deliver(hex(NEXT, RESERIALIZED))
    expect(captured.verdict.detail).toMatch(/secret "next"/)
    expect(captured.signature).toMatchObject({ expectedSecret: 'next', expected: hex(NEXT, RAW) })
  })

  it('no secret fits and the sentence names none: every secret\'s expected value is listed under its name', async () => {
    t = await startTestEngine()
    await endpointWithTwoSecrets()
    const captured = await deliver(hex('someone_elses_secret', RAW))
    expect(captured.verdict.detail).toMatch(/any of the 2 configured secrets/)
    const report = captured.signature!
    expect(report.expected).toBeNull()
    expect(report.expectedSecret).toBeNull()
    expect(report.expectedBySecret).toEqual([
      { secret: 'next', value: hex(NEXT, RAW) },
      { secret: 'current', value: hex(CURRENT, RAW) }
    ])
  })

  it('a valid delivery: expected comes from the matched secret', async () => {
    t = await startTestEngine()
    await endpointWithTwoSecrets()
    const captured = await deliver(hex(CURRENT, RAW))
    expect(captured.verdict.status).toBe('valid')
    expect(captured.signature).toMatchObject({ matchedSecret: 'current', expectedSecret: 'current', expected: hex(CURRENT, RAW) })
  })

  it('signed with a secret stored for another endpoint: the values are that secret\'s, and say where it is stored', async () => {
    t = await startTestEngine()
    await endpointWithTwoSecrets()
    await t.engine.api.createEndpoint({ path: '/other', provider: 'callpaymin', secret: 'other_endpoint_secret' })
    const captured = await deliver(hex('other_endpoint_secret', RAW))
    expect(captured.verdict.detail).toMatch(/stored for endpoint \/other/)
    expect(captured.signature!.expectedSecret).toMatch(/^"secret 1" \(stored for endpoint \/other\)$/)
    expect(captured.signature!.expected).toBe(hex('other_endpoint_secret', RAW))
  })
})
