// Scripted answers over real HTTP: templates reading the request, escaped per content type, rules by
// event type, a failing template answering 500 with the reason on the capture, broken templates refused.
import { afterEach, describe, expect, test } from 'vitest'
import { ANSWER_PRESETS } from '../../src/shared/answer-presets'
import { dispatch } from '../../src/main/transport/dispatch'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

let t: TestEngine | null = null
afterEach(async () => {
  await t?.dispose()
  t = null
})

const twiml = ANSWER_PRESETS.find((p) => p.id === 'twiml')!

describe('scripted answers', () => {
  test('a TwiML template reads form fields, XML-escaped; header and query values too', async () => {
    t = await startTestEngine()
    await t.engine.api.createEndpoint({
      path: '/voice',
      name: 'voice',
      provider: null,
      response: { status: 200, headers: [...twiml.headers, ['X-Echo', '{{header.x-request-id}}-{{query.leg}}']], body: twiml.body, delayMs: 0, template: true }
    })
    const res = await send(`${t.url}/voice?leg=b`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Request-Id': 'req-7' },
      body: 'CallSid=CA9&From=%3Cscript%3E%26%22'
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/xml')
    expect(res.headers['x-echo']).toBe('req-7-b')
    expect(res.body.toString()).toContain('<Say voice="alice">Hello from Hookscope. Call CA9 from &lt;script&gt;&amp;&quot;.</Say>')
    // The capture keeps the rendered answer.
    const [summary] = (await t.engine.api.listRequests({})).items
    const captured = await t.engine.api.getRequest({ id: summary.id })
    expect(Buffer.from(captured!.response!.bodyBase64, 'base64').toString()).toContain('Call CA9 from &lt;script&gt;')
  })

  test('JSON answers: values inside strings are string-escaped, values outside are JSON values; nothing breaks out', async () => {
    t = await startTestEngine()
    await t.engine.api.updateSettings({
      response: {
        status: 200,
        headers: [['Content-Type', 'application/json']],
        body: '{"say": "Hi {{body.name}}", "n": {{body.n}}, "tags": {{body.tags}}, "missing": {{body.nope}}}',
        delayMs: 0,
        template: true
      }
    })
    const res = await send(`${t.url}/anything`, {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bob", "admin": true, "x": "\\', n: 'not a number, "admin": true', tags: ['a', 'b'] })
    })
    const answer = JSON.parse(res.body.toString())
    expect(answer).toEqual({ say: 'Hi Bob", "admin": true, "x": "\\', n: 'not a number, "admin": true', tags: ['a', 'b'], missing: null })
  })

  test('rules pick the answer by event type (exact, then prefix), the configured answer otherwise', async () => {
    t = await startTestEngine()
    const answer = (body: string) => ({ status: 200, headers: [['Content-Type', 'application/json']] as [string, string][], body, delayMs: 0 })
    await t.engine.api.createEndpoint({
      path: '/cpm',
      name: 'cpm',
      provider: 'callpaymin',
      response: {
        ...answer('{"default":true}'),
        rules: [
          { eventType: 'call.created', answer: { ...answer('{"greet":"{{body.data.call_id}}"}'), template: true } },
          { eventType: 'call.*', answer: { ...answer('{"call":true}'), status: 202 } }
        ]
      }
    })
    const post = (type: string) =>
      send(`${t!.url}/cpm`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'evt_1', type, data: { call_id: 'call_42' } }) })
    const created = await post('call.created')
    expect(created.body.toString()).toBe('{"greet":"call_42"}')
    const ended = await post('call.ended')
    expect([ended.status, ended.body.toString()]).toEqual([202, '{"call":true}'])
    expect((await post('user.balance_low')).body.toString()).toBe('{"default":true}')
  })

  test('a template that fails while rendering answers 500 and the capture says why', async () => {
    t = await startTestEngine()
    // Each copy of the body is 600 KB: the answer would pass the 1 MiB bound.
    await t.engine.api.updateSettings({
      response: { status: 200, headers: [['Content-Type', 'text/plain']], body: '{{body.big}}{{body.big}}', delayMs: 0, template: true }
    })
    const res = await send(`${t.url}/big`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ big: 'x'.repeat(600_000) }) })
    expect(res.status).toBe(500)
    expect(JSON.parse(res.body.toString()).error).toMatch(/^Answer template failed: The rendered answer is longer than/)
    const [summary] = (await t.engine.api.listRequests({})).items
    expect(summary.responseStatus).toBe(500)
    expect(summary.note).toMatch(/Answer template failed: .* Answered 500\.$/)
  })

  test('a broken template is refused when saved, through the transport gate, with the reason', async () => {
    t = await startTestEngine()
    const bad = await dispatch(t.engine.api, 'updateSettings', {
      response: { status: 200, headers: [], body: 'Hi {{body.name', delayMs: 0, template: true }
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!bad.ok && bad.error.message).toContain('is never closed')
    const unknown = await dispatch(t.engine.api, 'updateSettings', {
      response: { status: 200, headers: [], body: '{{process.env.HOME}}', delayMs: 0, template: true }
    })
    expect(!unknown.ok && unknown.error.message).toContain('"process", which is not one of body, header')
    // The same text without template: true is a literal body.
    const literal = await dispatch(t.engine.api, 'updateSettings', { response: { status: 200, headers: [], body: '{{process.env.HOME}}', delayMs: 0 } })
    expect(literal.ok).toBe(true)
    const res = await send(`${t.url}/x`, { body: '' })
    expect(res.body.toString()).toBe('{{process.env.HOME}}')
  })
})
