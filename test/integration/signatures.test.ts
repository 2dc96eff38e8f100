// Signed deliveries over real HTTP to a real receiver and SQLite file: verdicts in the store, in the
// Api, in `hookscope list --json`; secrets added later re-verify; secrets never leak.
import { createHmac } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import type { RequestSummary } from '../../src/shared/types'
import { runCli, startServe } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { tempDir } from '../helpers/temp'

const SECRET = 'whsec_integration_9f2a'
const hex = (key: string, data: string): string => createHmac('sha256', key).update(data).digest('hex')
const BODY = '{\n  "id": "evt_int_1",\n  "type": "call.ended",\n  "data": { "name": "Ren\\u00e9e" }\n}'
const RESERIALIZED = JSON.stringify(JSON.parse(BODY))

function post(url: string, body: string, headers: Record<string, string>) {
  return send(url, { headers: { 'Content-Type': 'application/json', ...headers }, body })
}

async function waitFor<T>(fn: () => T | undefined | null | false): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = fn()
    if (v) return v
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('condition not met')
}

let t: TestEngine | null = null
afterEach(async () => {
  await t?.dispose()
  t = null
})

describe('endpoints and verdicts over real HTTP', () => {
  test('an endpoint with a secret judges valid and re-serialized deliveries, and answers with its own response', async () => {
    t = await startTestEngine()
    const api = t.engine.api
    await api.createEndpoint({
      path: '/callpaymin',
      name: 'CallPayMin',
      provider: 'callpaymin',
      secret: SECRET,
      response: { status: 202, headers: [['Content-Type', 'application/json']], body: '{"ok":true}', delayMs: 0 }
    })
    const good = await post(`${t.url}/callpaymin`, BODY, { 'X-CallPayMin-Signature': hex(SECRET, BODY) })
    const bad = await post(`${t.url}/callpaymin/sub?x=1`, BODY, { 'X-CallPayMin-Signature': hex(SECRET, RESERIALIZED) })
    expect(good.status).toBe(202)
    expect(good.body.toString()).toBe('{"ok":true}')
    expect(bad.status).toBe(202)

    const page = await api.listRequests({})
    const [second, first] = page.items
    expect(first.endpoint).toBe('/callpaymin')
    expect(first.provider).toBe('callpaymin')
    expect(first.eventType).toBe('call.ended')
    expect(first.eventId).toBe('evt_int_1')
    expect(first.verdict.status).toBe('valid')
    expect(second.endpoint).toBe('/callpaymin')
    expect(second.verdict.status).toBe('invalid')
    expect(second.verdict.detail).toContain('re-serializes the body; verify the raw bytes')

    const detail = await api.getRequest({ id: second.id })
    expect(detail?.signature?.headersUsed).toEqual(['X-CallPayMin-Signature'])
    expect(detail?.signature?.signedPayloadPreview).toBe(BODY)
    expect(detail?.signature?.expected).toBe(hex(SECRET, BODY))
    expect(detail?.signature?.received).toBe(hex(SECRET, RESERIALIZED))
  })

  test('a secret added later re-verifies the stored captures of that endpoint and pushes the new verdicts', async () => {
    t = await startTestEngine()
    const api = t.engine.api
    const ep = await api.createEndpoint({ path: '/erzycall', provider: 'erzycall' })
    await post(`${t.url}/erzycall`, BODY, { 'X-Webhook-Signature': `sha256=${hex(SECRET, BODY)}` })
    const before = await waitFor(() => t!.engine.requests.list({}).items[0])
    expect(before.verdict.status).toBe('no-secret')

    const pushed: RequestSummary[][] = []
    t.engine.events.subscribe((event, payload) => {
      if (event === 'requestsUpdated') pushed.push(payload as RequestSummary[])
    })
    const added = await api.addSecret({ endpointId: ep.id, value: SECRET, label: 'current' })
    expect(added.reverified).toBe(1)
    expect(added.secret.hint).toBe('whsec_…9f2a')
    expect(t.engine.requests.get(before.id)?.verdict.status).toBe('valid')
    expect(pushed.flat().map((s) => [s.id, s.verdict.status])).toEqual([[before.id, 'valid']])

    // Rotation: a new secret first, the old one still verifies and is named.
    await api.addSecret({ endpointId: ep.id, value: 'whsec_rotated_new_1234', label: 'next' })
    const row = t.engine.requests.get(before.id)
    expect(row?.verdict.status).toBe('valid')
    expect(row?.signature?.matchedSecret).toBe('current')

    // Removing the matching secret re-verifies again: now it only matches nothing it is checked against.
    await api.removeSecret({ id: added.secret.id })
    expect(t.engine.requests.get(before.id)?.verdict.status).toBe('invalid')
  })

  test('an endpoint created after deliveries arrived adopts and judges them', async () => {
    t = await startTestEngine()
    await post(`${t.url}/hooks/gh`, BODY, { 'X-Hub-Signature-256': `sha256=${hex(SECRET, BODY)}`, 'X-GitHub-Event': 'push' })
    const row = await waitFor(() => t!.engine.requests.list({}).items[0])
    expect(row.provider).toBe('github')
    expect(row.eventType).toBe('push')
    expect(row.verdict.status).toBe('no-secret')
    await t.engine.api.createEndpoint({ path: '/hooks/gh', secret: SECRET })
    const after = t.engine.requests.get(row.id)
    expect(after?.endpoint).toBe('/hooks/gh')
    expect(after?.verdict.status).toBe('valid')
  })

  test('other paths are still captured and auto-detected; secrets of another endpoint are named on a mismatch', async () => {
    t = await startTestEngine()
    const api = t.engine.api
    await api.createEndpoint({ path: '/cpm', provider: 'callpaymin', secret: SECRET })
    await api.addSecret({ provider: 'callpaymin', value: 'global-callpaymin-secret', label: 'global' })
    await post(`${t.url}/elsewhere`, BODY, { 'X-CallPayMin-Signature': hex(SECRET, BODY) })
    await post(`${t.url}/voip`, '{"type":"call_hungup","data":{"id":"c-1","hangup_reason":"normal"}}', {})
    await post(`${t.url}/plain`, 'hello', { 'Content-Type': 'text/plain' })
    const items = await waitFor(() => {
      const page = t!.engine.requests.list({})
      return page.items.length === 3 && page.items
    })
    const byPath = Object.fromEntries(items.map((i) => [i.path, i]))
    expect(byPath['/elsewhere'].provider).toBe('callpaymin')
    expect(byPath['/elsewhere'].endpoint).toBeNull()
    expect(byPath['/elsewhere'].verdict.status).toBe('invalid')
    expect(byPath['/elsewhere'].verdict.detail).toContain('endpoint /cpm')
    expect(byPath['/voip'].provider).toBe('voipbin')
    expect(byPath['/voip'].verdict.status).toBe('unsigned')
    expect(byPath['/voip'].eventType).toBe('call_hungup')
    expect(byPath['/plain'].verdict.status).toBe('unknown')
  })

  test('secrets stay out of the database, Api results and error messages; the CLI vault file is 0600', async () => {
    t = await startTestEngine()
    const api = t.engine.api
    const ep = await api.createEndpoint({ path: '/x', provider: 'github', secret: SECRET })
    await post(`${t.url}/x`, BODY, { 'X-Hub-Signature-256': 'sha256=deadbeef' })
    await waitFor(() => t!.engine.requests.list({}).items[0])
    const results = JSON.stringify([await api.listEndpoints(), await api.getSecretStorage(), await api.listRequests({}), ep])
    expect(results).not.toContain(SECRET)
    expect(results).toContain('whsec_…9f2a')
    const vault = `${t.dbPath}.secrets.json`
    expect(statSync(vault).mode & 0o777).toBe(0o600)
    expect(readFileSync(vault, 'utf8')).toContain(SECRET)
    await t.engine.stop()
    for (const f of [t.dbPath, `${t.dbPath}-wal`]) {
      try {
        expect(readFileSync(f).includes(Buffer.from(SECRET))).toBe(false)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      }
    }
    expect((await api.getSecretStorage()).backend).toBe('file')
  })

  test('bad endpoint input gets a plain error', async () => {
    t = await startTestEngine()
    await t.engine.api.createEndpoint({ path: '/dup' })
    await expect(async () => t!.engine.api.createEndpoint({ path: '/dup' })).rejects.toThrow('already exists')
    await expect(async () => t!.engine.api.addSecret({ endpointId: 999, value: 's' })).rejects.toThrow('No endpoint with id 999')
  })
})

describe('CLI', () => {
  test('serve --secret judges deliveries and list --json shows the verdicts; providers --json lists the catalog', async () => {
    const temp = tempDir()
    const db = join(temp.dir, 'cli.db')
    const serve = await startServe(['--port', '0', '--db', db, '--secret', `callpaymin=${SECRET}`, '--secret', 'stripe=whsec_stripe_cli'])
    try {
      const url = serve.info.receiver
      await post(`${url}/cpm`, BODY, { 'X-CallPayMin-Signature': hex(SECRET, BODY) })
      await post(`${url}/cpm`, BODY, { 'X-CallPayMin-Signature': hex(SECRET, RESERIALIZED) })
      await post(`${url}/cpm`, BODY, {})
      const ts = Math.floor(Date.now() / 1000) - 600
      await post(`${url}/stripe`, BODY, { 'Stripe-Signature': `t=${ts},v1=${hex('whsec_stripe_cli', `${ts}.${BODY}`)}` })
    } finally {
      await serve.stop()
    }
    expect(serve.stderr()).not.toContain(SECRET)
    const list = await runCli(['list', '--json', '--db', db])
    expect(list.code).toBe(0)
    const items = JSON.parse(list.stdout) as { provider: string; verdict: { status: string; detail: string } }[]
    expect(items.map((i) => [i.provider, i.verdict.status])).toEqual([
      ['stripe', 'stale'],
      ['callpaymin', 'missing'],
      ['callpaymin', 'invalid'],
      ['callpaymin', 'valid']
    ])
    expect(items[2].verdict.detail).toContain('re-serializes')
    expect(list.stdout).not.toContain(SECRET)

    const providers = await runCli(['providers', '--json'])
    const catalog = JSON.parse(providers.stdout) as { id: string; events: { type: string }[]; headers: string[] }[]
    // The twelve first providers keep their order; the presets (80+) follow them.
    expect(catalog.map((p) => p.id).slice(0, 12)).toEqual(['callpaymin', 'callcall', 'topcalls', 'voipbin', 'erzycall', 'standard-webhooks', 'stripe', 'github', 'slack', 'shopify', 'twilio', 'generic'])
    expect(catalog.map((p) => p.id)).toEqual(expect.arrayContaining(['telnyx', 'plivo', 'svix', 'sendgrid', 'discord']))
    expect(catalog.find((p) => p.id === 'erzycall')?.events.map((e) => e.type)).toContain('contact.deleted')
    expect(catalog.find((p) => p.id === 'callcall')?.headers).toEqual(['X-CallCall-Signature', 'X-CallCall-Timestamp'])

    const bad = await runCli(['serve', '--json', '--db', db, '--secret', 'nosuch=topsecretvalue'])
    expect(bad.code).not.toBe(0)
    expect(JSON.parse(bad.stderr).error).toContain('unknown provider "nosuch"')
    expect(bad.stderr).not.toContain('topsecretvalue')
    temp.cleanup()
  })
})
