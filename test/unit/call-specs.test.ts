// The call specs compiled from the provider definitions: what each kind of location reads, and the rules a
// provider's call fields must keep (checked for every provider, so a new preset cannot break them quietly).
import { describe, expect, test } from 'vitest'
import { CALL_SPECS, callSpecOf, compileCallSpec, describeCallIdLocation, extractCallId, rankOf } from '../../src/main/engine/calls/call-id'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import { providerInfo } from '../../src/main/engine/signatures/signatures-api'

describe('call fields of every provider', () => {
  test.each(PROVIDERS.map((p) => [p.id, p] as const))('%s: call order only with a call id, each type in one rank, terminal types not repeated', (_id, p) => {
    if (p.calls) expect(p.callId?.length, 'calls without a callId group nothing').toBeGreaterThan(0)
    const ranked = (p.calls?.order ?? []).flat()
    expect(new Set(ranked).size, 'an event type in two ranks').toBe(ranked.length)
    for (const rank of p.calls?.order ?? []) expect(rank.length).toBeGreaterThan(0)
    const terminal = p.calls?.terminal ?? []
    expect(new Set(terminal).size).toBe(terminal.length)
    expect(Boolean(CALL_SPECS[p.id])).toBe(Boolean(p.callId?.length))
    // Inspection parses the body for the event type of such providers: the call id then costs property reads only.
    if (p.callId?.length) expect(p.eventFromHeaders, 'event type from headers: the body would be parsed for the call id alone').toBeUndefined()
  })

  test('providers without a call id have no spec; the lookup is by provider id', () => {
    expect(callSpecOf('stripe')).toBeNull()
    expect(callSpecOf(null)).toBeNull()
    expect(callSpecOf('telnyx')).toBe(CALL_SPECS.telnyx)
  })
})

describe('compiled call id locations', () => {
  test('a form field is read whole (names may hold dots); a JSON path splits on dots and indexes arrays', () => {
    const form = compileCallSpec({ callId: ['form:Call.Sid'] })!
    expect(extractCallId(form, { 'Call.Sid': 'CA1' }, null)).toBe('CA1')
    expect(extractCallId(form, { Call: { Sid: 'CA1' } }, null)).toBeNull()
    const json = compileCallSpec({ callId: ['json:0.callId'] })!
    expect(extractCallId(json, [{ callId: 'c-1' }], null)).toBe('c-1')
  })

  test('locations are tried in order; empty values fall through to the next', () => {
    const telnyx = CALL_SPECS.telnyx
    expect(extractCallId(telnyx, { data: { payload: { call_control_id: '', call_session_id: 's-1' } } }, 'call.hangup')).toBe('s-1')
    expect(extractCallId(telnyx, { data: { payload: { call_control_id: 'v3:a', call_session_id: 's-1' } } }, 'call.hangup')).toBe('v3:a')
  })

  test('ranks come from the order; unlisted types and no type have none; defaults: no order, event id names the resource', () => {
    const twilio = CALL_SPECS.twilio
    expect(rankOf(twilio, 'call.queued')).toBe(0)
    expect(rankOf(twilio, 'call.initiated')).toBe(0)
    expect(rankOf(twilio, 'call.canceled')).toBe(3)
    expect(rankOf(twilio, 'message.received')).toBeNull()
    expect(rankOf(twilio, '')).toBeNull()
    const bare = compileCallSpec({ callId: ['json:call_id'] })!
    expect(bare).toMatchObject({ order: [], terminal: [], eventIdIsUnique: false })
    expect(rankOf(bare, 'anything')).toBeNull()
  })

  test('conditions are described in words where providers are listed (hookscope providers --json)', () => {
    expect(describeCallIdLocation('form:CallSid')).toBe('form:CallSid')
    expect(providerInfo(PROVIDERS.find((p) => p.id === 'voipbin')!).callId).toEqual([
      'json:data.id (call_* events)',
      'json:data.reference_id (when json:data.reference_type is "call")'
    ])
    expect(providerInfo(PROVIDERS.find((p) => p.id === 'stripe')!).callId).toEqual([])
  })
})
