import { afterEach, describe, expect, it } from 'vitest'
import { analyzeBody } from '../../src/renderer/src/lib/body-analysis'
import { runCli } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'

const AUTH_TOKEN = 'twilio_auth_token_0123456789abcdef'

describe('samples in the provider wire format', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('the Twilio sample is form-encoded, signed over URL + sorted params, and verifies when it arrives', async () => {
    t = await startTestEngine()
    await t.engine.api.createEndpoint({ path: '/twilio', provider: 'twilio', secret: AUTH_TOKEN })
    const sample = await t.engine.api.sampleEvent({ provider: 'twilio', event: 'call.completed' })
    expect(sample.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']])
    expect(sample.bodyText).not.toMatch(/^[[{]/)
    const fields = new URLSearchParams(sample.bodyText)
    expect(fields.get('CallStatus')).toBe('completed')
    expect(fields.get('AccountSid')).toMatch(/^AC[0-9a-f]{32}$/)

    const sent = await t.engine.api.sendEvent({ provider: 'twilio', event: 'call.completed', url: t.url + '/twilio', method: sample.method, headers: sample.headers, bodyText: sample.bodyText, sign: true, secret: AUTH_TOKEN })
    expect(sent.responseStatus).toBe(200)
    const [captured] = t.engine.requests.list({ limit: 1 }).items
    expect(captured).toMatchObject({ provider: 'twilio', eventType: 'call.completed', verdict: { status: 'valid' } })
    // The inspector's body view shows it as form fields, one per parameter, not one field holding JSON.
    const full = t.engine.requests.get(captured.id)!
    const analysis = analyzeBody(new Uint8Array(Buffer.from(full.bodyBase64, 'base64')), full.contentType)
    expect(analysis.kind).toBe('form')
    expect(analysis.fields!.map(([name]) => name)).toEqual([...fields.keys()])
    expect(analysis.fields!.length).toBeGreaterThan(5)
  })

  it('JSON providers still get indented JSON to edit', async () => {
    t = await startTestEngine()
    const sample = await t.engine.api.sampleEvent({ provider: 'callpaymin', event: 'call.ended' })
    expect(JSON.parse(sample.bodyText)).toHaveProperty('id')
    expect(sample.bodyText).toContain('\n  ')
  })

  it('CLI: hookscope send --provider twilio sends form fields, --data changes one of them, and the signature verifies', async () => {
    t = await startTestEngine()
    await t.engine.api.createEndpoint({ path: '/twilio', provider: 'twilio', secret: AUTH_TOKEN })
    const { code, stdout, stderr } = await runCli(['send', '--provider', 'twilio', '--event', 'call.completed', '--to', t.url + '/twilio', '--secret', AUTH_TOKEN, '--data', '{"CallStatus":"busy"}', '--json', '--db', t.dir + '/cli.db'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as { request: { headers: [string, string][]; body: string } }
    expect(out.request.headers).toContainEqual(['Content-Type', 'application/x-www-form-urlencoded'])
    expect(new URLSearchParams(out.request.body).get('CallStatus')).toBe('busy')
    const [captured] = t.engine.requests.list({ limit: 1 }).items
    expect(captured).toMatchObject({ provider: 'twilio', eventType: 'call.busy', verdict: { status: 'valid' } })
  })
})
