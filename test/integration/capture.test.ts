import { createHash, randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { decodeBody } from '../../src/main/engine/body'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { tempDir } from '../helpers/temp'

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

describe('receiver capture', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  async function lastCaptured() {
    const page = t.engine.requests.list({ limit: 1 })
    return t.engine.requests.get(page.items[0].id)!
  }

  it('stores binary, gzip, invalid UTF-8 and empty bodies byte for byte', async () => {
    t = await startTestEngine()
    const binary = randomBytes(4096)
    const gz = gzipSync(Buffer.from(JSON.stringify({ type: 'call.ended', n: 1 })))
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])
    for (const body of [binary, gz, invalidUtf8, Buffer.alloc(0)]) {
      const headers = body === gz ? { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' } : {}
      const res = await send(t.url + '/x', { body, headers })
      expect(res.status).toBe(200)
      const stored = await lastCaptured()
      const bytes = Buffer.from(stored.bodyBase64, 'base64')
      expect(bytes.equals(body)).toBe(true)
      expect(stored.bodySize).toBe(body.length)
      expect(stored.bodySha256).toBe(sha256(body))
    }
    const gzRow = await lastCaptured().then(() => t.engine.requests.list({ limit: 4 }).items[2])
    const gzStored = t.engine.requests.get(gzRow.id)!
    expect(gzStored.contentEncoding).toBe('gzip')
    const decoded = decodeBody(Buffer.from(gzStored.bodyBase64, 'base64'), gzStored.contentEncoding)
    expect(decoded.ok && decoded.bytes.toString()).toBe('{"type":"call.ended","n":1}')
  })

  it('stores a large (8 MiB) body exactly', async () => {
    t = await startTestEngine()
    const body = randomBytes(8 * 1024 * 1024)
    await send(t.url + '/big', { body })
    const stored = await lastCaptured()
    expect(stored.bodySha256).toBe(sha256(body))
    expect(Buffer.from(stored.bodyBase64, 'base64').equals(body)).toBe(true)
  })

  it('keeps header order, case, duplicates and names with _ and .', async () => {
    t = await startTestEngine()
    await send(t.url + '/h', {
      headers: ['X-B', '2', 'x-a', '1', 'X-Dup', 'first', 'X_Under_Score', 'u', 'X.Dotted.Name', 'd', 'X-Dup', 'second'],
      body: '{}'
    })
    const stored = await lastCaptured()
    const names = stored.headers.map(([n]) => n)
    expect(names.slice(0, 6)).toEqual(['X-B', 'x-a', 'X-Dup', 'X_Under_Score', 'X.Dotted.Name', 'X-Dup'])
    expect(stored.headers.filter(([n]) => n === 'X-Dup').map(([, v]) => v)).toEqual(['first', 'second'])
  })

  it('captures every HTTP method with path and query as sent', async () => {
    t = await startTestEngine()
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']
    for (const method of methods) {
      await send(`${t.url}/voipbin/webhook?m=${method}&a=%20b`, { method, body: method === 'GET' || method === 'HEAD' ? undefined : 'x' })
    }
    const items = t.engine.requests.list({ limit: 10 }).items.reverse()
    expect(items.map((i) => i.method)).toEqual(methods)
    expect(items[0].path).toBe('/voipbin/webhook?m=GET&a=%20b')
  })

  it('answers with the configured status, headers, body and delay, and records that answer', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({
      response: { status: 503, headers: [['X-Test', 'yes']], body: 'try later', delayMs: 300 }
    })
    const started = Date.now()
    const res = await send(t.url + '/retry-me', { body: 'x' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(res.status).toBe(503)
    expect(res.headers['x-test']).toBe('yes')
    expect(res.body.toString()).toBe('try later')
    const stored = await lastCaptured()
    expect(stored.responseStatus).toBe(503)
    expect(stored.response).toMatchObject({ status: 503, delayMs: 300 })
    expect(Buffer.from(stored.response!.bodyBase64, 'base64').toString()).toBe('try later')
  })

  it('refuses a body over the limit with 413 and still records its metadata', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ bodyLimitBytes: 64 * 1024 })
    const body = randomBytes(200 * 1024)
    const res = await send(t.url + '/huge', { body })
    expect(res.status).toBe(413)
    const stored = await lastCaptured()
    expect(stored.responseStatus).toBe(413)
    expect(stored.bodyTruncated).toBe(true)
    expect(stored.note).toMatch(/exceeds the 64 KiB limit/)
    // The receiver keeps working after refusing.
    expect((await send(t.url + '/after', { body: 'ok' })).status).toBe(200)
  })

  it('records a chunked body that grows past the limit while arriving, keeping a preview', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ bodyLimitBytes: 128 * 1024 })
    const body = randomBytes(512 * 1024)
    const res = await send(t.url + '/chunked', { body, headers: { 'Transfer-Encoding': 'chunked' } })
    expect(res.status).toBe(413)
    const stored = await lastCaptured()
    expect(stored.bodyTruncated).toBe(true)
    expect(stored.note).toMatch(/exceeded the 128 KiB limit/)
    expect(Buffer.from(stored.bodyBase64, 'base64').equals(body.subarray(0, 64 * 1024))).toBe(true)
  })

  it('answers malformed HTTP with 400 and keeps capturing', async () => {
    t = await startTestEngine()
    const port = t.engine.receiver.port
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'))
      let data = ''
      socket.on('data', (d) => (data += d))
      socket.on('close', () => resolve(data))
    })
    expect(reply).toMatch(/^HTTP\/1.1 400/)
    expect((await send(t.url + '/fine', { body: 'ok' })).status).toBe(200)
  })

  it('acknowledges only after commit: every 2xx is in the database', async () => {
    t = await startTestEngine()
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => send(`${t.url}/n/${i}`, { body: String(i) })))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(t.engine.requests.count()).toBe(200)
  })

  it('keeps captures across a restart on the same file, and finds them by text search', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const first = await startTestEngine({}, dir)
      await send(first.url + '/callpaymin', { body: '{"type":"call.billing.charged","id":"evt_persist_42"}' })
      await first.engine.stop()
      const second = new Engine({ dbPath: first.dbPath, port: 0, log: () => {} })
      second.flushIndex()
      const found = second.requests.list({ search: 'evt_persist_42' }).items
      expect(found).toHaveLength(1)
      expect(found[0].path).toBe('/callpaymin')
      expect(second.requests.list({ search: 'billing charged' }).items).toHaveLength(1)
      expect(second.requests.list({ search: 'nothing-like-this' }).items).toHaveLength(0)
      second.db.close()
    } finally {
      cleanup()
    }
  })

  it('filters by method, path and status, deletes one and clears all', async () => {
    t = await startTestEngine()
    await send(t.url + '/a', { method: 'PUT', body: '1' })
    await send(t.url + '/b', { method: 'POST', body: '2' })
    await send(t.url + '/a/deep', { method: 'POST', body: '3' })
    expect(t.engine.requests.list({ method: 'post' }).items.map((i) => i.path)).toEqual(['/a/deep', '/b'])
    expect(t.engine.requests.list({ path: '/a' }).items).toHaveLength(2)
    expect(t.engine.requests.list({ responseStatus: 200 }).items).toHaveLength(3)
    const id = t.engine.requests.list({ path: '/b' }).items[0].id
    expect(t.engine.api.deleteRequest({ id })).toEqual({ deleted: true })
    expect(t.engine.requests.get(id)).toBeNull()
    expect(t.engine.api.clearRequests()).toEqual({ deleted: 2 })
    expect(t.engine.requests.count()).toBe(0)
  })
})
