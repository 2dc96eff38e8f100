// Cost of inspection on the receiver's hot path: Hookscope's signature inspector (detection, event,
// verification) against the plain event-guessing inspector, same deliveries, same run.
// Run: npx tsx test/bench/signatures.ts
import { createHmac } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Engine } from '../../src/main/engine/engine'
import { basicInspector, type IncomingDelivery } from '../../src/main/engine/inspect'
import type { Header } from '../../src/shared/types'
import { sampleBody } from './util'

const SECRET = 'whsec_bench_secret_0123456789'
const hex = (data: string): string => createHmac('sha256', SECRET).update(data).digest('hex')

function delivery(path: string, body: string, extra: Header[]): IncomingDelivery {
  return {
    method: 'POST',
    path,
    headers: [['Host', '127.0.0.1:4747'], ['Content-Type', 'application/json'], ['User-Agent', 'bench/1.0'], ['X-Request-Id', 'r1'], ...extra],
    body: Buffer.from(body),
    contentEncoding: null,
    receivedAt: Date.now()
  }
}

function timeIt(fn: () => void, iterations: number): number {
  for (let i = 0; i < 20_000; i++) fn()
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) fn()
  return Number(process.hrtime.bigint() - start) / iterations / 1000
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-sigbench-'))
  const engine = new Engine({ dbPath: join(dir, 'b.db'), port: 0, log: () => {} })
  await engine.api.createEndpoint({ path: '/callpaymin', provider: 'callpaymin', secret: SECRET })
  await engine.api.addSecret({ provider: 'stripe', value: SECRET })
  const body = sampleBody(7)
  const ts = Math.floor(Date.now() / 1000)
  const cases: [string, IncomingDelivery][] = [
    ['unsigned JSON, unknown provider', delivery('/callcall/webhook', body, [])],
    ['CallPayMin at its endpoint, valid', delivery('/callpaymin', body, [['X-CallPayMin-Signature', hex(body)]])],
    ['Stripe auto-detected, valid', delivery('/stripe', body, [['Stripe-Signature', `t=${ts},v1=${hex(`${ts}.${body}`)}`]])],
    ['CallPayMin, invalid (all diagnostics run)', delivery('/callpaymin', body, [['X-CallPayMin-Signature', hex(body + ' ')]])]
  ]
  const n = 50_000
  console.log(`body ${Buffer.byteLength(body)} bytes; microseconds per delivery (lower is better), ${n} iterations`)
  for (const [name, d] of cases) {
    const base = timeIt(() => basicInspector(d), n)
    const ours = timeIt(() => engine.signatures.inspect(d), n)
    console.log(`${name.padEnd(44)} basic ${base.toFixed(2)} µs   signatures ${ours.toFixed(2)} µs   (+${(ours - base).toFixed(2)} µs)`)
  }
  await engine.stop()
  rmSync(dir, { recursive: true, force: true })
}

void main()
