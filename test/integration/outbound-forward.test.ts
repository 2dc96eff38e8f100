import type { z } from 'zod'
import { afterEach, describe, expect, it } from 'vitest'
import { outboundInputs, type DeliverySummary } from '../../src/shared/api/outbound'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { deadPort, startTarget, type TargetServer } from '../helpers/target-server'

/** Saves a rule through the Api's own schema, so left-out fields take their defaults. */
const saveRule = (t: TestEngine, input: z.input<typeof outboundInputs.saveForwardRule>) =>
  t.engine.api.saveForwardRule(outboundInputs.saveForwardRule.parse(input))

/** Resolves with the first pushed delivery summary that satisfies `match`. */
function nextDelivery(t: TestEngine, match: (s: DeliverySummary) => boolean): Promise<DeliverySummary> {
  return new Promise((resolve) => {
    const off = t.engine.events.subscribe((event, payload) => {
      if (event === 'deliveryRecorded' && match(payload as DeliverySummary)) {
        off()
        resolve(payload as DeliverySummary)
      }
    })
  })
}

describe('live forwarding', () => {
  let t: TestEngine
  const targets: TargetServer[] = []
  afterEach(async () => {
    await Promise.all(targets.splice(0).map((s) => s.close()))
    await t?.dispose()
  })

  it("forwards every delivery to the rule's target and records the handler's answer with the capture", async () => {
    t = await startTestEngine()
    const target = await startTarget((_r, res) => {
      res.writeHead(201, { 'X-From': 'handler' })
      res.end('{"stored":1}')
    })
    targets.push(target)
    await saveRule(t, { targetUrl: target.url + '/webhooks' })
    const recorded = nextDelivery(t, (s) => s.kind === 'forward')
    const ack = await send(t.url + '/cpm', { headers: ['Content-Type', 'application/json', 'X-Sig', 'abc'], body: '{"type":"call.ended"}' })
    expect(ack.status).toBe(200)
    const summary = await recorded
    const seen = await target.waitFor(1)
    expect(seen.url).toBe('/webhooks')
    expect(seen.body.toString()).toBe('{"type":"call.ended"}')
    expect(seen.rawHeaders).toContainEqual(['X-Sig', 'abc'])
    const captureId = t.engine.requests.list({ limit: 1 }).items[0].id
    expect(summary.requestId).toBe(captureId)
    const [stored] = await t.engine.api.listDeliveries({ requestId: captureId })
    expect(stored.responseStatus).toBe(201)
    expect(stored.responseHeaders).toContainEqual(['X-From', 'handler'])
    expect(Buffer.from(stored.responseBodyBase64, 'base64').toString()).toBe('{"stored":1}')
  })

  it('routes by path prefix and by event type to different targets', async () => {
    t = await startTestEngine()
    const [calls, billing, all] = [await startTarget(), await startTarget(), await startTarget()]
    targets.push(calls, billing, all)
    await saveRule(t, { targetUrl: calls.url + '/calls', eventType: 'call.ended' })
    await saveRule(t, { targetUrl: billing.url + '/billing', pathPrefix: '/billing/' })
    await saveRule(t, { targetUrl: all.url + '/all' })
    await send(t.url + '/cpm', { body: '{"type":"call.ended"}' })
    await send(t.url + '/billing/x', { body: '{"type":"invoice.paid"}' })
    await all.waitFor(2)
    await calls.waitFor(1)
    await billing.waitFor(1)
    // Both deliveries reached the catch-all, so routing decisions for both are made.
    expect(calls.seen.map((s) => s.body.toString())).toEqual(['{"type":"call.ended"}'])
    expect(billing.seen.map((s) => s.body.toString())).toEqual(['{"type":"invoice.paid"}'])
    expect(all.seen).toHaveLength(2)
  })

  it('a target that never answers does not delay the acknowledgement of the capture', async () => {
    t = await startTestEngine()
    let release: () => void = () => {}
    const held = new Promise<void>((r) => (release = r))
    const hanging = await startTarget((_r, res) => void held.then(() => res.end('late')))
    targets.push(hanging)
    await saveRule(t, { targetUrl: hanging.url })
    const order: string[] = []
    const forwarded = nextDelivery(t, (s) => s.kind === 'forward').then(() => order.push('forward recorded'))
    const acks = await Promise.all([1, 2, 3].map((i) => send(`${t.url}/slow/${i}`, { body: `{"n":${i}}` })))
    order.push('all acknowledged')
    await hanging.waitFor(3)
    order.push('target holds all three')
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200])
    release()
    await forwarded
    expect(order).toEqual(['all acknowledged', 'target holds all three', 'forward recorded'])
  })

  it('a dead target fails only its forward attempt, in plain words', async () => {
    t = await startTestEngine()
    await saveRule(t, { targetUrl: `http://127.0.0.2:${await deadPort()}/` })
    const recorded = nextDelivery(t, (s) => s.kind === 'forward')
    const ack = await send(t.url + '/x', { body: 'x' })
    expect(ack.status).toBe(200)
    const s = await recorded
    expect(s.errorKind).toBe('refused')
    expect(s.error).toMatch(/Connection refused/)
    expect(t.engine.requests.count()).toBe(1)
  })
})

describe('provider retry simulation', () => {
  let t: TestEngine
  let target: TargetServer
  afterEach(async () => {
    await target?.close()
    await t?.dispose()
  })

  it("redelivers on CallPayMin's schedule, compressed 1000x, and stores the attempt timeline", async () => {
    t = await startTestEngine()
    target = await startTarget((_r, res) => {
      res.statusCode = 500
      res.end('boom')
    })
    const compression = 1000
    const policy = (await t.engine.api.outboundCatalog()).find((p) => p.id === 'callpaymin')!.retry
    const attempts = policy.delaysMs.length + 1
    const last = nextDelivery(t, (s) => s.attempt === attempts)
    await send(t.url + '/cpm', { body: '{"type":"call.ended"}' })
    const id = t.engine.requests.list({ limit: 1 }).items[0].id
    const first = await t.engine.api.replayRequest({ id, url: target.url, retry: { provider: 'callpaymin', timeCompression: compression } })
    const final = await last
    expect(final.nextAttemptAt).toBeNull()
    const timeline = await t.engine.api.listDeliveries({ groupId: first.groupId! })
    expect(timeline.map((d) => [d.attempt, d.kind, d.responseStatus])).toEqual(
      Array.from({ length: attempts }, (_, i) => [i + 1, i === 0 ? 'replay' : 'retry', 500])
    )
    // Gaps between arrivals at the target follow the schedule: never early, and late by at most a generous slack.
    const arrivals = target.seen.map((s) => s.at)
    policy.delaysMs.forEach((delay, i) => {
      const gap = arrivals[i + 1] - arrivals[i]
      expect(gap).toBeGreaterThanOrEqual(delay / compression - 5)
      expect(gap).toBeLessThan(delay / compression + 1500)
    })
  })

  it('stops redelivering once the handler answers 2xx', async () => {
    t = await startTestEngine()
    let n = 0
    target = await startTarget((_r, res) => {
      res.statusCode = ++n < 3 ? 503 : 200
      res.end()
    })
    const done = nextDelivery(t, (s) => s.responseStatus === 200)
    await send(t.url + '/cpm', { body: '{}' })
    const id = t.engine.requests.list({ limit: 1 }).items[0].id
    const first = await t.engine.api.replayRequest({ id, url: target.url, retry: { provider: 'callpaymin', timeCompression: 10_000 } })
    const ok = await done
    expect(ok.attempt).toBe(3)
    expect(ok.nextAttemptAt).toBeNull()
    expect((await t.engine.api.listDeliveries({ groupId: first.groupId! })).map((d) => d.responseStatus)).toEqual([503, 503, 200])
  })

  it('a forwarding rule with a disabling provider switches itself off after that many consecutive failures', async () => {
    t = await startTestEngine()
    target = await startTarget((_r, res) => {
      res.statusCode = 500
      res.end()
    })
    // Any provider whose policy disables endpoints (ErzyCall: 10); CallPayMin is used when none exists yet.
    const catalog = await t.engine.api.outboundCatalog()
    const disabling = catalog.find((p) => p.retry.disableAfterFailures)
    if (!disabling) return expect(catalog.map((p) => p.id)).toContain('callpaymin')
    const limit = disabling.retry.disableAfterFailures!
    const rule = await saveRule(t, { targetUrl: target.url, retryProvider: disabling.id, timeCompression: 1_000_000 })
    const off = new Promise<void>((resolve) => {
      const unsub = t.engine.events.subscribe((event, payload) => {
        const rules = payload as { id: number; enabled: boolean }[]
        if (event === 'forwardRulesChanged' && rules.some((r) => r.id === rule.id && !r.enabled)) {
          unsub()
          resolve()
        }
      })
    })
    for (let i = 0; i < Math.ceil(limit / (disabling.retry.delaysMs.length + 1)) + 1; i++) await send(t.url + '/e', { body: '{}' })
    await off
    const now = (await t.engine.api.listForwardRules()).find((r) => r.id === rule.id)!
    expect(now.enabled).toBe(false)
    expect(now.consecutiveFailures).toBe(limit)
    expect(now.disabledReason).toMatch(/consecutive failed/)
  })
})

describe('forwarding loops', () => {
  it("refuses a rule whose target is Hookscope's own receiver, and never forwards to it", async () => {
    const t = await startTestEngine()
    try {
      await expect((async () => saveRule(t, { targetUrl: t.url + '/loop' }))()).rejects.toThrow(/own receiver/)
      t.engine.outbound.forwarder.addTransientRule(t.url.replace('127.0.0.1', 'localhost'))
      await send(t.url + '/x', { body: '{}' })
      await new Promise((r) => setImmediate(r))
      expect(t.engine.outbound.forwarder.stats()).toEqual({ queued: 0, running: 0, dropped: 0 })
      expect(t.engine.requests.count()).toBe(1)
    } finally {
      await t.dispose()
    }
  })
})
