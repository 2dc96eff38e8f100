import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { secretHint } from '../../src/main/engine/signatures/mask'
import { fileCodec, SecretVault } from '../../src/main/engine/signatures/vault'
import { dispatch } from '../../src/main/transport/dispatch'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { tempDir } from '../helpers/temp'

const temps: { cleanup: () => void }[] = []
let engine: TestEngine | null = null
afterEach(async () => {
  await engine?.dispose()
  engine = null
  temps.splice(0).forEach((t) => t.cleanup())
})

test('hints show the format prefix and the last 4 characters only', () => {
  expect(secretHint('whsec_abcdefghijkl9f2a')).toBe('whsec_…9f2a')
  expect(secretHint('plainsecretvalue1234')).toBe('…1234')
  expect(secretHint('short')).toBe('…')
})

test('the CLI vault file is 0600 even when it existed with wider permissions', () => {
  const t = tempDir()
  temps.push(t)
  const codec = fileCodec(join(t.dir, 'h.db'))
  writeFileSync(codec.file, JSON.stringify({ version: 1, secrets: [] }))
  chmodSync(codec.file, 0o644)
  const vault = new SecretVault(codec)
  vault.add('provider:github', 'current', 'gh-secret-value')
  expect(statSync(codec.file).mode & 0o777).toBe(0o600)
  expect(new SecretVault(codec).list().map((s) => s.value)).toEqual(['gh-secret-value'])
})

test('an unreadable vault is moved aside, never overwritten, and the reason is reported', () => {
  const t = tempDir()
  temps.push(t)
  const codec = fileCodec(join(t.dir, 'h.db'))
  writeFileSync(codec.file, '{ this is not json')
  const vault = new SecretVault(codec)
  expect(vault.loadError).toMatch(/could not be read .* moved to .*unreadable-/)
  expect(vault.list()).toEqual([])
  expect(readdirSync(t.dir).some((f) => f.includes('.secrets.json.unreadable-'))).toBe(true)
  vault.add('endpoint:1', 'current', 'new-secret')
  expect(new SecretVault(codec).list()).toHaveLength(1)
})

test('Api errors about secrets never echo the secret', async () => {
  engine = await startTestEngine()
  const long = 'whsec_' + 'x'.repeat(5000)
  const tooLong = await dispatch(engine.engine.api, 'addSecret', { provider: 'stripe', value: long })
  expect(tooLong.ok).toBe(false)
  expect(JSON.stringify(tooLong)).not.toContain('xxxxxxxx')
  const noEndpoint = await dispatch(engine.engine.api, 'addSecret', { endpointId: 42, value: 'whsec_secret_never_echoed' })
  expect(noEndpoint.ok).toBe(false)
  expect(JSON.stringify(noEndpoint)).not.toContain('whsec_secret_never_echoed')
  const badProvider = await dispatch(engine.engine.api, 'addSecret', { provider: 'nope', value: 'whsec_secret_never_echoed' })
  expect(JSON.stringify(badProvider)).not.toContain('whsec_secret_never_echoed')
  const ok = await dispatch(engine.engine.api, 'addSecret', { provider: 'stripe', value: 'whsec_secret_never_echoed' })
  expect(ok.ok).toBe(true)
  expect(JSON.stringify(ok)).not.toContain('whsec_secret_never_echoed')
  expect(JSON.stringify(await dispatch(engine.engine.api, 'getSecretStorage', undefined))).toContain('whsec_…hoed')
})
