// Capture throughput and p99 acknowledgement latency: Hookscope's receiver (acknowledging after
// commit) against a bare Node http server, same load generator, same run, alternating rounds.
// Afterwards every acknowledged request must be in the database.
//
// Two load generators: autocannon (Node; on a 2-core machine it takes a whole core, so the server's
// threads share the other one) and wrk (C, when installed: `apt-get install wrk`), which leaves the
// second core to the server. Usage: capture [rounds] [seconds] [autocannon|wrk|both]
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fmt, median, sampleBody, startChild } from './util'

const CONNECTIONS = 50
const PATH = '/callcall/webhook'
const HEADERS = { 'content-type': 'application/json', 'user-agent': 'CallCall-Webhooks/2.1', 'x-request-id': 'bench' }
const WRK = '/usr/bin/wrk'

type Generator = 'autocannon' | 'wrk'

interface Round {
  rps: number
  p99: number
  p50: number
  ok: number
  errors: number
  /** Server CPU time per acknowledged request, in microseconds (all threads). */
  cpuPerReq: number
}

async function withAutocannon(port: number, seconds: number): Promise<Round> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: HEADERS,
    body: sampleBody(1)
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

/** wrk takes its request from a Lua script; the body goes in a long-bracket string, byte for byte. */
function wrkScript(dir: string): string {
  const file = join(dir, 'post.lua')
  const headers = Object.entries(HEADERS)
    .map(([n, v]) => `wrk.headers[${JSON.stringify(n)}] = ${JSON.stringify(v)}`)
    .join('\n')
  writeFileSync(file, `wrk.method = "POST"\n${headers}\nwrk.body = [==[${sampleBody(1)}]==]\n`)
  return file
}

/** wrk prints latencies with units (us, ms, s); returns milliseconds. */
function ms(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text)
  if (!m) return Number.NaN
  return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1)
}

function withWrk(script: string, port: number, seconds: number): Promise<Round> {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, `http://127.0.0.1:${port}${PATH}`]
  return new Promise((resolve, reject) => {
    execFile(WRK, args, (error, out) => {
      if (error) return reject(error)
      const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0)
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
      const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
      resolve({
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
        p99: ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? ''),
        p50: ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? ''),
        ok: total - non2xx,
        errors: non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
        cpuPerReq: 0
      })
    })
  })
}

async function rounds(generator: Generator, count: number, seconds: number, dir: string): Promise<boolean> {
  const script = generator === 'wrk' ? wrkScript(dir) : ''
  const load = (port: number): Promise<Round> => (generator === 'wrk' ? withWrk(script, port, seconds) : withAutocannon(port, seconds))
  const bare: Round[] = []
  const engine: Round[] = []
  let allStored = true
  console.log(`capture (${generator}): ${count} rounds x ${seconds} s each, ${CONNECTIONS} connections, ${sampleBody(1).length}-byte JSON body`)
  for (let r = 0; r < count; r++) {
    const b = await startChild('./serve-target.ts', ['bare'])
    const bareRound = await load(b.port)
    // 0 = the child's CPU line was lost at exit; NaN keeps it out of the medians.
    bareRound.cpuPerReq = (await b.stop()) / bareRound.ok || Number.NaN
    bare.push(bareRound)

    const dbPath = join(dir, `${generator}-round-${r}.db`)
    const e = await startChild('./serve-target.ts', ['engine', dbPath])
    const round = await load(e.port)
    round.cpuPerReq = (await e.stop()) / round.ok || Number.NaN
    engine.push(round)

    const db = new Database(dbPath, { readonly: true })
    const stored = (db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n
    const intact = (db.prepare('SELECT count(*) AS n FROM requests WHERE body = ?').get(Buffer.from(sampleBody(1))) as { n: number }).n
    db.close()
    // In-flight requests at the end may be stored without their acknowledgement being counted.
    const ok = stored >= round.ok && intact === stored
    allStored &&= ok
    console.log(
      `  round ${r + 1}: bare ${fmt(bare[r].rps, 0)} req/s p99 ${fmt(bare[r].p99)} ms | hookscope ${fmt(round.rps, 0)} req/s ` +
        `p99 ${fmt(round.p99)} ms | CPU/request ${fmt(bare[r].cpuPerReq, 0)} vs ${fmt(round.cpuPerReq, 0)} µs | ratio ${fmt((round.rps / bare[r].rps) * 100)} % | acknowledged ${round.ok}, stored ${stored}` +
        `${round.errors ? `, errors ${round.errors}` : ''} ${ok ? 'ok' : 'MISSING ROWS'}`
    )
  }
  const ratios = engine.map((e, i) => e.rps / bare[i].rps)
  const ratio = median(ratios)
  const cpu = (rs: Round[]): string => fmt(median(rs.map((x) => x.cpuPerReq).filter((x) => !Number.isNaN(x))), 0)
  console.log(
    `capture (${generator}): median bare ${fmt(median(bare.map((b) => b.rps)), 0)} req/s (p99 ${fmt(median(bare.map((b) => b.p99)))} ms), ` +
      `hookscope ${fmt(median(engine.map((e) => e.rps)), 0)} req/s (p99 ${fmt(median(engine.map((e) => e.p99)))} ms, p50 ${fmt(median(engine.map((e) => e.p50)))} ms)`
  )
  console.log(
    `capture (${generator}): throughput ratio ${fmt(ratio * 100)} % of bare (spread ${fmt(Math.min(...ratios) * 100)}–${fmt(Math.max(...ratios) * 100)} %), ` +
      `target >= 80 %: ${ratio >= 0.8 ? 'met' : 'MISSED'}; server CPU per request ${cpu(bare)} µs bare vs ${cpu(engine)} µs hookscope; ` +
      `every acknowledged request stored: ${allStored ? 'yes' : 'NO'}`
  )
  return allStored
}

export async function captureBench(args: string[]): Promise<boolean> {
  const count = Number(args[0] ?? 3)
  const seconds = Number(args[1] ?? 8)
  const wanted = args[2] ?? 'both'
  const generators: Generator[] = wanted === 'both' ? ['autocannon', 'wrk'] : [wanted as Generator]
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'))
  let ok = true
  try {
    for (const generator of generators) {
      if (generator === 'wrk' && !existsSync(WRK)) {
        console.log(`capture (wrk): skipped, ${WRK} is not installed (apt-get install wrk)`)
        continue
      }
      ok = (await rounds(generator, count, seconds, dir)) && ok
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return ok
}
