// Capture throughput and p99 acknowledgement latency: Hookscope's receiver (acknowledging after
// commit) against a bare Node http server, same load generator, same run, alternating rounds.
// Afterwards every acknowledged request must be in the database.
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fmt, median, sampleBody, startChild } from './util'

interface Round {
  rps: number
  p99: number
  p50: number
  ok: number
  errors: number
  /** Server CPU time per acknowledged request, in microseconds (all threads). */
  cpuPerReq: number
}

async function load(port: number, seconds: number): Promise<Round> {
  const body = sampleBody(1)
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/callcall/webhook`,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'user-agent': 'CallCall-Webhooks/2.1', 'x-request-id': 'bench' },
    body
  })
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    ok: result['2xx'],
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerReq: 0
  }
}

export async function captureBench(args: string[]): Promise<boolean> {
  const rounds = Number(args[0] ?? 3)
  const seconds = Number(args[1] ?? 8)
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'))
  const bare: Round[] = []
  const engine: Round[] = []
  let allStored = true
  console.log(`capture: ${rounds} rounds x ${seconds} s each, 50 connections, ${sampleBody(1).length}-byte JSON body`)
  try {
    for (let r = 0; r < rounds; r++) {
      const b = await startChild('./serve-target.ts', ['bare'])
      const bareRound = await load(b.port, seconds)
      // 0 = the child's CPU line was lost at exit; NaN keeps it out of the medians.
      bareRound.cpuPerReq = (await b.stop()) / bareRound.ok || Number.NaN
      bare.push(bareRound)

      const dbPath = join(dir, `round-${r}.db`)
      const e = await startChild('./serve-target.ts', ['engine', dbPath])
      const round = await load(e.port, seconds)
      round.cpuPerReq = (await e.stop()) / round.ok || Number.NaN
      engine.push(round)

      const db = new Database(dbPath, { readonly: true })
      const stored = (db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n
      const intact = (
        db.prepare('SELECT count(*) AS n FROM requests WHERE body = ?').get(Buffer.from(sampleBody(1))) as { n: number }
      ).n
      db.close()
      // In-flight requests at the end may be stored without their acknowledgement being counted.
      const ok = stored >= round.ok && intact === stored
      allStored &&= ok
      console.log(
        `  round ${r + 1}: bare ${fmt(bare[r].rps, 0)} req/s p99 ${bare[r].p99} ms | hookscope ${fmt(round.rps, 0)} req/s ` +
          `p99 ${round.p99} ms | CPU/request ${fmt(bare[r].cpuPerReq, 0)} vs ${fmt(round.cpuPerReq, 0)} µs | ratio ${fmt((round.rps / bare[r].rps) * 100)} % | acknowledged ${round.ok}, stored ${stored}` +
          `${round.errors ? `, errors ${round.errors}` : ''} ${ok ? 'ok' : 'MISSING ROWS'}`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const ratios = engine.map((e, i) => e.rps / bare[i].rps)
  const ratio = median(ratios)
  console.log(
    `capture: median bare ${fmt(median(bare.map((b) => b.rps)), 0)} req/s (p99 ${median(bare.map((b) => b.p99))} ms), ` +
      `hookscope ${fmt(median(engine.map((e) => e.rps)), 0)} req/s (p99 ${median(engine.map((e) => e.p99))} ms, p50 ${median(engine.map((e) => e.p50))} ms)`
  )
  console.log(
    `capture: throughput ratio ${fmt(ratio * 100)} % of bare (spread ${fmt(Math.min(...ratios) * 100)}–${fmt(Math.max(...ratios) * 100)} %), ` +
      `target >= 80 %: ${ratio >= 0.8 ? 'met' : 'MISSED'}; server CPU per request ${fmt(median(bare.map((b) => b.cpuPerReq).filter((x) => !Number.isNaN(x))), 0)} µs bare vs ` +
      `${fmt(median(engine.map((e) => e.cpuPerReq).filter((x) => !Number.isNaN(x))), 0)} µs hookscope; every acknowledged request stored: ${allStored ? 'yes' : 'NO'}`
  )
  return allStored
}
