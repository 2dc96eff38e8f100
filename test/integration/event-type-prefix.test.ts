// The event-type filter matches a prefix ("call." finds call.ended), exactly: no LIKE wildcards, no
// neighbours that merely sort close, and through the (event_type, id) index.
import { afterEach, describe, expect, it } from 'vitest'
import { prefixRange } from '../../src/main/engine/store/request-store'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { newRequest } from '../helpers/rows'

const TYPES = ['call.ended', 'call.started', 'call', 'callback.sent', 'call/other', 'CALL.ended', 'billing.charged', 'a%b.x', 'a_b.x', 'axb.x', 'é.one', 'ê.two', null]

describe('event type filter', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('matches every event type that starts with the typed text, newest first, and nothing else', async () => {
    t = await startTestEngine()
    t.engine.requests.insertMany(TYPES.map((eventType, i) => newRequest(`/e/${i}`, '{}', { eventType })))
    const types = (prefix: string): (string | null)[] => t.engine.requests.listAll({ eventType: prefix, limit: 100 }).items.map((r) => r.eventType)
    expect(types('call.')).toEqual(['call.started', 'call.ended'])
    expect(types('call')).toEqual(['call/other', 'callback.sent', 'call', 'call.started', 'call.ended'])
    expect(types('call.ended')).toEqual(['call.ended'])
    expect(types('a%')).toEqual(['a%b.x'])
    expect(types('a_')).toEqual(['a_b.x'])
    expect(types('é')).toEqual(['é.one'])
    expect(types('zzz')).toEqual([])
  })

  it('uses the event_type index', async () => {
    t = await startTestEngine()
    const plan = t.engine.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM requests r WHERE r.event_type >= ? AND r.event_type < ? ORDER BY r.id DESC`)
      .all('call.', 'call/') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('requests_event_type')
  })

  it('computes the upper bound by raising the last code point', () => {
    expect(prefixRange('call.')).toEqual({ lo: 'call.', hi: 'call/' })
    expect(prefixRange('a\u{d7ff}')).toEqual({ lo: 'a\u{d7ff}', hi: 'a\u{e000}' })
    expect(prefixRange('x😀')).toEqual({ lo: 'x😀', hi: 'x😁' })
    expect(prefixRange('x\u{10ffff}')).toBeNull()
  })
})
