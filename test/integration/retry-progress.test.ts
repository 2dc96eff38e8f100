// Each attempt of a simulated retry schedule says what comes next: another attempt (and when), delivered,
// gave up (schedule exhausted), or stopped (the rule switched itself off).
import { afterEach, describe, expect, it } from 'vitest'
import type { DeliverySummary } from '../../src/shared/api/outbound'
import { outboundInputs } from '../../src/shared/api/outbound'
import { retryProgress } from '../../src/main/engine/outbound/deliver'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { startTarget, type TargetServer } from '../helpers/target-server'

/** Every pushed delivery summary of one kind until `done` says stop. */
function collect(t: TestEngine, done: (s: DeliverySummary) => boolean): Promise<DeliverySummary[]> {
  const seen: DeliverySummary[] = []
  return new Promise((resolve) => {
    const off = t.engine.events.subscribe((event, payload) => {
      if (event !== 'deliveryRecorded') return
      seen.push(payload as DeliverySummary)
      if (done(payload as DeliverySummary)) {
        off()
        resolve(seen)
      }
    })
  })
}

describe('retry progress', () => {
  let t: TestEngine
  let target: TargetServer
  afterEach(async () => {
    await target?.close()
    await t?.dispose()
  })

  it('says when the next attempt is due and that the schedule gave up after the last', async () => {
    t = await startTestEngine()
    target = await startTarget((_r, res) => {
      res.statusCode = 500
      res.end()
    })
    const policy = (await t.engine.api.outboundCatalog()).find((p) => p.id === 'erzycall')!.retry
    const max = policy.delaysMs.length + 1
    const all = collect(t, (s) => s.retry?.outcome !== 'will-retry')
    const before = Date.now()
    await t.engine.api.sendEvent(outboundInputs.sendEvent.parse({ provider: 'erzycall', url: target.url, bodyText: '{}', sign: false, retry: { provider: 'erzycall', timeCompression: 1000 } }))
    const summaries = await all
    expect(summaries.map((s) => [s.attempt, s.retry])).toEqual(
      Array.from({ length: max }, (_, i) => [i + 1, { outcome: i + 1 < max ? 'will-retry' : 'gave-up', maxAttempts: max }])
    )
    // Each "next attempt" time is the schedule's delay (compressed) after that attempt was recorded.
    summaries.slice(0, -1).forEach((s, i) => {
      expect(s.nextAttemptAt).toBeGreaterThanOrEqual(before + policy.delaysMs[i] / 1000)
      expect(s.nextAttemptAt! - s.createdAt).toBeLessThanOrEqual(policy.delaysMs[i] / 1000 + 1000)
    })
    expect(summaries.at(-1)!.nextAttemptAt).toBeNull()
  })

  it('says delivered when an attempt answers 2xx, and nothing about retries without simulation', async () => {
    t = await startTestEngine()
    let n = 0
    target = await startTarget((_r, res) => {
      res.statusCode = ++n < 2 ? 503 : 200
      res.end()
    })
    const all = collect(t, (s) => s.retry?.outcome === 'delivered')
    await t.engine.api.sendEvent(outboundInputs.sendEvent.parse({ provider: 'callpaymin', url: target.url, bodyText: '{}', sign: false, retry: { provider: 'callpaymin', timeCompression: 100_000 } }))
    expect((await all).map((s) => s.retry?.outcome)).toEqual(['will-retry', 'delivered'])
    const plain = collect(t, () => true)
    await t.engine.api.sendEvent(outboundInputs.sendEvent.parse({ provider: 'callpaymin', url: target.url, bodyText: '{}', sign: false }))
    expect((await plain)[0].retry).toBeNull()
  })

  it('says stopped when redelivery is called off before the schedule ends', () => {
    const plan = { policy: { delaysMs: [10, 20], timeoutMs: 1000, disableAfterFailures: null, description: '' }, timeCompression: 1 }
    expect(retryProgress(plan as never, 1, true, false)).toEqual({ outcome: 'stopped', maxAttempts: 3 })
    expect(retryProgress(plan as never, 3, true, true)).toEqual({ outcome: 'gave-up', maxAttempts: 3 })
    expect(retryProgress(plan as never, 2, false, true)).toEqual({ outcome: 'delivered', maxAttempts: 3 })
  })
})
