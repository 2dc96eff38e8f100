// Send for every preset, from its data: a catalog sample, signed by Hookscope, reaches a handler that
// verifies with the provider's own rules (key-pair providers: with the test public key Hookscope names).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import { startProviderVerifier } from '../fixtures/handlers/provider-verify-node'
import { startTestEngine, type TestEngine } from '../helpers/engine'

describe('send over every provider', () => {
  let t: TestEngine
  beforeAll(async () => {
    t = await startTestEngine()
  })
  afterAll(async () => t.dispose())

  for (const p of PROVIDERS.filter((x) => x.id !== 'generic')) {
    it(`${p.id}: a signed sample of its first event is accepted by a handler verifying ${p.name}'s way`, async () => {
      const secret = p.sampleSecret?.() ?? 'send_test_secret_0123'
      const handler = await startProviderVerifier(p, secret)
      try {
        const event = p.events[0].type
        const sample = t.engine.outbound.sample(p.id, event)
        const d = await t.engine.outbound.send({ provider: p.id, event, url: handler.url, method: sample.method, headers: sample.headers, bodyText: sample.bodyText, sign: true, secret })
        expect(d.error, d.error ?? '').toBeNull()
        expect(d.responseStatus, Buffer.from(d.responseBodyBase64, 'base64').toString()).toBe(200)
        if (p.family === 'ed25519' || p.family === 'ecdsa-p256') expect(p.signingNote?.(secret)).toContain(p.verificationKeyFor!(secret))
      } finally {
        await handler.close()
      }
    })
  }
})
