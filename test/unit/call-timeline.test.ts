import { describe, expect, test } from 'vitest'
import { CALL_SPECS, extractCallId } from '../../src/main/engine/calls/call-id'
import { judgeCall, type CallRow } from '../../src/main/engine/calls/timeline'

let nextId = 1
const row = (eventType: string, o: Partial<CallRow> = {}): CallRow => ({
  id: nextId++,
  receivedAt: 1_000 * nextId,
  eventType,
  eventId: `evt_${nextId}`,
  bodySha256: `sha_${nextId}`,
  responseStatus: 200,
  durationMs: 2,
  delayMs: 0,
  ...o
})
const judge = (rows: CallRow[], now = 60_000, spec = CALL_SPECS.callpaymin) =>
  judgeCall(rows, { provider: 'p', callId: 'c', spec, deadlineMs: 1000, now, missingFinalAfterMs: 600_000 })

describe('call timeline', () => {
  test('state is the furthest event of the provider order; no flags for a call delivered in order', () => {
    const c = judge([row('call.created'), row('call.started'), row('call.ended'), row('summary.ready')])
    expect(c.state).toBe('call.ended')
    expect(c.ended).toBe(true)
    expect(c.flags).toEqual([])
  })

  test('missing-final only once the wait has passed since the last delivery', () => {
    const rows = [row('call.created', { receivedAt: 0 }), row('call.started', { receivedAt: 1000 })]
    expect(judge(rows, 600_000).flags).toEqual([])
    expect(judge(rows, 601_001).flags).toEqual(['missing-final'])
  })

  test('a repeat after a 5xx is a retry; after a good answer, a duplicate; the answer time includes the configured delay', () => {
    const first = row('call.created', { eventId: 'evt_x', responseStatus: 500 })
    const retry = row('call.created', { eventId: 'evt_x' })
    const dup = row('call.created', { eventId: 'evt_x', durationMs: 3, delayMs: 1500 })
    const c = judge([first, retry, dup])
    expect(c.deliveries.map((d) => [d.repeatOf, d.repeat])).toEqual([[null, null], [first.id, 'retry'], [first.id, 'duplicate']])
    expect(c.deliveries[2].answerMs).toBe(1503)
    expect(c.deliveries[2].flags).toEqual(['duplicate', 'late-answer'])
  })

  test('providers whose event id names the resource repeat only with the same type and bytes (Twilio status callbacks share CallSid)', () => {
    const spec = CALL_SPECS.twilio
    const c = judge([row('call.ringing', { eventId: 'CA1', bodySha256: 's1' }), row('call.completed', { eventId: 'CA1', bodySha256: 's2' }), row('call.completed', { eventId: 'CA1', bodySha256: 's2' })], 0, spec)
    expect(c.deliveries.map((d) => d.flags)).toEqual([[], [], ['duplicate']])
  })

  test('call ids: only own properties, event prefix and reference conditions respected, overlong ids ignored', () => {
    expect(extractCallId(CALL_SPECS.voipbin, { type: 'message_created', data: { id: 'm1' } }, 'message_created')).toBeNull()
    expect(extractCallId(CALL_SPECS.voipbin, { data: { id: 'r1', reference_type: 'queue', reference_id: 'q' } }, 'recording_created')).toBeNull()
    expect(extractCallId(CALL_SPECS.callpaymin, JSON.parse('{"data":{"__proto__":{"call_id":"x"}}}'), 'call.created')).toBeNull()
    expect(extractCallId(CALL_SPECS.callpaymin, { data: { call_id: 'y'.repeat(201) } }, 'call.created')).toBeNull()
    expect(extractCallId(CALL_SPECS.callpaymin, { data: { call_id: 42 } }, 'call.created')).toBe('42')
  })
})
