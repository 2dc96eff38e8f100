// Outbound benchmark (a script, not a test): `npx tsx test/bench/forward.ts [seconds]`.
// 1. Capture throughput and p99 acknowledgement latency with no forwarding, forwarding to a fast handler,
//    and forwarding to a handler that never answers (the acknowledgement must not care).
// 2. Sequential replay latency against a bare node:http request loop to the same local handler.
import autocannon from 'autocannon'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Engine } from '../../src/main/engine/engine'
import { startTarget } from '../helpers/target-server'
import { fmt, sampleBody } from './util'

const seconds = Number(process.argv[2] ?? 5)
const body = sampleBody(1)

async function load(url: string): Promise<{ rps: number; p99: number; ok: number }> {
  const r = await autocannon({ url: url + '/cpm', method: 'POST', connections: 20, duration: seconds, headers: { 'content-type': 'application/json' }, body })
  return { rps: r.requests.average, p99: r.latency.p99, ok: r['2xx'] }
}

async function withEngine<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-fwd-bench-'))
  const engine = new Engine({ dbPath: join(dir, 'b.db'), port: 0, log: () => {} })
  await engine.start()
  try {
    return await fn(engine)
  } finally {
    await engine.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

function bareSend(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function main(): Promise<void> {
  const fast = await startTarget((_r, res) => res.end('{"ok":true}'))
  const hanging = await startTarget(() => {})
  const rounds = Number(process.argv[3] ?? 3)
  console.log(`forward bench: ${rounds} alternating rounds x ${seconds} s per condition, 20 connections, ${body.length}-byte body`)
  const results: Record<string, { rps: number; p99: number }[]> = { none: [], fast: [], dead: [] }
  for (let r = 0; r < rounds; r++) {
    results.none.push(await withEngine((e) => load(e.receiverUrl)))
    results.fast.push(
      await withEngine(async (e) => {
        e.outbound.targets.saveRule({ targetUrl: fast.url })
        const res = await load(e.receiverUrl)
        // Let the queue drain, then check every capture was forwarded and answered.
        while (e.outbound.forwarder.stats().queued + e.outbound.forwarder.stats().running > 0) await new Promise((ok) => setTimeout(ok, 50))
        const forwarded = (e.db.prepare(`SELECT count(*) AS n FROM deliveries WHERE kind = 'forward' AND response_status = 200`).get() as { n: number }).n
        console.log(`  round ${r + 1}: forwarded and answered ${forwarded} of ${e.requests.count()} captures, dropped ${e.outbound.forwarder.stats().dropped}`)
        return res
      })
    )
    results.dead.push(
      await withEngine(async (e) => {
        e.outbound.targets.saveRule({ targetUrl: hanging.url })
        return load(e.receiverUrl)
      })
    )
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const base = med(results.none.map((r) => r.rps))
  const line = (name: string, rs: { rps: number; p99: number }[]): string =>
    `  ${name.padEnd(36)} median ${fmt(med(rs.map((r) => r.rps)), 0).padStart(6)} req/s  p99 ${med(rs.map((r) => r.p99))} ms  (${fmt((med(rs.map((r) => r.rps)) / base) * 100)} % of no forwarding)`
  console.log(line('no forwarding', results.none))
  console.log(line('forwarding to a fast handler', results.fast))
  console.log(line('forwarding to a handler that hangs', results.dead))

  const n = 500
  const replay = await withEngine(async (e) => {
    await bareSend(e.receiverUrl + '/cpm')
    const id = e.requests.list({ limit: 1 }).items[0].id
    let t = performance.now()
    for (let i = 0; i < n; i++) await bareSend(fast.url + '/bare')
    const bare = (performance.now() - t) / n
    t = performance.now()
    for (let i = 0; i < n; i++) await e.outbound.replay({ id, url: fast.url + '/replay' })
    return { bare, replay: (performance.now() - t) / n }
  })
  console.log(`  replay: ${fmt(replay.replay, 2)} ms each (sent, answered, stored) vs bare node:http ${fmt(replay.bare, 2)} ms: ratio ${fmt(replay.replay / replay.bare, 2)}x`)
  await fast.close()
  await hanging.close()
  process.exit(0)
}

void main()
