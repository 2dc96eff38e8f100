import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ForgeCheckId, ForgeProgress, ForgeReport } from '../../src/shared/api/forge'
import { runForgeTest } from '../../src/main/engine/forge/forge-api'
import { startCorrectExpress } from '../fixtures/handlers/correct-express'
import { startCorrectNode } from '../fixtures/handlers/correct-node'
import { startDocsExpress } from '../fixtures/handlers/docs-express'
import { listenOn, type RunningHandler } from '../fixtures/handlers/listen'
import { startNoVerifyNode } from '../fixtures/handlers/noverify-node'
import { startSlowNode } from '../fixtures/handlers/slow-node'
import { ROOT, runCli } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'

const SECRET = 'whsec_forge_test_9f8e7d6c5b4a'
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
const FAST = { gapMs: 150 }

const outcomes = (r: ForgeReport): Record<string, string> => Object.fromEntries(r.checks.map((c) => [c.id, c.outcome]))
const failed = (r: ForgeReport): ForgeCheckId[] => r.checks.filter((c) => c.outcome === 'fail').map((c) => c.id).sort()
const check = (r: ForgeReport, id: ForgeCheckId) => r.checks.find((c) => c.id === id)!

describe('forge-test suite', () => {
  let t: TestEngine
  let handler: RunningHandler | null = null
  afterEach(async () => {
    await handler?.close()
    handler = null
    await t?.dispose()
  })

  it('a correct Express handler (CallPayMin) passes every check', async () => {
    t = await startTestEngine()
    handler = await startCorrectExpress({ scheme: 'callpaymin', secret: SECRET })
    const progress: ForgeProgress[] = []
    t.engine.events.subscribe((name, payload) => name === 'forgeProgress' && progress.push(payload as ForgeProgress))
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(report.status).toBe('finished')
    expect(failed(report)).toEqual([])
    expect(report.checks.filter((c) => c.outcome === 'warn' || c.outcome === 'error')).toEqual([])
    expect(report.score).toBe(100)
    // Signature checks ran; timestamp checks are skipped with a reason (CallPayMin signs no timestamp).
    expect(outcomes(report)['signature-wrong-length']).toBe('pass')
    expect(check(report, 'stale-timestamp').outcome).toBe('skip')
    expect(check(report, 'stale-timestamp').advice).toMatch(/no timestamp/)
    expect(check(report, 'retry-burst').observed).toMatch(/duplicate/)
    // Progress: a start, one per check, a finish; every delivery recorded in the delivery log.
    expect(progress.at(-1)).toMatchObject({ finished: true, score: 100, done: report.checks.length })
    expect(progress.filter((p) => p.check).length).toBe(report.checks.length)
    const logged = t.engine.deliveries.forGroup(report.id)
    const sent = report.checks.flatMap((c) => c.exchanges)
    expect(logged.length).toBe(sent.length)
    expect(logged.every((d) => d.kind === 'forge')).toBe(true)
    expect(sent.every((e) => e.deliveryId !== null)).toBe(true)
    // Saved with its target, secret nowhere in it.
    const saved = t.engine.api.forgeList({ targetUrl: report.targetUrl })
    expect(Array.isArray(saved) && saved[0].id).toBe(report.id)
    const md = (await t.engine.api.forgeExport({ runId: report.id, format: 'markdown' })).text
    const json = (await t.engine.api.forgeExport({ runId: report.id, format: 'json' })).text
    expect(md).toContain('score **100/100**')
    for (const text of [md, json, JSON.stringify(logged)]) expect(text).not.toContain(SECRET)
  })

  it('a correct plain-Node handler passes every check for a timestamped scheme (CallCall.ai), including stale and future timestamps', async () => {
    t = await startTestEngine()
    handler = await startCorrectNode({ scheme: 'callcall', secret: SECRET })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callcall', secret: SECRET, ...FAST })
    expect(failed(report)).toEqual([])
    expect(outcomes(report)).toMatchObject({ 'stale-timestamp': 'pass', 'future-timestamp': 'pass', 'missing-signature': 'pass' })
    expect(report.score).toBe(100)
  })

  it('an unsigned provider (VoIPBIN): signature checks are skipped with a reason, every method it uses is sent', async () => {
    t = await startTestEngine()
    handler = await startCorrectExpress({ scheme: 'voipbin', secret: '', methods: ['POST', 'PUT', 'GET', 'DELETE'] })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'voipbin', ...FAST })
    expect(failed(report)).toEqual([])
    expect(check(report, 'missing-signature')).toMatchObject({ outcome: 'skip' })
    expect(check(report, 'missing-signature').advice).toMatch(/does not sign/)
    expect(check(report, 'methods').exchanges.map((e) => e.sent.method)).toEqual(['PUT', 'GET', 'DELETE'])
    expect(check(report, 'out-of-order').outcome).toBe('pass')
  })

  it('a handler that only accepts POST fails the methods check for VoIPBIN', async () => {
    t = await startTestEngine()
    handler = await startCorrectExpress({ scheme: 'voipbin', secret: '' })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'voipbin', ...FAST })
    expect(failed(report)).toEqual(['methods'])
    expect(check(report, 'methods').observed).toBe('PUT 405, GET 405, DELETE 405')
    expect(check(report, 'methods').advice).toMatch(/POST, PUT, GET, DELETE/)
  })

  it("the providers' sample code (JSON.stringify + bare timingSafeEqual) fails missing-signature, wrong-length and reformatted JSON", async () => {
    t = await startTestEngine()
    handler = await startDocsExpress({ secret: SECRET })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(failed(report)).toEqual(['missing-signature', 'reformatted-json', 'signature-wrong-length'])
    expect(check(report, 'signature-wrong-length').observed).toMatch(/^500 /)
    expect(check(report, 'signature-wrong-length').advice).toMatch(/timingSafeEqual.*401/)
    expect(check(report, 'reformatted-json').observed).toMatch(/^401 /)
    expect(check(report, 'reformatted-json').advice).toMatch(/JSON\.stringify\(req\.body\).*raw body/)
    expect(check(report, 'missing-signature').advice).toMatch(/401 instead of throwing/)
    // Same-length garbage and a wrong secret are rejected properly (401): those pass.
    expect(outcomes(report)).toMatchObject({ 'signature-garbage': 'pass', 'wrong-secret': 'pass', 'tampered-body': 'pass' })
    // It answers every retry 2xx but never says it saw the event before: a warning, not a failure.
    expect(check(report, 'retry-burst').outcome).toBe('warn')
    expect(report.score).toBeLessThan(100)
  })

  it('a handler that never verifies fails every forged delivery', async () => {
    t = await startTestEngine()
    handler = await startNoVerifyNode()
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callcall', secret: SECRET, ...FAST })
    expect(failed(report)).toEqual(
      ['future-timestamp', 'missing-signature', 'signature-garbage', 'signature-wrong-length', 'stale-timestamp', 'tampered-body', 'wrong-secret'].sort()
    )
    expect(check(report, 'missing-signature').advice).toMatch(/unsigned requests.*401/)
    expect(check(report, 'stale-timestamp').advice).toMatch(/more than 300 s old/)
    expect(check(report, 'valid-delivery').outcome).toBe('pass')
  })

  it('a slow handler fails only the answer-time check against the provider limit (TopCalls: 1 s)', async () => {
    t = await startTestEngine()
    handler = await startSlowNode({ scheme: 'topcalls', secret: SECRET, delayMs: 1300 })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'topcalls', secret: SECRET, ...FAST })
    expect(failed(report)).toEqual(['answer-time'])
    expect(check(report, 'answer-time').observed).toMatch(/limit 1\.0 s/)
    expect(check(report, 'answer-time').advice).toMatch(/Answer within 1\.0 s.*queue/)
  })

  it('a handler that redirects (trailing slash) fails with advice to use the final URL', async () => {
    t = await startTestEngine()
    const server = createHttpServer((req, res) => {
      res.writeHead(308, { Location: `${req.url}/` })
      res.end()
    })
    handler = await listenOn(server, '/webhooks')
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(check(report, 'valid-delivery')).toMatchObject({ outcome: 'fail', observed: expect.stringMatching(/^308 /) })
    expect(check(report, 'valid-delivery').advice).toMatch(/redirect \(308\).*final URL/)
    expect(check(report, 'missing-signature').outcome).toBe('fail')
  })

  it('a plain node:http copy of the sample code crashes on a missing signature: that check says so, later ones say why they were not judged', async () => {
    t = await startTestEngine()
    const child = spawn(process.execPath, [TSX, join(ROOT, 'test/fixtures/handlers/docs-node-crash.ts'), SECRET], { stdio: ['ignore', 'pipe', 'ignore'] })
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
      const url = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/webhooks`
      const report = await runForgeTest(t.engine, { targetUrl: url, provider: 'callpaymin', secret: SECRET, ...FAST })
      expect(report.status).toBe('finished')
      expect(outcomes(report)).toMatchObject({ 'valid-delivery': 'pass', 'same-event-again': 'pass', 'missing-signature': 'error' })
      expect(check(report, 'missing-signature').advice).toMatch(/probably crashed.*answer 401/)
      // The crashed process may still hold its socket for a moment on a loaded machine: refused or closed.
      expect(check(report, 'wrong-secret').observed).toMatch(/Connection refused|closed the connection without answering/)
      expect(check(report, 'wrong-secret').advice).toBe('Not judged: the target stopped answering during "Missing signature" and has not answered since.')
      expect(child.exitCode).not.toBe(0)
    } finally {
      child.kill()
    }
  })

  it('a target that is down: every check says so and the run finishes', async () => {
    t = await startTestEngine()
    const port = await freePort()
    const report = await runForgeTest(t.engine, { targetUrl: `http://127.0.0.2:${port}/webhooks`, provider: 'callpaymin', secret: SECRET, ...FAST })
    expect(report.status).toBe('finished')
    const judged = report.checks.filter((c) => c.outcome !== 'skip')
    expect(judged.length).toBeGreaterThan(10)
    for (const c of judged) {
      expect(c.outcome).toBe('error')
      expect(c.observed).toMatch(/Connection refused/)
    }
    expect(report.score).toBe(0)
  })

  it('a target that hangs: the first checks time out, the rest are not sent, and the run finishes', async () => {
    t = await startTestEngine()
    const hang = await hangingServer()
    try {
      const report = await runForgeTest(t.engine, { targetUrl: hang.url, provider: 'callpaymin', secret: SECRET, ...FAST, timeoutMs: 300 })
      expect(report.status).toBe('finished')
      expect(check(report, 'valid-delivery').observed).toMatch(/No answer .* within 300 ms/)
      const last = check(report, 'after-gap')
      expect(last.outcome).toBe('error')
      expect(last.observed).toMatch(/Not sent: the target did not answer the last 2 deliveries/)
    } finally {
      hang.close()
    }
  })

  it('without a typed secret, the one stored for the provider is used (and appears nowhere in the report)', async () => {
    t = await startTestEngine()
    t.engine.signatures.addSecret({ provider: 'callpaymin' }, SECRET, 'current')
    handler = await startCorrectExpress({ scheme: 'callpaymin', secret: SECRET })
    const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: 'callpaymin', ...FAST })
    expect(failed(report)).toEqual([])
    expect(report.score).toBe(100)
    expect(JSON.stringify(report)).not.toContain(SECRET)
  })

  it('bad input fails the call in words, before anything is sent', async () => {
    t = await startTestEngine()
    expect(() => t.engine.api.forgeStart({ targetUrl: 'localhost:3000', provider: 'callpaymin', secret: 'x' })).toThrow(/not an http|http:\/\/ or https/)
    expect(() => t.engine.api.forgeStart({ targetUrl: 'http://127.0.0.1:1/x', provider: 'nope', secret: 'x' })).toThrow(/Unknown provider "nope"/)
    expect(() => t.engine.api.forgeStart({ targetUrl: 'http://127.0.0.1:1/x', provider: 'callpaymin' })).toThrow(/give the secret/)
  })

  it('CLI: forge-test --json lists each check with id, expected, observed, pass, advice and exits 0 whatever the verdicts', async () => {
    t = await startTestEngine()
    handler = await startDocsExpress({ secret: SECRET })
    const db = t.dbPath
    const { code, stdout, stderr } = await runCli(['forge-test', '--provider', 'callpaymin', '--to', handler.url, '--secret', SECRET, '--json', '--db', db, '--gap-ms', '100'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as { score: number; checks: { id: string; expected: string; observed: string; pass: boolean; advice: string | null }[] }
    expect(out.score).toBeLessThan(100)
    for (const c of out.checks) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'expected', 'observed', 'pass', 'advice']))
    const wrongLength = out.checks.find((c) => c.id === 'signature-wrong-length')!
    expect(wrongLength).toMatchObject({ expected: '4xx (not 5xx)', pass: false })
    expect(wrongLength.advice).toMatch(/timingSafeEqual/)
    expect(stdout).not.toContain(SECRET)
  })

  it('CLI: an unknown provider is an error on stderr with a non-zero exit', async () => {
    t = await startTestEngine()
    const { code, stderr } = await runCli(['forge-test', '--provider', 'nope', '--to', 'http://127.0.0.1:9/x', '--secret', 's', '--json', '--db', t.dbPath])
    expect(code).not.toBe(0)
    expect(JSON.parse(stderr).error).toMatch(/Unknown provider/)
  })
})

async function freePort(): Promise<number> {
  const server = createTcpServer()
  // 127.0.0.2: no test server binds it, so the freed port stays free for the test (see DEAD_HOST).
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Accepts connections and never answers. */
async function hangingServer(): Promise<{ url: string; close: () => void }> {
  const sockets = new Set<import('node:net').Socket>()
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () => {
      for (const s of sockets) s.destroy()
      server.close()
    }
  }
}
