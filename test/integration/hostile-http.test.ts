// A hostile sender at the receiver: malformed HTTP, floods, slowloris, truncated and oversized bodies,
// invalid UTF-8 and compression bombs. The receiver answers or drops each one, never crashes, keeps
// its memory bounded, and meanwhile keeps capturing ordinary deliveries from a well-behaved sender.
import { brotliCompressSync, deflateSync, gzipSync, constants as zlib } from 'node:zlib'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

interface Exchange {
  /** Everything the server wrote back, as latin1 text. */
  reply: string
  /** True when the server closed (or reset) the connection before we gave up waiting. */
  closed: boolean
}

/**
 * Opens a socket, writes the given pieces (a number means "pause this many ms"), and collects the
 * answer until the server closes or `waitMs` passes. `end` half-closes our side after writing.
 */
function exchange(port: number, pieces: (string | Buffer | number)[], options: { waitMs?: number; end?: boolean } = {}): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let settled = false
    const done = (closed: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ reply: Buffer.concat(chunks).toString('latin1'), closed })
    }
    const timer = setTimeout(() => done(false), options.waitMs ?? 5000)
    socket.on('data', (d: Buffer) => chunks.push(d))
    socket.on('close', () => done(true))
    socket.on('error', () => done(true))
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (settled || socket.destroyed) return
        if (typeof piece === 'number') await new Promise((r) => setTimeout(r, piece))
        else socket.write(piece)
      }
      if (options.end) socket.end()
    })
  })
}

const statusOf = (reply: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 0)

/** A compression bomb: `members` gzip members each inflating to `memberBytes` zeros (gunzip reads them all). */
function gzipBomb(memberBytes: number, members: number): Buffer {
  const member = gzipSync(Buffer.alloc(memberBytes), { level: 1 })
  return Buffer.concat(Array.from({ length: members }, () => member))
}

describe('hostile HTTP at the receiver', () => {
  let t: TestEngine
  let port: number
  const good = { sent: 0, acked: [] as string[], failures: [] as string[] }
  let goodLoop: Promise<void>
  let stopGood = false
  let rssBefore = 0

  let bombs: [string, Buffer][] = []

  beforeAll(async () => {
    rssBefore = process.memoryUsage().rss
    // Built before the well-behaved sender starts: compressing 1.5 GiB blocks this process for seconds,
    // which would make that sender look like a slowloris to the short test timeouts below.
    bombs = [
      ['gzip', gzipBomb(64 * 1024 * 1024, 16)], // 1 GiB inflated
      ['deflate', deflateSync(Buffer.alloc(96 * 1024 * 1024), { level: 1 })],
      ['br', brotliCompressSync(Buffer.alloc(96 * 1024 * 1024), { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } })],
      ['gzip, gzip', gzipSync(gzipBomb(64 * 1024 * 1024, 4))]
    ]
    t = await startTestEngine({ receiverTimeouts: { headersMs: 2000, requestMs: 3000, keepAliveMs: 2000, checkIntervalMs: 250 } })
    port = t.engine.receiver.port
    t.engine.settings.update({ bodyLimitBytes: 256 * 1024 })
    // A well-behaved provider delivering all along.
    goodLoop = (async () => {
      while (!stopGood) {
        const marker = `good-${good.sent++}`
        try {
          const res = await send(`${t.url}/good/${marker}`, { body: JSON.stringify({ type: 'call.ended', marker }), headers: { 'content-type': 'application/json' } })
          if (res.status === 200) good.acked.push(marker)
          else good.failures.push(`${marker}: ${res.status}`)
        } catch (error) {
          good.failures.push(`${marker}: ${(error as Error).message}`)
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    })()
    await send(t.url + '/warmup', { body: 'x' })
  })

  afterAll(async () => {
    stopGood = true
    await goodLoop
    await t?.dispose()
  })

  it('answers 400 or drops malformed request lines and garbage, never hangs', async () => {
    const payloads = [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'GET  HTTP/1.1\r\n\r\n',
      'POST /x HTTP/1.1\r\nContent-Length: -5\r\n\r\n',
      'POST /x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      'POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
      'GET /\x00\x01 HTTP/1.1\r\n\r\n',
      'GET / HTTP/1.1\r\nBad Header Name: x\r\n\r\n',
      'GET / HTTP/1.1\r\n: empty-name\r\n\r\n',
      '\r\n\r\n\r\n',
      `GET /${'a'.repeat(100 * 1024)} HTTP/1.1\r\n\r\n`
    ]
    // A seeded stream of random bytes and of valid requests with random bytes flipped.
    let seed = 7
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32)
    const fuzz: Buffer[] = []
    for (let i = 0; i < 60; i++) {
      if (i % 2) fuzz.push(Buffer.from(Array.from({ length: 10 + Math.floor(rand() * 400) }, () => Math.floor(rand() * 256))))
      else {
        const valid = Buffer.from('POST /fuzz HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"a":"bcd"}')
        for (let k = 0; k < 3; k++) valid[Math.floor(rand() * valid.length)] = Math.floor(rand() * 256)
        fuzz.push(valid)
      }
    }
    const all = [...payloads.map((p) => Buffer.from(p, 'latin1')), ...fuzz]
    for (let i = 0; i < all.length; i += 12) {
      const results = await Promise.all(all.slice(i, i + 12).map((p) => exchange(port, [p], { waitMs: 6000 })))
      for (const r of results) {
        // Either an HTTP answer (400/408/413/431, or 200 when a mutation still parsed) or a closed socket.
        expect(r.closed || statusOf(r.reply) > 0).toBe(true)
        if (statusOf(r.reply) >= 400) expect(statusOf(r.reply)).toBeLessThan(500)
      }
    }
  })

  it('refuses 10k headers and a 1 MB header value with 431, and keeps a large but legal header list in order', async () => {
    const flood = Array.from({ length: 10_000 }, (_, i) => `X-F${i}: v\r\n`).join('')
    const floodReply = await exchange(port, [`POST /flood HTTP/1.1\r\n${flood}\r\n`])
    expect(floodReply.closed || statusOf(floodReply.reply) === 431).toBe(true)
    expect([0, 431]).toContain(statusOf(floodReply.reply))

    const huge = await exchange(port, [`POST /huge HTTP/1.1\r\nX-Huge: ${'v'.repeat(1024 * 1024)}\r\n\r\n`])
    expect([0, 431]).toContain(statusOf(huge.reply))

    const legal = Array.from({ length: 2000 }, (_, i) => [`X-L${i}`, String(i)]).flat()
    const res = await send(`${t.url}/many-headers`, { headers: legal, body: '{}' })
    expect(res.status).toBe(200)
    const row = t.engine.requests.list({ path: '/many-headers', limit: 1 }).items[0]
    const stored = t.engine.requests.get(row.id)!
    const names = stored.headers.map(([n]) => n).filter((n) => n.startsWith('X-L'))
    expect(names.length).toBe(2000)
    expect(names[1999]).toBe('X-L1999')
  })

  it('cuts off slowloris senders: idle sockets, dribbled headers and dribbled bodies', async () => {
    const idle = exchange(port, [], { waitMs: 8000 })
    const dribbledHeaders = exchange(port, ['POST /slow-headers HTTP/1.1\r\n', ...Array.from({ length: 60 }, () => [150, 'X-S: s\r\n']).flat()], {
      waitMs: 8000
    })
    const dribbledBody = exchange(
      port,
      ['POST /slow-body HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n', ...Array.from({ length: 60 }, () => [150, 'xxxxxxxxxx']).flat()],
      { waitMs: 8000 }
    )
    const [a, b, c] = await Promise.all([idle, dribbledHeaders, dribbledBody])
    for (const r of [a, b, c]) {
      expect(r.closed).toBe(true)
      expect([0, 408]).toContain(statusOf(r.reply))
    }
    // What arrived of the dribbled body is kept, with a note saying it was cut short.
    await expect.poll(() => t.engine.requests.list({ path: '/slow-body', limit: 1 }).items.length).toBe(1)
    const slow = t.engine.requests.list({ path: '/slow-body', limit: 1 }).items[0]
    expect(slow.note).toMatch(/before the body was complete/)
    expect(slow.bodySize).toBeGreaterThan(0)
    expect(slow.bodySize).toBeLessThan(100000)
  })

  it('keeps what arrived of a truncated chunked body and rejects a broken chunk size', async () => {
    await exchange(port, ['POST /chunked-cut HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'], { end: true, waitMs: 4000 })
    const broken = await exchange(port, ['POST /chunked-bad HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'])
    expect([0, 400]).toContain(statusOf(broken.reply))
    await expect.poll(() => t.engine.requests.list({ path: '/chunked-cut', limit: 1 }).items[0]?.note ?? null).toMatch(/before the body was complete/)
    const row = t.engine.requests.list({ path: '/chunked-cut', limit: 1 }).items[0]
    expect(Buffer.from(t.engine.requests.get(row.id)!.bodyBase64, 'base64').toString()).toBe('hello')
  })

  it('answers 413 to bodies over the limit (declared or streamed) and records them with a preview', async () => {
    const declared = await exchange(port, ['POST /too-big HTTP/1.1\r\nHost: a\r\nContent-Length: 10000000\r\n\r\n', Buffer.alloc(64 * 1024, 1)])
    expect(statusOf(declared.reply)).toBe(413)
    const streamed = await send(`${t.url}/too-big-chunked`, { body: Buffer.alloc(2 * 1024 * 1024, 2), headers: { 'transfer-encoding': 'chunked' } }).catch(
      () => null
    )
    if (streamed) expect(streamed.status).toBe(413)
    // 2 MiB is past the drain bound (1 MiB here): the sender is cut off, maybe before the row commits.
    await expect.poll(() => t.engine.requests.list({ path: '/too-big-chunked', limit: 1 }).items.length).toBe(1)
    const rows = t.engine.requests.list({ path: '/too-big', limit: 5 }).items
    const chunked = rows.find((r) => r.path === '/too-big-chunked')!
    expect(chunked.bodyTruncated).toBe(true)
    expect(chunked.responseStatus).toBe(413)
    expect(t.engine.requests.getWithBody(chunked.id)!.body.length).toBeLessThanOrEqual(256 * 1024)
    expect(rows.find((r) => r.path === '/too-big')!.note).toMatch(/exceeds the 256 KiB limit/)
  })

  it('stores invalid UTF-8 in headers, path and body exactly', async () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x7d])
    const head = Buffer.from('POST /utf8/%FF%FE HTTP/1.1\r\nHost: a\r\nX-Bytes: \xff\xfe\xc3(\r\nContent-Length: 9\r\n\r\n', 'latin1')
    const r = await exchange(port, [Buffer.concat([head, body])])
    expect(statusOf(r.reply)).toBe(200)
    const row = t.engine.requests.list({ path: '/utf8/', limit: 1 }).items[0]
    const stored = t.engine.requests.get(row.id)!
    expect(Buffer.from(stored.bodyBase64, 'base64').equals(body)).toBe(true)
    expect(stored.headers.find(([n]) => n === 'X-Bytes')?.[1]).toBe('\xff\xfe\xc3(')
  })

  it('stores gzip, deflate and brotli bombs raw; decoding for display and search is capped', async () => {
    t.engine.settings.update({ bodyLimitBytes: 8 * 1024 * 1024 })
    for (const [encoding, bomb] of bombs) {
      const res = await send(`${t.url}/bomb/${encoding.replace(/\W/g, '')}`, { body: bomb, headers: { 'content-encoding': encoding, 'content-type': 'application/json' } })
      expect(res.status).toBe(200)
      const row = t.engine.requests.list({ path: '/bomb/', limit: 1 }).items[0]
      expect(t.engine.requests.getWithBody(row.id)!.body.equals(bomb)).toBe(true)
      const decoded = await t.engine.api.getDecodedBody({ id: row.id })
      expect(decoded?.ok).toBe(false)
      expect(decoded && !decoded.ok && decoded.error).toMatch(/expands beyond/)
    }
    // The search indexer decodes every body too; it must skip the bombs, not inflate them.
    t.engine.flushIndex()
    expect(t.engine.requests.list({ search: 'bomb' }).items.length).toBeGreaterThan(0)
  })

  it('kept capturing good traffic throughout, lost nothing it acknowledged, and memory stayed bounded', async () => {
    stopGood = true
    await goodLoop
    expect(good.failures).toEqual([])
    expect(good.acked.length).toBeGreaterThan(20)
    const stored = new Set(t.engine.requests.list({ path: '/good/', limit: 100_000 }).items.map((i) => i.path.split('/').pop()))
    expect(good.acked.filter((m) => !stored.has(m))).toEqual([])
    // 1 GiB and 96 MiB bombs went through (growth includes building them); inflating any would take far more.
    const growth = (process.memoryUsage().rss - rssBefore) / 1024 / 1024
    console.log(`hostile-http: RSS grew ${growth.toFixed(0)} MiB over the whole run (bombs inflate to 1.4 GiB if uncapped)`)
    expect(growth).toBeLessThan(400)
    // And the receiver still answers.
    expect((await send(t.url + '/still-alive', { body: 'ok' })).status).toBe(200)
  })
})
