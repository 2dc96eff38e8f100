// Per-delivery cost of the calls feature on the capture path, against inspection itself, same run:
// call id extraction (reusing the body inspection parsed) and answer resolution (no template: the
// fast path every endpoint without templates takes; a TwiML template; a rule by event type).
// `npm run bench calls [iterations]`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ANSWER_PRESETS } from '../../src/shared/answer-presets'
import type { ResponseConfig } from '../../src/shared/types'
import { resolveAnswer } from '../../src/main/engine/answers/resolve'
import { CALL_SPECS, extractCallId } from '../../src/main/engine/calls/call-id'
import { Engine } from '../../src/main/engine/engine'
import type { IncomingDelivery } from '../../src/main/engine/inspect'
import { getProvider } from '../../src/main/engine/providers/registry'
import { fmt } from './util'

function timeIt(fn: () => void, iterations: number): number {
  for (let i = 0; i < Math.min(20_000, iterations); i++) fn()
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) fn()
  return Number(process.hrtime.bigint() - start) / iterations / 1000
}

function signed(providerId: string, body: string, contentType: string): IncomingDelivery {
  const headers = getProvider(providerId)!.sign({ body: Buffer.from(body), secret: 'whsec_bench', url: 'http://127.0.0.1:4747/hooks' })
  return {
    method: 'POST',
    path: '/hooks?leg=a',
    headers: [['Host', '127.0.0.1:4747'], ['Content-Type', contentType], ['X-Request-Id', 'r1'], ...headers],
    body: Buffer.from(body),
    contentEncoding: null,
    receivedAt: Date.now()
  }
}

export async function callsBench(args: string[]): Promise<boolean> {
  const n = Number(args[0] ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-calls-bench-'))
  const engine = new Engine({ dbPath: join(dir, 'b.db'), port: 0, log: () => {} })
  try {
    const cpmBody = JSON.stringify({ id: 'evt_1', type: 'call.ended', created_at: '2026-01-01T00:00:00Z', data: { call_id: 'call_1', from: '+15551234567', to: '+15557654321', duration_seconds: 127, status: 'completed' } })
    const cases: [string, IncomingDelivery, string][] = [
      ['CallPayMin JSON', signed('callpaymin', cpmBody, 'application/json'), 'callpaymin'],
      ['Twilio form', signed('twilio', 'AccountSid=AC1&ApiVersion=2010-04-01&CallSid=CA123&CallStatus=completed&From=%2B1555&To=%2B1666&Direction=outbound-api', 'application/x-www-form-urlencoded'), 'twilio'],
      ['VoIPBIN recording', signed('voipbin', JSON.stringify({ type: 'recording_created', data: { id: 'r1', reference_type: 'call', reference_id: 'c1', status: 'recording' } }), 'application/json'), 'voipbin'],
      // A preset's call id three levels deep, Ed25519-signed (its verification dominates inspection).
      ['Telnyx preset', signed('telnyx', JSON.stringify(getProvider('telnyx')!.events[2].sample()), 'application/json'), 'telnyx']
    ]
    console.log(`calls: µs per delivery, ${n.toLocaleString('en')} iterations each`)
    for (const [name, d, provider] of cases) {
      const inspect = timeIt(() => engine.signatures.inspect(d), n)
      const parsed = engine.signatures.inspect(d).parsedBody?.()
      const type = engine.signatures.inspect(d).eventType
      const extract = timeIt(() => extractCallId(CALL_SPECS[provider], parsed, type), n)
      console.log(`  ${name.padEnd(20)} inspection ${fmt(inspect, 2)} µs, of which call id ${fmt(extract, 3)} µs (${fmt((extract / inspect) * 100, 1)} % of inspection)`)
    }
    const d = cases[1][1]
    const inspection = engine.signatures.inspect(d)
    const plain: ResponseConfig = { status: 200, headers: [['Content-Type', 'application/json']], body: '{"received":true}', delayMs: 0 }
    const twiml = ANSWER_PRESETS.find((p) => p.id === 'twiml')!
    const templated: ResponseConfig = { status: 200, headers: twiml.headers, body: twiml.body, delayMs: 0, template: true }
    const withRules: ResponseConfig = { ...plain, rules: [{ eventType: 'call.ringing', answer: templated }, { eventType: 'call.*', answer: plain }] }
    const inspect = timeIt(() => engine.signatures.inspect(d), n)
    const fast = timeIt(() => resolveAnswer(plain, d, inspection), n)
    const rendered = timeIt(() => resolveAnswer(templated, d, inspection), n)
    const ruled = timeIt(() => resolveAnswer(withRules, d, inspection), n)
    console.log(`  answer, no template (fast path)     ${fmt(fast, 3)} µs (${fmt((fast / inspect) * 100, 1)} % of the ${fmt(inspect, 2)} µs inspection)`)
    console.log(`  answer, TwiML template rendered     ${fmt(rendered, 2)} µs (${fmt((rendered / inspect) * 100, 0)} % of inspection)`)
    console.log(`  answer, 2 rules, none a template    ${fmt(ruled, 3)} µs`)
    return true
  } finally {
    await engine.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
