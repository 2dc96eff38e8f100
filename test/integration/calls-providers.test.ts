// Every provider with call fields, from its own data: the samples Send offers, given one call id where the
// provider keeps it, are sent through the engine's Send to its receiver over HTTP (an endpoint set to the
// provider, a real SQLite file) and must come back as one call, in order; two of them sent the wrong way
// round must be flagged out-of-order. A new voice preset with a callId is picked up here without a test edit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CALL_SPECS, extractCallId, rankOf, type CallSpec } from '../../src/main/engine/calls/call-id'
import type { CallIdLocation } from '../../src/main/engine/providers/preset-types'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import type { Provider } from '../../src/main/engine/providers/types'
import { startTestEngine, type TestEngine } from '../helpers/engine'

/** Providers whose documented events carry no call id (CallCall.ai: customer, message and analysis events). */
const NO_CALL_IN_SAMPLES = new Set(['callcall'])

const WITH_CALLS = PROVIDERS.filter((p) => CALL_SPECS[p.id])

interface CallSample {
  type: string
  rank: number | null
  body: Record<string, unknown>
  form: boolean
  method: string
  headers: [string, string][]
}

let t: TestEngine
beforeAll(async () => {
  t = await startTestEngine()
})
afterAll(async () => t?.dispose())

/** The provider's samples that carry a call id (read the way capture reads it), in the provider's own encoding. */
async function callSamples(p: Provider, spec: CallSpec): Promise<CallSample[]> {
  const samples: CallSample[] = []
  for (const event of p.events) {
    const s = await t.engine.api.sampleEvent({ provider: p.id, event: event.type })
    const form = !/^\s*[[{]/.test(s.bodyText)
    const body = form ? Object.fromEntries(new URLSearchParams(s.bodyText)) : (JSON.parse(s.bodyText) as Record<string, unknown>)
    const type = p.eventOf(body).type
    expect(type, `${p.id} ${event.type}: the sample's own type`).toBe(event.type)
    if (extractCallId(spec, body, type) === null) continue
    samples.push({ type: event.type, rank: rankOf(spec, type), body, form, method: s.method, headers: s.headers })
  }
  return samples
}

/** Puts `id` where the provider keeps this delivery's call id (the first of its locations that applies). */
function withCallId(p: Provider, sample: CallSample, id: string): string {
  for (const location of p.callId as CallIdLocation[]) {
    const l = typeof location === 'string' ? { at: location } : location
    if (l.eventPrefix && !sample.type.startsWith(l.eventPrefix)) continue
    if (l.where && read(sample.body, l.where.at) !== l.where.equals) continue
    if (read(sample.body, l.at) === undefined) continue
    const copy = structuredClone(sample.body)
    const keys = pathOf(l.at)
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy)
    parent[keys[keys.length - 1]] = id
    return sample.form ? new URLSearchParams(copy as Record<string, string>).toString() : JSON.stringify(copy)
  }
  throw new Error(`${p.id} ${sample.type}: no call id location applies`)
}

const pathOf = (location: string): string[] => (location.startsWith('form:') ? [location.slice(5)] : location.slice(5).split('.'))
const read = (body: unknown, location: string): unknown =>
  pathOf(location).reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body)

async function send(p: Provider, sample: CallSample, callId: string, path: string): Promise<void> {
  const sent = await t.engine.api.sendEvent({
    provider: p.id,
    event: sample.type,
    url: t.url + path,
    method: sample.method,
    headers: sample.headers,
    bodyText: withCallId(p, sample, callId),
    sign: true,
    secret: p.sampleSecret?.() ?? 'calls_test_secret_0123'
  })
  expect(sent.error, sent.error ?? '').toBeNull()
  expect(sent.responseStatus).toBe(200)
}

describe('calls for every provider with call fields, from its own samples', () => {
  test('the providers with calls include every voice and voice-AI preset that keeps a call id', () => {
    const ids = WITH_CALLS.map((p) => p.id)
    expect(ids).toEqual(expect.arrayContaining(['callpaymin', 'twilio', 'voipbin', 'telnyx', 'plivo', 'vonage', 'signalwire', 'bandwidth', 'vapi', 'retell', 'bland', 'elevenlabs', 'zoom', 'ringcentral', 'didww-phone-systems']))
    for (const p of WITH_CALLS) expect(['voice', 'voice-ai'], p.id).toContain(p.category)
  })

  for (const p of WITH_CALLS) {
    const spec = CALL_SPECS[p.id]
    const ordered = spec.order.length >= 2
    test(`${p.id}: its sample call events, sent in call order with one call id, are one call${ordered ? '; two sent the wrong way round are out of order' : ''}`, async () => {
      const samples = await callSamples(p, spec)
      if (NO_CALL_IN_SAMPLES.has(p.id)) {
        expect(samples).toEqual([])
        return
      }
      expect(samples.length, `${p.id} has a sample carrying a call id`).toBeGreaterThan(0)
      const path = `/calls/${p.id}`
      await t.engine.api.createEndpoint({ path, name: p.name, provider: p.id })

      // In call order; types the provider does not rank (recordings, reports) after the ranked ones.
      const inOrder = [...samples].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
      const callId = `${p.id}-call-1`
      for (const sample of inOrder) await send(p, sample, callId, path)
      const call = await t.engine.api.getCall({ provider: p.id, callId })
      expect(call, `${p.id}: call ${callId}`).not.toBeNull()
      expect(call!.callId).toBe(callId)
      expect(call!.deliveries.map((d) => d.eventType)).toEqual(inOrder.map((s) => s.type))
      expect(call!.flags).not.toContain('out-of-order')
      expect(call!.flags).not.toContain('duplicate')
      expect(call!.ended).toBe(inOrder.some((s) => spec.terminal.includes(s.type)))
      const ranked = inOrder.filter((s) => s.rank !== null)
      if (ranked.length) expect(call!.state).toBe(ranked[ranked.length - 1].type)
      expect((await t.engine.api.listCalls({ provider: p.id })).items.map((c) => c.callId)).toEqual([callId])

      if (!ordered) return
      // Ordered providers must offer samples of two ranks, so Send can show (and this test check) an order.
      const first = ranked[0]
      const last = ranked[ranked.length - 1]
      expect(last && first && last.rank! > first.rank!, `${p.id} has samples of two ranks`).toBe(true)
      const late = `${p.id}-call-2`
      await send(p, last, late, path)
      await send(p, first, late, path)
      const wrong = (await t.engine.api.getCall({ provider: p.id, callId: late }))!
      expect(wrong.deliveries.map((d) => d.eventType)).toEqual([last.type, first.type])
      expect(wrong.deliveries[1].flags).toContain('out-of-order')
      expect(wrong.flags).toContain('out-of-order')
    })
  }
})
