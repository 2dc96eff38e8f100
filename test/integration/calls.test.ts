// Deliveries grouped by call over real HTTP into a real SQLite file: call ids where each provider keeps
// them, the flags (out-of-order, duplicate, missing-final, late-answer), `hookscope calls --json`.
import { afterEach, describe, expect, test } from 'vitest'
import { getProvider } from '../../src/main/engine/providers/registry'
import type { CallSummary } from '../../src/shared/api/calls'
import { runCli } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { newRequest } from '../helpers/rows'

let t: TestEngine | null = null
afterEach(async () => {
  await t?.dispose()
  t = null
})

/** A delivery signed the way the provider signs (no secret is configured, so the verdict is no-secret). */
function deliver(url: string, providerId: string, body: string, path = '/hooks') {
  const provider = getProvider(providerId)!
  const headers = Object.fromEntries(provider.sign({ body: Buffer.from(body), secret: 'whsec_test', url: url + path }))
  return send(url + path, { headers, body })
}

const cpm = (id: string, type: string, callId: string) => JSON.stringify({ id, type, created_at: '2026-01-01T00:00:00Z', data: { call_id: callId } })

async function waitForCount(t: TestEngine, n: number): Promise<void> {
  for (let i = 0; i < 400 && t.engine.requests.count() < n; i++) await new Promise((r) => setTimeout(r, 25))
  expect(t.engine.requests.count()).toBe(n)
}

describe('calls', () => {
  test('deliveries of one call are grouped with their order, repeats and answers judged', async () => {
    t = await startTestEngine()
    const url = t.url
    // CallPayMin: the end arrives before the start, and the end is delivered twice (same event id).
    for (const [id, type] of [['evt_1', 'call.created'], ['evt_3', 'call.ended'], ['evt_2', 'call.started'], ['evt_3', 'call.ended']]) {
      expect((await deliver(url, 'callpaymin', cpm(id, type, 'call_A'))).status).toBe(200)
    }
    // Another provider's call with the same id stays a different call.
    await deliver(url, 'erzycall', JSON.stringify({ event: 'call.started', timestamp: '2026-01-01T00:00:00Z', data: { id: 'call_A', status: 'started' } }))
    // A delivery without a call id (a balance alert) belongs to no call.
    await deliver(url, 'callpaymin', JSON.stringify({ id: 'evt_9', type: 'user.balance_low', data: { user_id: 'usr_1' } }))
    await waitForCount(t, 6)

    const page = await t.engine.api.listCalls({})
    expect(page.items.map((c) => [c.provider, c.callId])).toEqual([
      ['erzycall', 'call_A'],
      ['callpaymin', 'call_A']
    ])
    const call = page.items[1]
    expect(call.deliveries.map((d) => d.eventType)).toEqual(['call.created', 'call.ended', 'call.started', 'call.ended'])
    expect(call.state).toBe('call.ended')
    expect(call.ended).toBe(true)
    expect(call.flags).toEqual(['out-of-order', 'duplicate'])
    const [created, ended, started, again] = call.deliveries
    expect(started.flags).toContain('out-of-order')
    expect(again.repeatOf).toBe(ended.id)
    expect(again.repeat).toBe('duplicate')
    expect(again.flags).toEqual(['duplicate'])
    expect(created.responseStatus).toBe(200)
    expect(created.answerMs).toBeGreaterThanOrEqual(0)
    expect(call.deadlineMs).toBe(10_000)

    // The request list carries the call id; the balance alert has none.
    const requests = await t.engine.api.listRequests({})
    expect(requests.items.map((r) => r.callId)).toEqual([null, 'call_A', 'call_A', 'call_A', 'call_A', 'call_A'])

    // getCall gives the same timeline; the provider filter lists only its calls.
    expect((await t.engine.api.getCall({ provider: 'callpaymin', callId: 'call_A' }))?.deliveries).toHaveLength(4)
    expect((await t.engine.api.listCalls({ provider: 'erzycall' })).items).toHaveLength(1)
  })

  test('each provider\'s call id is read where it keeps it: Twilio CallSid, VoIPBIN data.id and recording references, TopCalls call_id', async () => {
    t = await startTestEngine()
    const url = t.url
    const form = (status: string) => `CallSid=CA123&CallStatus=${status}&AccountSid=AC1&From=%2B1555&To=%2B1666`
    for (const status of ['initiated', 'ringing', 'completed']) await deliver(url, 'twilio', form(status))
    await deliver(url, 'voipbin', JSON.stringify({ type: 'call_created', data: { id: 'vb-1', status: 'dialing' } }))
    await deliver(url, 'voipbin', JSON.stringify({ type: 'recording_created', data: { id: 'rec-1', reference_type: 'call', reference_id: 'vb-1' } }))
    await deliver(url, 'voipbin', JSON.stringify({ type: 'call_hungup', data: { id: 'vb-1', status: 'hangup' } }))
    await deliver(url, 'topcalls', JSON.stringify({ call_id: 'tc-9', status: 'failed', call_status: 'failed' }))
    await waitForCount(t, 7)
    const calls = (await t.engine.api.listCalls({})).items
    const byProvider = Object.fromEntries(calls.map((c) => [c.provider, c])) as Record<string, CallSummary>
    expect(byProvider.twilio.callId).toBe('CA123')
    expect(byProvider.twilio.deliveries.map((d) => d.eventType)).toEqual(['call.initiated', 'call.ringing', 'call.completed'])
    expect(byProvider.twilio.flags).toEqual([])
    expect(byProvider.twilio.ended).toBe(true)
    expect(byProvider.voipbin.callId).toBe('vb-1')
    expect(byProvider.voipbin.deliveries.map((d) => d.eventType)).toEqual(['call_created', 'recording_created', 'call_hungup'])
    expect(byProvider.voipbin.state).toBe('call_hungup')
    expect(byProvider.topcalls.callId).toBe('tc-9')
    expect(byProvider.topcalls.state).toBe('call.failed')
  })

  test('an answer slower than the provider\'s deadline is flagged late-answer; a retry after it is a retry, not a duplicate', async () => {
    t = await startTestEngine()
    // TopCalls wants an answer within 1 s; this endpoint answers after 1.2 s.
    await t.engine.api.createEndpoint({
      path: '/topcalls',
      name: 'slow',
      provider: 'topcalls',
      response: { status: 200, headers: [], body: 'ok', delayMs: 1200 }
    })
    const body = JSON.stringify({ call_id: 'tc-late', status: 'completed', call_status: 'completed' })
    await deliver(t.url, 'topcalls', body, '/topcalls')
    await deliver(t.url, 'topcalls', body, '/topcalls')
    const call = (await t.engine.api.getCall({ provider: 'topcalls', callId: 'tc-late' }))!
    expect(call.deadlineMs).toBe(1000)
    expect(call.deliveries[0].answerMs).toBeGreaterThan(1000)
    expect(call.deliveries[0].flags).toEqual(['late-answer'])
    expect(call.deliveries[1].repeat).toBe('retry')
    expect(call.flags).toEqual(['duplicate', 'late-answer'])
  })

  test('a call with no terminal event long after its last delivery is flagged missing-final; `hookscope calls --json` prints the calls', async () => {
    t = await startTestEngine()
    const old = Date.now() - 20 * 60_000
    t.engine.requests.insertMany([
      newRequest('/hooks', cpm('evt_o1', 'call.created', 'call_old'), { provider: 'callpaymin', eventType: 'call.created', eventId: 'evt_o1', callId: 'call_old', receivedAt: old }),
      newRequest('/hooks', cpm('evt_o2', 'call.started', 'call_old'), { provider: 'callpaymin', eventType: 'call.started', eventId: 'evt_o2', callId: 'call_old', receivedAt: old + 1000 })
    ])
    await deliver(t.url, 'callpaymin', cpm('evt_n1', 'call.created', 'call_new'))
    await waitForCount(t, 3)
    const calls = (await t.engine.api.listCalls({})).items
    expect(calls.map((c) => [c.callId, c.flags])).toEqual([
      ['call_new', []],
      ['call_old', ['missing-final']]
    ])
    // A shorter wait is configurable; a longer one clears the flag.
    expect((await t.engine.api.listCalls({ missingFinalAfterMs: 60 * 60_000 })).items[1].flags).toEqual([])

    const cli = await runCli(['calls', '--db', t.dbPath, '--json', '--provider', 'callpaymin', '--limit', '5'])
    expect(cli.code).toBe(0)
    const items = JSON.parse(cli.stdout) as CallSummary[]
    expect(items.map((c) => c.callId)).toEqual(['call_new', 'call_old'])
    const item = items[1]
    for (const key of ['provider', 'callId', 'firstAt', 'lastAt', 'state', 'deliveries', 'flags']) expect(item).toHaveProperty(key)
    expect(item.deliveries[0]).toMatchObject({ eventType: 'call.created', eventId: 'evt_o1', receivedAt: old })
    expect(item.state).toBe('call.started')
    expect(item.flags).toEqual(['missing-final'])
    const human = await runCli(['calls', '--db', t.dbPath, '--missing-final-after', '60'])
    expect(human.stdout).toContain('callpaymin call_old  call.started')
    expect(human.stdout).toContain('[missing-final]')
    const bad = await runCli(['calls', '--db', t.dbPath, '--json', '--limit', '0'])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stderr).error).toContain('--limit')
  })

  test('calls page through history: every call exactly once, newest first', async () => {
    t = await startTestEngine()
    const rows = []
    for (let i = 0; i < 30; i++) {
      // Interleaved: call c{i % 7} gets deliveries spread over the history.
      const callId = `c${i % 7}`
      rows.push(newRequest('/hooks', '{}', { provider: 'callpaymin', eventType: 'call.created', eventId: `e${i}`, callId }))
    }
    t.engine.requests.insertMany(rows)
    const seen: string[] = []
    let beforeId: number | undefined
    do {
      const page = await t.engine.api.listCalls({ limit: 2, beforeId })
      seen.push(...page.items.map((c) => c.callId))
      beforeId = page.nextBeforeId
    } while (beforeId !== undefined)
    // Newest delivery ids: c1 (29), c0 (28), c6 (27), ... c2 (23).
    expect(seen).toEqual(['c1', 'c0', 'c6', 'c5', 'c4', 'c3', 'c2'])
  })
})

describe('diff of two deliveries', () => {
  test('a retry compared with the previous delivery of its event: body by JSON path, headers by name, over the Api and `hookscope diff`', async () => {
    t = await startTestEngine()
    const first = JSON.stringify({ id: 'evt_d', type: 'call.ended', data: { call_id: 'call_D', duration_seconds: 10, status: 'completed' } })
    const retry = JSON.stringify({ id: 'evt_d', type: 'call.ended', data: { call_id: 'call_D', duration_seconds: 12, recording: 'r.mp3' } })
    await deliver(t.url, 'callpaymin', first)
    await send(t.url + '/hooks?attempt=2', { headers: { 'Content-Type': 'application/json', 'X-CallPayMin-Signature': 'abc', 'X-Attempt': '2' }, body: retry })
    await deliver(t.url, 'callpaymin', cpm('evt_other', 'call.created', 'call_D'))
    await waitForCount(t, 3)
    const [other, second, firstRow] = (await t.engine.api.listRequests({})).items
    expect(await t.engine.api.previousDelivery({ id: second.id })).toEqual({ id: firstRow.id })
    expect(await t.engine.api.previousDelivery({ id: firstRow.id })).toBeNull()
    expect(await t.engine.api.previousDelivery({ id: other.id })).toBeNull()

    const diff = await t.engine.api.diffRequests({ a: firstRow.id, b: second.id })
    expect(diff.bodyMode).toBe('json')
    expect(diff.body).toEqual([
      { path: '$.data.duration_seconds', change: 'changed', a: 10, b: 12 },
      { path: '$.data.status', change: 'removed', a: 'completed' },
      { path: '$.data.recording', change: 'added', b: 'r.mp3' }
    ])
    expect(diff.path).toEqual({ a: '/hooks', b: '/hooks?attempt=2' })
    expect(diff.headers.find((h) => h.name === 'X-Attempt')).toEqual({ name: 'X-Attempt', change: 'added', b: '2' })
    expect(diff.headers.find((h) => h.name.toLowerCase() === 'x-callpaymin-signature')?.change).toBe('changed')

    const cli = await runCli(['diff', String(firstRow.id), String(second.id), '--db', t.dbPath, '--json'])
    expect(cli.code).toBe(0)
    const printed = JSON.parse(cli.stdout)
    expect(printed.body).toEqual(diff.body)
    expect(printed.headers).toEqual(diff.headers)
    expect(printed.path).toEqual(diff.path)
    expect(printed.method).toBeUndefined()
    const human = await runCli(['diff', String(firstRow.id), String(second.id), '--db', t.dbPath])
    expect(human.stdout).toContain('~ $.data.duration_seconds  10 → 12')
    const missing = await runCli(['diff', String(firstRow.id), '999', '--db', t.dbPath, '--json'])
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stderr).error).toBe('No captured request with id 999.')
  })
})
