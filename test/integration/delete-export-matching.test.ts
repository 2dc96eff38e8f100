// "The filtered captures" means every match in the database, not the page a list has loaded: deleting
// and exporting by filters act on all of them and on nothing else.
import { afterEach, describe, expect, it } from 'vitest'
import { outboundInputs } from '../../src/shared/api/outbound'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { newRequest } from '../helpers/rows'

describe('delete and export by filters', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('deletes every match across pages and windows, keeps the rest, and tells listeners which ids went', async () => {
    t = await startTestEngine()
    const rows = Array.from({ length: 2500 }, (_, i) => newRequest(`/m/${i}`, 'x', { eventType: i % 2 ? 'call.ended' : 'billing.charged', method: i % 5 ? 'POST' : 'GET' }))
    t.engine.requests.insertMany(rows)
    const events: unknown[] = []
    t.engine.events.subscribe((event, payload) => event === 'requestsDeleted' && events.push(payload))
    const result = t.engine.api.deleteMatching({ filters: { eventType: 'call.', method: 'POST' } })
    const expected = rows.filter((r) => r.eventType === 'call.ended' && r.method === 'POST').length
    expect(result).toEqual({ deleted: expected })
    expect(t.engine.requests.count()).toBe(2500 - expected)
    expect(t.engine.requests.listAll({ eventType: 'call.', method: 'POST', limit: 5000 }).items).toEqual([])
    expect(t.engine.requests.listAll({ eventType: 'call.', method: 'GET', limit: 5000 }).items.length).toBe(250)
    expect((events[0] as { ids: number[] }).ids.length).toBe(expected)
  })

  it('exports every match by filters ({} is all), newest first, and says how many', async () => {
    t = await startTestEngine()
    t.engine.requests.insertMany(Array.from({ length: 450 }, (_, i) => newRequest(`/e/${i}`, 'x', { eventType: i < 300 ? 'call.ended' : 'other' })))
    const all = await t.engine.api.exportRequests(outboundInputs.exportRequests.parse({ filters: {}, format: 'json' }))
    expect(all.count).toBe(450)
    expect(all.truncated).toBe(false)
    const calls = await t.engine.api.exportRequests(outboundInputs.exportRequests.parse({ filters: { eventType: 'call' }, format: 'json' }))
    const paths = (JSON.parse(calls.text) as { requests: { path: string }[] }).requests.map((r) => r.path)
    expect(paths.length).toBe(300)
    expect(paths[0]).toBe('/e/299')
    expect(() => outboundInputs.exportRequests.parse({ format: 'har' })).toThrow(/either ids or filters/)
    expect(() => outboundInputs.exportRequests.parse({ ids: [1], filters: {}, format: 'har' })).toThrow(/either ids or filters/)
  })
})
