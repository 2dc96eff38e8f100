import type { z } from 'zod'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { outboundInputs } from '../../src/shared/api/outbound'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { startTarget, type TargetServer } from '../helpers/target-server'

const saveRule = (t: TestEngine, input: z.input<typeof outboundInputs.saveForwardRule>) =>
  t.engine.api.saveForwardRule(outboundInputs.saveForwardRule.parse(input))

describe('forwarding rules: patterns, validation, match counts', () => {
  let t: TestEngine
  const targets: TargetServer[] = []
  afterEach(async () => {
    await Promise.all(targets.splice(0).map((s) => s.close()))
    await t?.dispose()
  })

  it('call.* and * match as README says; each rule counts its matches and the last time, kept across a restart', async () => {
    t = await startTestEngine()
    const [calls, any, billing] = [await startTarget(), await startTarget(), await startTarget()]
    targets.push(calls, any, billing)
    const callRule = await saveRule(t, { targetUrl: calls.url + '/calls', eventType: 'call.*' })
    const anyRule = await saveRule(t, { targetUrl: any.url + '/any', eventType: '*' })
    const billingRule = await saveRule(t, { targetUrl: billing.url + '/billing', eventType: 'billing.*' })
    expect(callRule).toMatchObject({ matchedCount: 0, lastMatchedAt: null, warning: null })
    for (const type of ['call.started', 'call.ended', 'invoice.paid']) await send(t.url + '/cpm', { body: JSON.stringify({ type }) })
    await send(t.url + '/cpm', { body: 'no json, no event type' })
    await any.waitFor(4)
    await calls.waitFor(2)
    expect(calls.seen.map((s) => JSON.parse(s.body.toString()).type)).toEqual(['call.started', 'call.ended'])
    expect(billing.seen).toHaveLength(0)

    t.engine.outbound.forwarder.flushMatches()
    const newest = t.engine.requests.list({ limit: 10 }).items
    const lastCall = newest.find((r) => r.eventType === 'call.ended')!
    const counted = (rules: { id: number; matchedCount: number; lastMatchedAt: number | null }[], id: number) => rules.find((r) => r.id === id)!
    const rules = await t.engine.api.listForwardRules()
    expect(counted(rules, callRule.id)).toMatchObject({ matchedCount: 2, lastMatchedAt: lastCall.receivedAt })
    expect(counted(rules, anyRule.id)).toMatchObject({ matchedCount: 4, lastMatchedAt: newest[0].receivedAt })
    expect(counted(rules, billingRule.id)).toMatchObject({ matchedCount: 0, lastMatchedAt: null })

    // Counted in memory, written on stop: a restart on the same file shows the same numbers.
    await send(t.url + '/cpm', { body: '{"type":"call.failed"}' })
    await calls.waitFor(3)
    await t.engine.stop()
    const again = new Engine({ dbPath: t.dbPath, port: 0, log: () => {} })
    try {
      const after = await again.api.listForwardRules()
      expect(counted(after, callRule.id).matchedCount).toBe(3)
      expect(counted(after, anyRule.id).matchedCount).toBe(5)
    } finally {
      again.outbound.stop()
      again.db.close()
    }
  })

  it('a rule of this run only (serve --forward-to) counts its matches too, and the UI is told', async () => {
    const target = await startTarget()
    targets.push(target)
    t = await startTestEngine({ runOnly: { forwardTo: target.url } })
    const [rule] = await t.engine.api.listForwardRules()
    expect(rule).toMatchObject({ targetUrl: target.url, id: -1 })
    const told = new Promise<{ id: number; matchedCount: number }[]>((resolve) =>
      t.engine.events.subscribe((event, payload) => event === 'forwardRulesChanged' && resolve(payload as { id: number; matchedCount: number }[]))
    )
    await send(t.url + '/x', { body: '{"type":"call.ended"}' })
    await target.waitFor(1)
    t.engine.outbound.forwarder.flushMatches()
    expect((await told).find((r) => r.id === rule.id)?.matchedCount).toBe(1)
  })

  it('refuses a rule that cannot match: an endpoint that does not exist, an invalid pattern, a path without /', async () => {
    t = await startTestEngine()
    const target = await startTarget()
    targets.push(target)
    await expect(async () => saveRule(t, { targetUrl: target.url, endpoint: '/nope' })).rejects.toThrow(/no endpoint "\/nope".*could never match/)
    await expect(async () => saveRule(t, { targetUrl: target.url, eventType: 'call ended' })).rejects.toThrow(/can never match/)
    await expect(async () => saveRule(t, { targetUrl: target.url, pathPrefix: 'cpm' })).rejects.toThrow(/start with \//)
    expect(await t.engine.api.listForwardRules()).toEqual([])

    // An endpoint named by its name is stored as its path (what captures carry), and then matches.
    await t.engine.api.createEndpoint({ path: '/cpm', name: 'CallPayMin prod', provider: 'callpaymin' })
    const byName = await saveRule(t, { targetUrl: target.url + '/in', endpoint: 'CallPayMin prod' })
    expect(byName.endpoint).toBe('/cpm')
    await send(t.url + '/cpm', { body: '{"type":"call.ended"}' })
    await target.waitFor(1)
    // Its endpoint deleted, the rule can still be switched off, but not back on.
    const endpoint = (await t.engine.api.listEndpoints()).find((e) => e.path === '/cpm')!
    await t.engine.api.deleteEndpoint({ id: endpoint.id })
    const off = await saveRule(t, { id: byName.id, targetUrl: byName.targetUrl, endpoint: '/cpm', enabled: false })
    expect(off.enabled).toBe(false)
    await expect(async () => saveRule(t, { id: byName.id, targetUrl: byName.targetUrl, endpoint: '/cpm', enabled: true })).rejects.toThrow(/no endpoint "\/cpm"/)
  })

  it('warns (but saves) when no known event type matches the pattern: a typo', async () => {
    t = await startTestEngine()
    const target = await startTarget()
    targets.push(target)
    const typo = await saveRule(t, { targetUrl: target.url, eventType: 'call.endd' })
    expect(typo.warning).toMatch(/No event type .* matches "call.endd".*spelling/)
    // A type only seen in captures (no catalog has it) is known too.
    await send(t.url + '/x', { body: '{"type":"zzz.custom"}' })
    expect((await saveRule(t, { targetUrl: target.url, eventType: 'zzz.*' })).warning).toBeNull()
    expect((await saveRule(t, { targetUrl: target.url, eventType: 'call.*' })).warning).toBeNull()
  })
})
