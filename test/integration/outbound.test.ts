import { createHash } from 'node:crypto'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { getProvider } from '../../src/main/engine/providers/registry'
import { apiInputs } from '../../src/shared/api'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { deadPort, startTarget, type TargetServer } from '../helpers/target-server'

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
const HOP = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive'])
const endToEnd = (headers: [string, string][]): [string, string][] => headers.filter(([n]) => !HOP.has(n.toLowerCase()))
const SECRET = 'cpm_test_secret_1'

describe('replay and edit-and-resend', () => {
  let t: TestEngine
  let target: TargetServer
  afterEach(async () => {
    await target?.close()
    await t?.dispose()
  })

  async function capture(path: string, headers: string[], body: Buffer | string): Promise<number> {
    await send(t.url + path, { headers, body })
    return t.engine.requests.list({ limit: 1 }).items[0].id
  }

  it('replays a capture byte for byte: same body sha256, same header list (Host rewritten, hop-by-hop dropped)', async () => {
    t = await startTestEngine()
    target = await startTarget((_r, res) => {
      res.writeHead(202, { 'X-Handler': 'seen' })
      res.end('{"handled":true}')
    })
    const body = Buffer.concat([Buffer.from('{"type":"call.ended","x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])
    const id = await capture('/callpaymin/hook?x=1', ['Content-Type', 'application/json', 'X-Dup', 'a', 'x-lower', 'v', 'X-Dup', 'b', 'Connection', 'keep-alive'], body)
    const captured = t.engine.requests.get(id)!

    const delivery = await t.engine.api.replayRequest({ id, url: target.url + '/webhooks/cpm' })
    const seen = await target.waitFor(1)

    expect(sha256(seen.body)).toBe(captured.bodySha256)
    expect(endToEnd(seen.rawHeaders)).toEqual(endToEnd(captured.headers))
    expect(seen.rawHeaders.find(([n]) => n.toLowerCase() === 'host')?.[1]).toBe(new URL(target.url).host)
    expect(seen.method).toBe('POST')
    expect(seen.url).toBe('/webhooks/cpm')

    expect(delivery.responseStatus).toBe(202)
    expect(Buffer.from(delivery.responseBodyBase64, 'base64').toString()).toBe('{"handled":true}')
    expect(delivery.responseHeaders).toContainEqual(['X-Handler', 'seen'])
    expect(delivery.durationMs).toBeGreaterThan(0)
    const history = await t.engine.api.listDeliveries({ requestId: id })
    expect(history.map((d) => [d.id, d.kind])).toEqual([[delivery.id, 'replay']])
  })

  it('a bare-origin target gets the captured path; a target with a path gets exactly that path', async () => {
    t = await startTestEngine()
    target = await startTarget()
    const id = await capture('/cpm/in?a=%20b', ['Content-Type', 'text/plain'], 'x')
    await t.engine.api.replayRequest({ id, url: target.url })
    await t.engine.api.replayRequest({ id, url: target.url + '/' })
    expect((await target.waitFor(1)).url).toBe('/cpm/in?a=%20b')
    expect((await target.waitFor(2)).url).toBe('/')
  })

  it('an edited, re-signed delivery verifies with the provider module; without re-sign it keeps the stale signature', async () => {
    t = await startTestEngine()
    target = await startTarget()
    const provider = getProvider('callpaymin')!
    const original = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'call.ended', data: { duration_seconds: 10 } }))
    const signed = provider.sign({ body: original, secret: SECRET })
    const id = await capture('/cpm', signed.flat(), original)
    const edited = JSON.stringify({ id: 'evt_1', type: 'call.ended', data: { duration_seconds: 99 } }, null, 2)
    const captured = t.engine.requests.get(id)!
    const edit = { method: 'POST', path: '/edited', headers: captured.headers, bodyText: edited }

    await t.engine.api.replayRequest({ id, url: target.url, edit, resign: { provider: 'callpaymin', secret: SECRET } })
    await t.engine.api.replayRequest({ id, url: target.url, edit })
    const [resigned, asEdited] = [await target.waitFor(1), await target.waitFor(2)]
    const verify = (r: typeof resigned) =>
      provider.verify(
        { method: r.method, path: r.url, headers: r.rawHeaders, body: r.body, contentEncoding: null, receivedAt: Date.now() },
        [{ label: 'current', value: SECRET }],
        Date.now()
      ).verdict.status
    expect(resigned.body.toString()).toBe(edited)
    expect(resigned.url).toBe('/edited')
    expect(verify(resigned)).toBe('valid')
    expect(verify(asEdited)).toBe('invalid')
    // The signature header stays where it was, once.
    const sigIndex = (r: typeof resigned) => r.rawHeaders.findIndex(([n]) => n.toLowerCase() === 'x-callpaymin-signature')
    expect(sigIndex(resigned)).toBe(sigIndex(asEdited))
    expect(resigned.rawHeaders.filter(([n]) => n.toLowerCase() === 'x-callpaymin-signature')).toHaveLength(1)
    const labels = (await t.engine.api.listDeliveries({ requestId: id })).map((d) => d.label)
    expect(labels).toEqual(['edited', 'edited, re-signed'])
  })

  it("re-signs with the secret stored for the capture's endpoint when none is typed", async () => {
    t = await startTestEngine()
    target = await startTarget()
    await t.engine.api.createEndpoint(apiInputs.createEndpoint.parse({ path: '/cpm', provider: 'callpaymin', secret: SECRET }))
    const id = await capture('/cpm/in', ['Content-Type', 'application/json'], '{"id":"evt_2","type":"call.ended"}')
    expect(t.engine.requests.get(id)!.endpoint).toBe('/cpm')
    const edit = { method: 'POST', headers: [['Content-Type', 'application/json']] as [string, string][], bodyText: '{"id":"evt_2","type":"call.failed"}' }
    const delivery = await t.engine.api.replayRequest({ id, url: target.url, edit, resign: {} })
    const seen = await target.waitFor(1)
    const verdict = getProvider('callpaymin')!.verify(
      { method: 'POST', path: seen.url, headers: seen.rawHeaders, body: seen.body, contentEncoding: null, receivedAt: Date.now() },
      [{ label: 'stored', value: SECRET }],
      Date.now()
    )
    expect(verdict.verdict.status).toBe('valid')
    expect(JSON.stringify(delivery)).not.toContain(SECRET)
  })

  it('re-sign without a secret is refused in plain words and sends nothing', async () => {
    t = await startTestEngine()
    target = await startTarget()
    const id = await capture('/cpm', ['Content-Type', 'application/json'], '{}')
    await expect(t.engine.api.replayRequest({ id, url: target.url, resign: { provider: 'callpaymin' } })).rejects.toThrow(/signing secret/)
    expect(target.seen).toHaveLength(0)
  })

  it('composes a catalog sample with fresh ids, signs it and records the handler answer', async () => {
    t = await startTestEngine()
    target = await startTarget((_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"ok":1}')
    })
    const a = await t.engine.api.sampleEvent({ provider: 'callpaymin', event: 'call.ended' })
    const b = await t.engine.api.sampleEvent({ provider: 'callpaymin', event: 'call.ended' })
    expect(JSON.parse(a.bodyText).id).not.toBe(JSON.parse(b.bodyText).id)
    const delivery = await t.engine.api.sendEvent({ provider: 'callpaymin', event: 'call.ended', url: target.url + '/hook', method: a.method, headers: a.headers, bodyText: a.bodyText, sign: true, secret: SECRET })
    const seen = await target.waitFor(1)
    const verdict = getProvider('callpaymin')!.verify(
      { method: 'POST', path: '/hook', headers: seen.rawHeaders, body: seen.body, contentEncoding: null, receivedAt: Date.now() },
      [{ label: 'k', value: SECRET }],
      Date.now()
    )
    expect(verdict.verdict.status).toBe('valid')
    expect(delivery.kind).toBe('send')
    expect(delivery.label).toBe('call.ended')
    expect(delivery.responseStatus).toBe(200)
    expect((await t.engine.api.listDeliveries({ kind: 'send' })).map((d) => d.id)).toEqual([delivery.id])
  })

  it('refused, reset, timeout and TLS failures each get a clear message on that attempt only', async () => {
    t = await startTestEngine()
    target = await startTarget()
    const id = await capture('/x', ['Content-Type', 'text/plain'], 'hello')
    const dead = await deadPort()
    const resetter = createNetServer((s) => s.destroy())
    const hanger = createNetServer(() => {})
    const plainForTls = createNetServer((s) => s.end('HTTP/1.1 200 OK\r\n\r\n'))
    for (const s of [resetter, hanger, plainForTls]) await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
    const port = (s: typeof resetter) => (s.address() as AddressInfo).port
    try {
      const refused = await t.engine.api.replayRequest({ id, url: `http://127.0.0.2:${dead}/` })
      const reset = await t.engine.api.replayRequest({ id, url: `http://127.0.0.1:${port(resetter)}/` })
      const timeout = await t.engine.api.replayRequest({ id, url: `http://127.0.0.1:${port(hanger)}/`, timeoutMs: 300 })
      const tls = await t.engine.api.replayRequest({ id, url: `https://127.0.0.1:${port(plainForTls)}/` })
      const ok = await t.engine.api.replayRequest({ id, url: target.url })
      expect([refused.errorKind, reset.errorKind, timeout.errorKind, tls.errorKind]).toEqual(['refused', 'reset', 'timeout', 'tls'])
      expect(refused.error).toMatch(/Connection refused.*Is your handler running/)
      expect(timeout.error).toMatch(/No answer .* within 300 ms/)
      expect(ok.responseStatus).toBe(200)
      const history = await t.engine.api.listDeliveries({ requestId: id })
      expect(history).toHaveLength(5)
      expect(history.filter((d) => d.error === null).map((d) => d.id)).toEqual([ok.id])
    } finally {
      for (const s of [resetter, hanger, plainForTls]) s.close()
    }
  })
})
