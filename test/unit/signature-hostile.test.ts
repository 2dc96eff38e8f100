// Payloads are hostile: whatever arrives, inspection returns a verdict and never throws (a throw would
// turn into a 503 and the delivery would not be stored).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import type { Header } from '../../src/shared/types'
import { VERDICT_STATUSES } from '../../src/shared/types'
import { startTestEngine, type TestEngine } from '../helpers/engine'

let t: TestEngine
beforeAll(async () => {
  t = await startTestEngine()
  for (const p of PROVIDERS) if (p.id !== 'generic') await t.engine.api.addSecret({ provider: p.id, value: p.sampleSecret?.() ?? 'secret-for-' + p.id })
  await t.engine.api.createEndpoint({ path: '/gen', provider: 'generic', secret: 's', generic: { header: 'X-Sig', algorithm: 'sha512', encoding: 'base64', prefix: 'x=', template: '{timestamp}{body}', timestampHeader: 'X-T', secretKey: 'whsec-base64' } })
})
afterAll(() => t.dispose())

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n)
const BODIES: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from('{'),
  Buffer.from(deep(200_000)),
  Buffer.from('{"a":' + deep(50_000) + '}'),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0x7d]),
  Buffer.from('{"type":123,"id":{"x":1},"event":null,"data":"\\ud800"}'),
  Buffer.from('CallStatus=%ZZ&&==&a=' + 'b'.repeat(10_000)),
  Buffer.from('\u0000'.repeat(100))
]
const VALUES = ['', ' ', '=', ',', 't=', 't=abc,v1=', 'v1,', 'sha256=', 'v0=zz', '\u00e9\u2028', 'x'.repeat(70_000), 't=99999999999999999999,v1=00', 'v1,!!!! v1,====']

test('inspection never throws and always gives a known verdict', () => {
  const statuses = new Set<string>()
  for (const body of BODIES) {
    // Deeply nested bodies cost a parse per inspection whatever the provider: with 96 providers they get
    // three header values each (empty, framed garbage, oversized); the cheap bodies get all of them.
    const values = body.length > 50_000 ? ['', 'v1,!!!! v1,====', 'x'.repeat(70_000)] : VALUES
    for (const value of values) {
      for (const p of PROVIDERS) {
        const headers: Header[] = [['Content-Type', p.contentType], ...p.signatureHeaders.map((h) => [h, value] as Header), ['X-T', value]]
        // The /gen endpoint judges with its own generic scheme whatever the provider headers are: once per body and value is enough.
        const paths = p === PROVIDERS[0] ? ['/x', '/gen', '/gen/deeper?q=1', ''] : ['/x', '']
        for (const path of paths) {
          const r = t.engine.signatures.inspect({ method: 'POST', path, headers, body, contentEncoding: null, receivedAt: Date.now() })
          expect(VERDICT_STATUSES).toContain(r.verdict.status)
          expect(r.verdict.detail.length).toBeGreaterThan(0)
          statuses.add(r.verdict.status)
        }
      }
    }
  }
  expect(statuses.has('invalid')).toBe(true)
  expect(statuses.has('missing')).toBe(true)
  // Every hostile body against every provider (96 presets, each with a stored secret, so invalid ones also
  // run the rotation probe): the loop grows with the registry, not the per-delivery cost.
}, 600_000)
