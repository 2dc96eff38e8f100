// Inspection cost per delivery, this tree against an older source tree, in one process and interleaved
// rounds so machine noise hits both alike. Run:
//   git archive <old-commit> src | tar -x -C /tmp/old && npx tsx test/bench/detect-ab.ts /tmp/old
import { createHmac } from 'node:crypto'
import { join, resolve } from 'node:path'
import type { Header } from '../../src/shared/types'
import type { IncomingDelivery } from '../../src/main/engine/inspect'

interface Side {
  name: string
  inspect: (d: IncomingDelivery) => unknown
}

const SECRET = 'whsec_bench_secret_0123456789'
const hex = (data: string): string => createHmac('sha256', SECRET).update(data).digest('hex')

async function side(name: string, root: string): Promise<Side> {
  const inspector = await import(join(root, 'src/main/engine/signatures/inspector.ts'))
  const registry = await import(join(root, 'src/main/engine/providers/registry.ts'))
  const callpaymin = registry.getProvider('callpaymin')
  const endpoint = { endpoint: { id: 1, path: '/callpaymin', name: 'c', provider: 'callpaymin', generic: null, response: null, createdAt: 0 }, provider: callpaymin, secrets: [{ label: 'current', value: SECRET }] }
  const sources = {
    endpointFor: (p: string) => (p === '/callpaymin' ? endpoint : null),
    providerSecrets: (id: string) => (id === 'stripe' || id === 'twilio' ? [{ label: 'current', value: SECRET }] : []),
    foreignSecrets: () => []
  }
  return { name, inspect: (d) => inspector.inspectDelivery(d, sources) }
}

function delivery(path: string, body: string, extra: Header[], type = 'application/json'): IncomingDelivery {
  return {
    method: 'POST',
    path,
    headers: [['Host', '127.0.0.1:4747'], ['Content-Type', type], ['User-Agent', 'bench/1.0'], ['X-Request-Id', 'r1'], ['Accept', '*/*'], ...extra],
    body: Buffer.from(body),
    contentEncoding: null,
    receivedAt: Date.now()
  }
}

function timeIt(fn: () => void, iterations: number): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) fn()
  return Number(process.hrtime.bigint() - start) / iterations / 1000
}

async function main(): Promise<void> {
  const oldRoot = resolve(process.argv[2] ?? '')
  const sides = [await side('before', oldRoot), await side('after', resolve('.'))]
  const body = JSON.stringify({ id: 'evt_1', type: 'call.ended', data: { call_id: 'call_9', duration: 42, transcript: 'x'.repeat(800) } })
  const ts = Math.floor(Date.now() / 1000)
  const form = 'CallSid=CA1&CallStatus=completed&From=%2B14155550100'
  const twilioSig = createHmac('sha1', SECRET).update(`http://127.0.0.1:4747/tw${'CallSidCA1CallStatuscompletedFrom+14155550100'}`).digest('base64')
  const cases: [string, IncomingDelivery][] = [
    ['unsigned JSON, unknown provider', delivery('/x', body, [])],
    ['CallPayMin at its endpoint, valid', delivery('/callpaymin', body, [['X-CallPayMin-Signature', hex(body)]])],
    ['Stripe auto-detected, valid', delivery('/stripe', body, [['Stripe-Signature', `t=${ts},v1=${hex(`${ts}.${body}`)}`]])],
    ['Twilio form auto-detected, valid', delivery('/tw', form, [['X-Twilio-Signature', twilioSig]], 'application/x-www-form-urlencoded')],
    ['CallPayMin, invalid (diagnostics)', delivery('/callpaymin', body, [['X-CallPayMin-Signature', hex(body + ' ')]])]
  ]
  const n = 20_000
  const rounds = Number(process.env.ROUNDS ?? 5)
  console.log(`microseconds per delivery, median of ${rounds} interleaved rounds of ${n}`)
  for (const [name, d] of cases) {
    const t: Record<string, number[]> = { before: [], after: [] }
    for (const s of sides) for (let i = 0; i < 5_000; i++) s.inspect(d)
    for (let r = 0; r < rounds; r++) for (const s of r % 2 ? [...sides].reverse() : sides) t[s.name].push(timeIt(() => s.inspect(d), n))
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const [b, a] = [median(t.before), median(t.after)]
    console.log(`${name.padEnd(36)} before ${b.toFixed(2)} µs   after ${a.toFixed(2)} µs   after/before ${(a / b).toFixed(2)}`)
  }
}

void main()
