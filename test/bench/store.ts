// The store at scale: N stored requests (default 1,000,000, realistic ~1 KB JSON bodies and headers,
// written through RequestStore.insertMany in big transactions, then indexed by the real FTS indexer).
// Measures newest page, deep page, filtered pages, text search, database size and engine start.
// `npm run bench store [N]`.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestQuery, VerdictStatus } from '../../src/shared/types'
import { Engine } from '../../src/main/engine/engine'
import { openDatabase } from '../../src/main/engine/store/db'
import { FtsIndexer } from '../../src/main/engine/store/indexer'
import { RequestStore } from '../../src/main/engine/store/request-store'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { fmt, median, sampleBody } from './util'

const PROVIDERS = ['callpaymin', 'callcall', 'topcalls', 'voipbin', 'erzycall', null] as const
const VERDICTS: VerdictStatus[] = ['valid', 'valid', 'valid', 'invalid', 'unsigned', 'unknown', 'stale', 'missing']
const TX_ROWS = 10_000
/** Providers whose stored rows carry a call id (as calls/call-id.ts extracts it at capture). */
const WITH_CALLS = new Set(['callpaymin', 'topcalls', 'voipbin', 'erzycall'])

/** One realistic stored request (also used by the UI bench to fill its database). */
export function storedRow(i: number, start: number): NewRequest {
  const provider = PROVIDERS[i % PROVIDERS.length]
  const body = Buffer.from(sampleBody(i))
  // Roughly one in 50 is not a POST, so a method filter has a rare value to look for.
  const method = i % 50 === 0 ? 'GET' : i % 97 === 0 ? 'PUT' : 'POST'
  return {
    receivedAt: start + i * 10,
    endpoint: provider ? `/${provider}/webhook` : null,
    method,
    path: `/${provider ?? 'hooks'}/webhook?attempt=${1 + (i % 3)}`,
    httpVersion: '1.1',
    headers: [
      ['Host', 'abc123.loca.lt'],
      ['User-Agent', `${provider ?? 'curl'}-webhooks/2.1`],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(body.length)],
      ['X-Request-Id', `req_${i.toString(36)}`],
      ['X-Signature', `t=${1_780_000_000 + i},v1=${(i * 2654435761).toString(16).padStart(16, '0')}`],
      ['X-Forwarded-For', `203.0.113.${i % 255}`],
      ['Accept-Encoding', 'gzip, deflate']
    ],
    body,
    bodySize: body.length,
    bodySha256: i.toString(16).padStart(64, '0'),
    bodyTruncated: false,
    contentType: 'application/json',
    contentEncoding: null,
    remoteAddress: '127.0.0.1',
    viaTunnel: i % 2 === 0,
    forwardedFor: `203.0.113.${i % 255}`,
    provider,
    eventType: ['call.started', 'call.ended', 'call.transcript', 'recording.ready'][i % 4],
    eventId: `evt_${i.toString(36).padStart(10, '0')}`,
    // Five deliveries per call: rows go round the six providers, so a call's rows are 6 apart.
    callId: provider && WITH_CALLS.has(provider) ? `call_${Math.floor(i / 30)}` : null,
    verdict: { status: provider ? VERDICTS[i % VERDICTS.length] : 'unknown', detail: 'Signature checked.' },
    signature: null,
    response: { status: 200, headers: [['Content-Type', 'application/json']], bodyBase64: 'eyJyZWNlaXZlZCI6dHJ1ZX0=', delayMs: 0 },
    durationMs: 0.4,
    note: null
  }
}

/**
 * What the call indexes cost a write: the same rows inserted into fresh databases with their call ids
 * and with none (partial indexes skip rows without one), alternating, in the same run.
 */
function callIndexCost(dir: string, start: number): void {
  const rows = 50_000
  const samples: Record<'with' | 'without', number[]> = { with: [], without: [] }
  for (let round = 0; round < 8; round++) {
    const kind = round % 2 === 0 ? 'with' : 'without'
    const file = join(dir, `calls-${round}.db`)
    const db = openDatabase(file)
    const store = new RequestStore(db)
    const t0 = performance.now()
    for (let i = 0; i < rows; i += TX_ROWS) {
      const batch: NewRequest[] = []
      for (let j = i; j < i + TX_ROWS; j++) {
        const row = storedRow(j, start)
        // Every row gets a call id here, the worst case for the indexes.
        batch.push({ ...row, callId: kind === 'with' ? `call_${Math.floor(j / 5)}` : null })
      }
      store.insertMany(batch)
    }
    samples[kind].push((performance.now() - t0) * 1000 / rows)
    db.close()
  }
  const w = median(samples.with)
  const wo = median(samples.without)
  const each = samples.with.map((x, i) => fmt(x / samples.without[i], 2)).join(', ')
  console.log(`  insert with a call id on every row ${fmt(w, 1)} µs/row, without ${fmt(wo, 1)} µs/row (medians): ${fmt(w / wo, 2)}× (pairs: ${each}; two partial indexes)`)
}

function time(fn: () => unknown, runs = 7): { ms: number; result: unknown } {
  let result: unknown
  const samples: number[] = []
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    result = fn()
    samples.push(performance.now() - t0)
  }
  return { ms: median(samples), result }
}

const mib = (bytes: number): string => `${fmt(bytes / 1024 / 1024, 0)} MiB`
const fileSize = (f: string): number => (existsSync(f) ? statSync(f).size : 0)

export async function storeBench(args: string[]): Promise<boolean> {
  const n = Number(args[0] ?? 1_000_000)
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-store-bench-'))
  const dbPath = join(dir, 'hookscope.db')
  try {
    console.log(`store: ${n.toLocaleString('en')} requests, ~${sampleBody(1).length}-byte JSON bodies, 8 headers each`)
    let db = openDatabase(dbPath)
    let store = new RequestStore(db)
    const t0 = performance.now()
    const start = Date.now() - n * 10
    for (let i = 0; i < n; i += TX_ROWS) {
      const batch: NewRequest[] = []
      for (let j = i; j < Math.min(n, i + TX_ROWS); j++) batch.push(storedRow(j, start))
      store.insertMany(batch)
    }
    const insertS = (performance.now() - t0) / 1000
    console.log(`  insert: ${fmt(insertS)} s (${fmt(n / insertS, 0)} rows/s in ${TX_ROWS}-row transactions)`)
    const t1 = performance.now()
    new FtsIndexer(db).drain()
    const indexS = (performance.now() - t1) / 1000
    console.log(`  full-text index catch-up: ${fmt(indexS)} s (${fmt(n / indexS, 0)} rows/s)`)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    console.log(`  database size: ${mib(fileSize(dbPath) + fileSize(dbPath + '-wal'))} (${fmt((fileSize(dbPath) / n / 1024) * 1024, 0)} bytes per request)`)

    // Engine start on that file, as the app and `hookscope serve` do it: open, migrate, listen, first page.
    const s0 = performance.now()
    const engine = new Engine({ dbPath, port: 0, log: () => {} })
    await engine.start()
    const startedMs = performance.now() - s0
    const firstPage = engine.requests.list({ limit: 200 })
    const startMs = performance.now() - s0
    console.log(`  engine start: ${fmt(startedMs, 0)} ms to listening, ${fmt(startMs, 0)} ms with the first page (target < 2000 ms)`)
    store = engine.requests
    db = engine.db

    const mid = firstPage.items[0].id - Math.floor(n / 2)
    const queries: [string, RequestQuery, number][] = [
      ['newest page (200)', { limit: 200 }, 20],
      ['page deep in history (beforeId, 200)', { limit: 200, beforeId: mid }, 20],
      ['filter provider=voipbin', { limit: 200, provider: 'voipbin' }, 20],
      ['filter verdict=invalid', { limit: 200, verdict: 'invalid' }, 20],
      ['filter method=PUT (1 %)', { limit: 200, method: 'PUT' }, 20],
      ['filter provider+verdict', { limit: 200, provider: 'topcalls', verdict: 'stale' }, 20],
      ['filter path contains "erzycall"', { limit: 200, path: 'erzycall' }, 20],
      // Substring filters cannot use an index: one call looks at one window of ids (what the engine's
      // thread waits for at most); the whole history window by window is timed below.
      ['filter path matching nothing (one window)', { limit: 200, path: 'no-such-path' }, 100],
      ['search common word "refund"', { limit: 200, search: 'refund' }, 100],
      ['search rare token (one event id)', { limit: 200, search: `evt_${(n - 12345).toString(36).padStart(10, '0')}` }, 100],
      ['search prefix "transcr"', { limit: 200, search: 'transcr' }, 100],
      ['search two words "invoice 42"', { limit: 200, search: 'invoice 42' }, 100],
      ['search + provider filter', { limit: 200, search: 'refund', provider: 'callcall' }, 100],
      ['search with no match', { limit: 200, search: 'zzqxnotthere' }, 100]
    ]
    let allMet = true
    for (const [name, query, target] of queries) {
      const { ms, result } = time(() => store.list(query))
      const count = (result as { items: unknown[] }).items.length
      const met = ms < target
      allMet &&= met
      console.log(`  ${name.padEnd(40)} ${fmt(ms, 2).padStart(8)} ms  (${count} rows; target < ${target} ms${met ? '' : `: MISSED by ${fmt(ms - target, 1)} ms`})`)
    }
    const whole = time(() => store.listAll({ limit: 200, path: 'no-such-path' }), 1)
    console.log(`  ${'path matching nothing, all windows'.padEnd(40)} ${fmt(whole.ms, 2).padStart(8)} ms  (engine free between windows)`)
    // Calls (migration 3's partial indexes): newest calls, one provider's, a page deep in history, one call.
    const callQueries: [string, Parameters<typeof engine.api.listCalls>[0]][] = [
      ['calls: newest 50', { limit: 50 }],
      ['calls: newest 50 of provider=voipbin', { limit: 50, provider: 'voipbin' }],
      ['calls: 50 deep in history (beforeId)', { limit: 50, beforeId: mid }]
    ]
    for (const [name, query] of callQueries) {
      const { ms, result } = time(() => engine.api.listCalls(query))
      const calls = result as { items: { deliveries: unknown[] }[] }
      const deliveries = calls.items.reduce((sum, c) => sum + c.deliveries.length, 0)
      console.log(`  ${name.padEnd(40)} ${fmt(ms, 2).padStart(8)} ms  (${calls.items.length} calls, ${deliveries} deliveries judged; target < 20 ms)`)
    }
    const oneCall = time(() => engine.api.getCall({ provider: 'voipbin', callId: `call_${Math.floor(n / 60)}` }))
    console.log(`  ${'calls: one call (getCall)'.padEnd(40)} ${fmt(oneCall.ms, 2).padStart(8)} ms`)
    const detail = time(() => store.get(mid))
    console.log(`  ${'open one request (full row)'.padEnd(40)} ${fmt(detail.ms, 2).padStart(8)} ms`)
    console.log(`  ${'count(*)'.padEnd(40)} ${fmt(time(() => store.count(), 3).ms, 2).padStart(8)} ms`)
    await engine.stop()
    callIndexCost(dir, start)
    console.log(`store: ${allMet && startMs < 2000 ? 'all targets met' : 'some targets MISSED (see above)'}`)
    return true
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
