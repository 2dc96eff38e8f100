// The forge suite's own cost: a full run (16 checks, ~25 deliveries, each built, signed, sent, recorded
// in SQLite and judged) against a fast correct handler, compared with sending the same number of
// prebuilt deliveries with bare sendHttp in the same process. `npm run bench forge [runs]` (numbers on a shared machine are noisy: compare the ratio).
import { join } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { Engine } from '../../src/main/engine/engine'
import { runForgeTest } from '../../src/main/engine/forge/forge-api'
import { sendHttp } from '../../src/main/engine/outbound/send-http'
import { getProvider } from '../../src/main/engine/providers/registry'
import { startCorrectNode } from '../fixtures/handlers/correct-node'

const SECRET = 'whsec_bench_forge_0123456789'
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function forgeBench(args: string[]): Promise<boolean> {
  const runs = Number(args[0] ?? 7)
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-forge-'))
  const engine = new Engine({ dbPath: join(dir, 'bench.db'), port: 0, log: () => {} })
  const handler = await startCorrectNode({ scheme: 'callpaymin', secret: SECRET })
  let ok = true
  try {
    const suite: number[] = []
    let deliveries = 0
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const report = await runForgeTest(engine, { targetUrl: handler.url, provider: 'callpaymin', secret: SECRET, gapMs: 0 })
      suite.push(performance.now() - started)
      deliveries = report.checks.reduce((n, c) => n + c.exchanges.length, 0)
      if (report.score !== 100) {
        console.error(`correctness: the correct handler scored ${report.score}`)
        ok = false
      }
    }
    // The burst spaces its five attempts 100 ms apart by design: take that wait out of the comparison.
    const burstWaitMs = 4 * 100
    const provider = getProvider('callpaymin')!
    const body = Buffer.from(JSON.stringify(provider.events[0].sample()))
    const headers = provider.sign({ body, secret: SECRET })
    const bare: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      for (let d = 0; d < deliveries; d++) await sendHttp({ url: handler.url, method: 'POST', headers, body })
      bare.push(performance.now() - started)
    }
    const s = median(suite) - burstWaitMs
    const b = median(bare)
    console.log(`forge suite: ${deliveries} deliveries, median ${median(suite).toFixed(0)} ms per run (${s.toFixed(0)} ms without the burst's 400 ms spacing)`)
    console.log(`bare sendHttp, same count: median ${b.toFixed(0)} ms`)
    console.log(`per delivery: suite ${(s / deliveries).toFixed(2)} ms vs bare ${(b / deliveries).toFixed(2)} ms; ratio ${(s / b).toFixed(2)}x`)
  } finally {
    await handler.close()
    await engine.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return ok
}
