import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runForgeTest } from '../../src/main/engine/forge/forge-api'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import type { Provider } from '../../src/main/engine/providers/types'
import { startProviderVerifier } from '../fixtures/handlers/provider-verify-node'
import { startTestEngine, type TestEngine } from '../helpers/engine'

// A secret every scheme accepts: Standard Webhooks decodes the base64 after whsec_, the others use it as given;
// a scheme that hex-decodes its key (Dixa) gets hex, since "whsec_…" decodes to no key bytes at all.
const SECRET = 'whsec_' + randomBytes(24).toString('base64')
const secretOf = (provider: Provider): string => (provider.summary?.key === 'hex' ? randomBytes(24).toString('hex') : SECRET)

describe('forge suite over every provider module', () => {
  let t: TestEngine
  beforeAll(async () => {
    t = await startTestEngine()
  })
  afterAll(async () => t.dispose())

  for (const provider of PROVIDERS) {
    it(`${provider.name}: a handler verifying with the provider's own rules passes every check that applies`, async () => {
      const secret = secretOf(provider)
      const handler = await startProviderVerifier(provider, secret)
      try {
        const report = await runForgeTest(t.engine, { targetUrl: handler.url, provider: provider.id, secret, gapMs: 50 })
        const wrong = report.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skip').map((c) => `${c.id}: ${c.outcome} (${c.observed})`)
        expect(wrong).toEqual([])
        expect(report.checks.find((c) => c.id === 'valid-delivery')!.outcome).toBe('pass')
        if (provider.signs) expect(report.checks.find((c) => c.id === 'signature-wrong-length')!.outcome).toBe('pass')
      } finally {
        await handler.close()
      }
    })
  }
})
