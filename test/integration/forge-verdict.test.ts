import { createServer as createTcpServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { SECURITY_FAILURE_MAX_SCORE, type ForgeCheckId, type ForgeProgress, type ForgeReport } from '../../src/shared/api/forge'
import { groupRepeatedErrors } from '../../src/shared/forge-groups'
import { runForgeTest } from '../../src/main/engine/forge/forge-api'
import { reportMarkdown } from '../../src/main/engine/forge/report'
import { startCorrectNode } from '../fixtures/handlers/correct-node'
import type { RunningHandler } from '../fixtures/handlers/listen'
import { startNoVerifyNode } from '../fixtures/handlers/noverify-node'
import { startThrowingNode } from '../fixtures/handlers/throwing-node'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { DEAD_HOST, deadPort } from '../helpers/target-server'

const SECRET = 'whsec_forge_verdict_0a1b2c3d'
const FAST = { gapMs: 100 }
const check = (r: ForgeReport, id: ForgeCheckId) => r.checks.find((c) => c.id === id)!

describe('forge report: security failures fail the run, advice fits what was sent', () => {
  let t: TestEngine
  let handler: RunningHandler | null = null
  afterEach(async () => {
    await handler?.close()
    handler = null
    await t?.dispose()
  })

  it('a handler that never verifies cannot reach a passing grade, and the report leads with why', async () => {
    t = await startTestEngine()
    handler = await startNoVerifyNode()
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(report.score).toBeLessThanOrEqual(SECURITY_FAILURE_MAX_SCORE)
    expect(report.securityFailures).toEqual(['missing-signature', 'wrong-secret', 'tampered-body', 'signature-garbage', 'signature-wrong-length'])
    expect(report.headline).toMatch(/^Failed: your handler accepted forged deliveries \(missing signature; signed with the wrong secret;/)
    const md = reportMarkdown(report).split('\n')
    // Title, blank, the score line, blank, then the verdict before anything else.
    expect(md[4]).toBe(`**${report.headline}**`)
    expect(md[2]).toContain(`score **${report.score}/100**`)
  })

  it('a handler that rejects forgeries by throwing (500) fails too, and each advice fits the delivery sent', async () => {
    t = await startTestEngine()
    handler = await startThrowingNode(SECRET)
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(check(report, 'valid-delivery').outcome).toBe('pass')
    expect(report.score).toBeLessThanOrEqual(SECURITY_FAILURE_MAX_SCORE)
    expect(report.headline).toMatch(/^Failed: forged deliveries make your handler fail instead of answering 401/)
    for (const id of ['wrong-secret', 'signature-garbage', 'signature-wrong-length', 'tampered-body'] as const) {
      expect(check(report, id).observed).toMatch(/^500 /)
    }
    // A wrong secret gives a signature of the right length and format: the length is not the problem.
    expect(check(report, 'wrong-secret').advice).toMatch(/throws on a well-formed signature made with another secret.*answer 401/)
    expect(check(report, 'wrong-secret').advice).not.toMatch(/length|timingSafeEqual/)
    // Same-length garbage is not hex: decoded, it is shorter, and timingSafeEqual throws on that.
    expect(check(report, 'signature-garbage').advice).toMatch(/right length but was not hex.*fewer bytes.*timingSafeEqual/)
    // A short signature is what the length check is for.
    expect(check(report, 'signature-wrong-length').advice).toMatch(/length before crypto\.timingSafeEqual/)
  })

  it('a correct handler has no headline and no security failures', async () => {
    t = await startTestEngine()
    handler = await startCorrectNode({ scheme: 'callpaymin', secret: SECRET })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(report).toMatchObject({ score: 100, securityFailures: [], headline: null })
  })

  it('a target that is down: one line says it for every check, not one line per check', async () => {
    t = await startTestEngine()
    const url = `http://${DEAD_HOST}:${await deadPort()}/webhooks`
    const report = await runForgeTest(t.engine, { targetUrl: url, provider: 'callpaymin', secret: SECRET, ...FAST })
    const judged = report.checks.filter((c) => c.outcome !== 'skip')
    const groups = groupRepeatedErrors(report.checks).filter((g) => g.checks[0].outcome === 'error')
    expect(groups).toHaveLength(1)
    expect(groups[0].checks).toHaveLength(judged.length)
    const md = reportMarkdown(report, { deliveries: false })
    expect(md).toContain(`| ${judged.length} checks: Valid delivery, `)
    expect(md.match(/Connection refused/g)).toHaveLength(2) // observed and advice of the one row
  })
})

describe('cancelling a forge run', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('progress says which check is running; Cancel stops the wait at once and the report says it was cancelled', async () => {
    t = await startTestEngine()
    const hang = await hangingServer()
    const progress: ForgeProgress[] = []
    const seen = (ok: (p: ForgeProgress) => boolean): Promise<ForgeProgress> =>
      new Promise((resolve) => {
        const off = t.engine.events.subscribe((name, payload) => {
          if (name !== 'forgeProgress') return
          progress.push(payload as ForgeProgress)
          if (ok(payload as ForgeProgress)) {
            off()
            resolve(payload as ForgeProgress)
          }
        })
      })
    try {
      const waiting = seen((p) => p.current?.delivery === 'valid')
      const { runId } = t.engine.api.forgeStart({ targetUrl: hang.url, provider: 'callpaymin', secret: SECRET, timeoutMs: 60_000 }) as { runId: string }
      const first = await waiting
      expect(first.current).toMatchObject({ index: 1, id: 'valid-delivery', title: 'Valid delivery' })
      expect(first.total).toBeGreaterThan(10)
      await hang.connected
      const finished = seen((p) => p.finished)
      expect(t.engine.api.forgeCancel({ runId })).toEqual({ cancelled: true })
      const last = await finished
      expect(last).toMatchObject({ status: 'cancelled', current: null })
      const report = t.engine.api.forgeGet({ runId }) as ForgeReport
      expect(report.status).toBe('cancelled')
      expect(report.checks).toHaveLength(0)
      expect(report.error).toMatch(/^Cancelled after 0 of \d+ checks/)
      await hang.closed // the socket waiting for an answer is dropped, not left open
      expect(t.engine.api.forgeCancel({ runId })).toEqual({ cancelled: false })
    } finally {
      hang.close()
    }
  })
})

/** Accepts connections and never answers; says when the first one arrives and when it closes. */
async function hangingServer(): Promise<{ url: string; connected: Promise<void>; closed: Promise<void>; close: () => void }> {
  const sockets = new Set<Socket>()
  let connected!: () => void
  let closed!: () => void
  const c = new Promise<void>((r) => (connected = r))
  const d = new Promise<void>((r) => (closed = r))
  const server = createTcpServer((socket) => {
    sockets.add(socket)
    connected()
    socket.on('error', () => {})
    socket.on('close', () => closed())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    connected: c,
    closed: d,
    close: () => {
      for (const s of sockets) s.destroy()
      server.close()
    }
  }
}
