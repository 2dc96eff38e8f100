// Retention under load: acknowledgement latency while 100,000 old captures are pruned, against the
// same load with retention off, on copies of one seeded database, alternating rounds.
// Usage: retention [rounds] [seconds] [old captures] [requests per second]
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Engine } from '../../src/main/engine/engine'
import { newRequest } from '../helpers/rows'
import { fmt, median, sampleBody, startChild } from './util'

const DAY = 24 * 60 * 60 * 1000
const CONNECTIONS = 10

async function seed(file: string, count: number): Promise<void> {
  const engine = new Engine({ dbPath: file, port: 0, log: () => {} })
  const old = Date.now() - 40 * DAY
  for (let start = 0; start < count; start += 10_000) {
    const rows = []
    for (let i = start; i < Math.min(count, start + 10_000); i++) {
      rows.push(newRequest('/old/callcall/webhook', sampleBody(i), { receivedAt: old + i, headers: [['Content-Type', 'application/json']] }))
    }
    engine.requests.insertMany(rows)
  }
  engine.flushIndex()
  await engine.stop()
}

interface Phase {
  p50: number
  p99: number
  max: number
  rps: number
  /** Seconds after the load started when the last old capture was gone (null: not within the window). */
  prunedAfter: number | null
  oldLeft: number
}

async function phase(seeded: string, dir: string, name: string, prune: boolean, seconds: number, rate: number, count: number): Promise<Phase> {
  const file = join(dir, `${name}.db`)
  copyFileSync(seeded, file)
  const setup = new Database(file)
  setup.prepare(`INSERT OR REPLACE INTO settings(key, value) VALUES ('retention', ?)`).run(JSON.stringify({ maxSizeMb: 0, maxAgeDays: prune ? 30 : 0 }))
  setup.close()
  const target = await startChild('./serve-target.ts', ['engine', file])
  const watch = new Database(file, { readonly: true })
  const minId = watch.prepare('SELECT min(id) AS id FROM requests')
  const started = Date.now()
  let prunedAfter: number | null = null
  const timer = setInterval(() => {
    if (prunedAfter === null && ((minId.get() as { id: number | null }).id ?? 0) > count) prunedAfter = (Date.now() - started) / 1000
  }, 250)
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}/callcall/webhook`,
    method: 'POST',
    connections: CONNECTIONS,
    overallRate: rate,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: sampleBody(1)
  })
  clearInterval(timer)
  const oldLeft = (watch.prepare('SELECT count(*) AS n FROM requests WHERE id <= ?').get(count) as { n: number }).n
  watch.close()
  await target.stop()
  return { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, rps: result.requests.average, prunedAfter, oldLeft }
}

export async function retentionBench(args: string[]): Promise<boolean> {
  const rounds = Number(args[0] ?? 2)
  const seconds = Number(args[1] ?? 15)
  const count = Number(args[2] ?? 100_000)
  const rate = Number(args[3] ?? 1000)
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-retention-'))
  try {
    const seeded = join(dir, 'seeded.db')
    const t0 = Date.now()
    await seed(seeded, count)
    console.log(`retention: seeded ${count} captures 40 days old in ${fmt((Date.now() - t0) / 1000)} s; load ${rate} req/s over ${CONNECTIONS} connections, ${seconds} s per phase`)
    const off: Phase[] = []
    const on: Phase[] = []
    for (let r = 0; r < rounds; r++) {
      for (const prune of [false, true]) {
        const p = await phase(seeded, dir, `round-${r}-${prune ? 'on' : 'off'}`, prune, seconds, rate, count)
        ;(prune ? on : off).push(p)
        console.log(
          `  round ${r + 1}, pruning ${prune ? 'on ' : 'off'}: ${fmt(p.rps, 0)} req/s, p50 ${fmt(p.p50)} ms, p99 ${fmt(p.p99)} ms, max ${fmt(p.max)} ms` +
            (prune ? `; ${count - p.oldLeft} pruned${p.prunedAfter !== null ? `, all gone after ${fmt(p.prunedAfter)} s` : ` (${p.oldLeft} left at the end)`}` : '')
        )
      }
    }
    const p99Off = median(off.map((p) => p.p99))
    const p99On = median(on.map((p) => p.p99))
    console.log(
      `retention: p99 acknowledgement ${fmt(p99Off)} ms without pruning, ${fmt(p99On)} ms while pruning ${count} old captures: ` +
        `${fmt((p99On / p99Off) * 100)} % (target <= 120 %: ${p99On <= p99Off * 1.2 ? 'met' : 'MISSED'})`
    )
    return on.every((p) => p.oldLeft < count)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
