// Flood limits and refusals at the receiver, over real sockets: per-client rate limits (429), the
// free-disk guard (503), and over-limit bodies whose 413 ordinary HTTP clients can actually read.
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

let t: TestEngine | null = null
afterEach(async () => {
  await t?.dispose()
  t = null
})

describe('rate limit', () => {
  it('answers 429 with Retry-After beyond the local limit, stores only what it accepted and counts the rest', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ rateLimit: { tunnelPerSecond: 50, localPerSecond: 2 } })
    const statuses: number[] = []
    let retryAfter: string | undefined
    for (let i = 0; i < 30; i++) {
      const res = await send(`${t.url}/flood/${i}`, { body: `{"n":${i}}` })
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers['retry-after'] as string
    }
    const refused = statuses.filter((s) => s === 429).length
    const accepted = statuses.filter((s) => s === 200).length
    expect(refused).toBeGreaterThan(0)
    expect(accepted + refused).toBe(30)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    expect(t.engine.requests.count()).toBe(accepted)
    expect(t.engine.info().refused).toEqual({ rateLimited: refused, diskLow: 0 })
    expect(t.engine.storageStatus().refused.rateLimited).toBe(refused)
  })

  it('leaves local traffic unlimited by default', async () => {
    t = await startTestEngine()
    expect(t.engine.settings.get().rateLimit).toEqual({ tunnelPerSecond: 50, localPerSecond: 0 })
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => send(`${t!.url}/burst/${i}`, { body: 'x' })))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(t.engine.info().refused?.rateLimited).toBe(0)
  })

  it('reads a refused body to its end so the sender sees the 429, and keeps the connection usable', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ rateLimit: { tunnelPerSecond: 50, localPerSecond: 1 } })
    await send(`${t.url}/first`, { body: 'x' })
    expect(await postWithNodeHttp(`${t.url}/second`, Buffer.alloc(6 * 1024 * 1024, 7))).toEqual({ status: 429, error: null })
    expect(t.engine.requests.count()).toBe(1)
  })
})

describe('free-disk guard', () => {
  it('answers 503 with Retry-After, stores nothing, while free space is under the threshold', async () => {
    t = await startTestEngine()
    expect((await send(`${t.url}/before`, { body: 'x' })).status).toBe(200)
    // More than any disk this runs on has free.
    t.engine.api.updateSettings({ minFreeDiskMb: 1024 * 1024 })
    await expect.poll(() => t!.engine.storageStatus().diskLow).toBe(true)
    const refused = await send(`${t.url}/during`, { body: 'x' })
    expect(refused.status).toBe(503)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(t.engine.storageStatus()).toMatchObject({ diskLow: true, refused: { diskLow: 1 } })
    expect(t.engine.storageStatus().diskFreeBytes).toBeGreaterThan(0)

    t.engine.api.updateSettings({ minFreeDiskMb: 1 })
    await expect.poll(() => t!.engine.storageStatus().diskLow).toBe(false)
    expect((await send(`${t.url}/after`, { body: 'x' })).status).toBe(200)
    expect(t.engine.requests.list({ limit: 10 }).items.map((i) => i.path)).toEqual(['/after', '/before'])
  })
})

/** Writes chunked body pieces as fast as the socket takes them until the server closes it; returns bytes written. */
function floodUntilClosed(port: number, path: string, maxBytes: number): Promise<{ written: number; closed: boolean; reply: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const piece = Buffer.alloc(64 * 1024, 0x61)
    const frame = Buffer.concat([Buffer.from(piece.length.toString(16) + '\r\n'), piece, Buffer.from('\r\n')])
    let written = 0
    let reply = ''
    let done = false
    const finish = (closed: boolean): void => {
      if (done) return
      done = true
      socket.destroy()
      resolve({ written, closed, reply })
    }
    socket.on('data', (d: Buffer) => (reply += d.toString('latin1')))
    socket.on('close', () => finish(true))
    socket.on('error', () => finish(true))
    const pump = (): void => {
      while (!done && written < maxBytes) {
        written += piece.length
        if (!socket.write(frame)) return void socket.once('drain', pump)
      }
      if (written >= maxBytes) finish(false)
    }
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n`)
      pump()
    })
  })
}

/**
 * Node's http client as an ordinary sender uses it: the answer's status, and any error the request
 * emitted until it closed (an EPIPE after a response still fails the sender's code).
 */
function postWithNodeHttp(url: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number | null; error: string | null }> {
  return new Promise((resolve) => {
    let status: number | null = null
    let error: string | null = null
    const req = request(url, { method: 'POST', headers }, (res) => {
      status = res.statusCode ?? null
      res.resume()
    })
    req.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message))
    req.on('close', () => resolve({ status, error }))
    req.end(body)
  })
}

describe('413 that senders see', () => {
  it("lets Node's http client read the 413 for an over-limit body, declared or chunked, instead of EPIPE", async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ bodyLimitBytes: 4 * 1024 * 1024 })
    // Within the drain bound (twice the limit), and far more than loopback socket buffers hold.
    const body = Buffer.alloc(7 * 1024 * 1024, 3)
    for (let i = 0; i < 3; i++) {
      expect(await postWithNodeHttp(`${t.url}/big-declared`, body)).toEqual({ status: 413, error: null })
      expect(await postWithNodeHttp(`${t.url}/big-chunked`, body, { 'transfer-encoding': 'chunked' })).toEqual({ status: 413, error: null })
    }
    const rows = t.engine.requests.list({ path: '/big-', limit: 10 }).items
    expect(rows).toHaveLength(6)
    expect(rows.every((r) => r.responseStatus === 413 && r.bodyTruncated)).toBe(true)
    expect((await send(`${t.url}/after`, { body: 'ok' })).status).toBe(200)
  })

  it('cuts off a sender that keeps sending past the drain bound', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ bodyLimitBytes: 256 * 1024 })
    const result = await floodUntilClosed(t.engine.receiver.port, '/endless', 64 * 1024 * 1024)
    expect(result.closed).toBe(true)
    // The bound is 1 MiB here; socket buffers on both sides account for the rest.
    expect(result.written).toBeLessThan(16 * 1024 * 1024)
    await expect.poll(() => t!.engine.requests.list({ path: '/endless', limit: 1 }).items[0]?.bodyTruncated ?? null).toBe(true)
  })

  it('cuts off a sender that stalls in the middle of an over-limit body after the drain time', async () => {
    t = await startTestEngine({ receiverTimeouts: { drainMs: 500 } })
    t.engine.api.updateSettings({ bodyLimitBytes: 64 * 1024 })
    const closed = await new Promise<boolean>((resolve) => {
      const socket = connect(t!.engine.receiver.port, '127.0.0.1')
      const timer = setTimeout(() => resolve(false), 20_000)
      socket.on('close', () => {
        clearTimeout(timer)
        resolve(true)
      })
      socket.on('error', () => {})
      socket.on('connect', () => socket.write(`POST /stall HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n` + 'a'.repeat(100_000)))
    })
    expect(closed).toBe(true)
  })
})
