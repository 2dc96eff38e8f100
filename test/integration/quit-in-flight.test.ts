// Quitting (Engine.stop, which the desktop app's quit and `serve`'s SIGTERM call) answers deliveries in
// flight before it closes the receiver and the database: a provider never sees a cut connection for a
// delivery Hookscope was storing, and the delivery is in the database after the stop.
import { createHash } from 'node:crypto'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { sendThroughTunnel, startTunnelServer } from '../helpers/tunnel-server'
import { waitForTunnel } from '../helpers/tunnel-state'

let t: TestEngine | undefined
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  await t?.dispose()
  t = undefined
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5))
}

function storedAfterStop(dbPath: string, path: string): { bodySha256: string; bodySize: number; note: string | null; viaTunnel: boolean } | undefined {
  const reopened = new Engine({ dbPath, port: 0, log: () => {} })
  try {
    const item = reopened.requests.list({ limit: 10 }).items.find((r) => r.path === path)
    return item && reopened.requests.get(item.id)!
  } finally {
    reopened.db.close()
  }
}

describe('stop() with deliveries in flight', () => {
  it('a delivery waiting on a configured answer delay gets its answer at once and is in the database', async () => {
    t = await startTestEngine()
    const { engine } = t
    // Ten minutes: without the cut-short the answer would come long after the test's own timeout.
    engine.settings.update({ response: { ...engine.settings.get().response, status: 202, delayMs: 600_000 } })
    const answer = send(t.url + '/slow', { headers: ['Content-Type', 'application/json'], body: '{"n":1}' })
    await until(() => engine.requests.count() === 1 && engine.receiver.inFlightCount === 1)

    await engine.stop()
    const res = await answer
    expect(res.status).toBe(202)
    expect(res.headers.connection).toBe('close')
    expect(storedAfterStop(t.dbPath, '/slow')?.bodySize).toBe(7)
  })

  it('a delivery in flight through the tunnel gets its answer back through the tunnel', async () => {
    const server = await startTunnelServer()
    cleanups.push(() => server.kill())
    t = await startTestEngine()
    const { engine } = t
    await engine.tunnel.start({ host: server.host, subdomain: 'quitting' })
    const { url } = await waitForTunnel(engine, (s) => s.status === 'online')
    engine.settings.update({ response: { ...engine.settings.get().response, status: 202, delayMs: 600_000 } })
    const answer = sendThroughTunnel(server, url!, '/via-tunnel', { body: '{"n":2}' })
    await until(() => engine.requests.count() === 1)

    await engine.stop()
    expect((await answer).status).toBe(202)
    expect(storedAfterStop(t.dbPath, '/via-tunnel')).toMatchObject({ bodySize: 7, viaTunnel: true })
  })

  it('a delivery whose body is still arriving is read to the end, answered and stored whole; new connections are refused', async () => {
    t = await startTestEngine()
    const { engine } = t
    const body = Buffer.from(JSON.stringify({ type: 'call.ended', transcript: 'x'.repeat(4000) }))
    const socket = connect(engine.receiver.port, '127.0.0.1')
    let reply = ''
    socket.on('data', (d: Buffer) => (reply += d.toString()))
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    socket.write(`POST /half HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
    socket.write(body.subarray(0, 1000))
    await until(() => engine.receiver.inFlightCount === 1)

    const port = engine.receiver.port
    const stopping = engine.stop()
    await until(() => engine.receiver.port === 0)
    const refused = await new Promise<string>((resolve) => {
      const late = connect(port, '127.0.0.1')
      late.on('connect', () => (late.destroy(), resolve('connected')))
      late.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })
    expect(refused).toBe('ECONNREFUSED')

    socket.write(body.subarray(1000))
    await ended
    await stopping
    expect(reply).toMatch(/^HTTP\/1\.1 200 /)
    expect(reply.toLowerCase()).toContain('connection: close')
    const stored = storedAfterStop(t.dbPath, '/half')
    expect(stored).toMatchObject({ bodySize: body.length, bodySha256: createHash('sha256').update(body).digest('hex') })
  })

  it('a delivery that never finishes its body is cut after the grace period, and what arrived is kept', async () => {
    t = await startTestEngine({ receiverTimeouts: { closeGraceMs: 200 } })
    const { engine } = t
    const socket = connect(engine.receiver.port, '127.0.0.1')
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    socket.on('error', () => {})
    socket.write('POST /stuck HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{"partial":')
    await until(() => engine.receiver.inFlightCount === 1)
    await engine.stop()
    await closed
    expect(storedAfterStop(t.dbPath, '/stuck')).toMatchObject({ bodySize: 11, note: expect.stringContaining('what arrived is kept') })
  })
})
