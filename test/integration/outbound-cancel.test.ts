import { createServer as createTcpServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeliverySummary } from '../../src/shared/api/outbound'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

const SECRET = 'cpm_cancel_secret'

describe('cancelling a send or a replay', () => {
  let t: TestEngine
  let server: ReturnType<typeof createTcpServer> | null = null
  const sockets = new Set<Socket>()
  afterEach(async () => {
    for (const s of sockets) s.destroy()
    server?.close()
    await t?.dispose()
  })

  /** A handler that accepts the connection and never answers; resolves when a request reached it. */
  async function hanging(): Promise<{ url: string; reached: Promise<void> }> {
    let reached!: () => void
    const p = new Promise<void>((r) => (reached = r))
    server = createTcpServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => {})
      socket.once('data', () => reached())
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, reached: p }
  }

  it('Send: the wait ends at once, the delivery is recorded as cancelled, and no retry follows', async () => {
    t = await startTestEngine()
    const target = await hanging()
    const sample = await t.engine.api.sampleEvent({ provider: 'callpaymin', event: 'call.ended' })
    const summaries: DeliverySummary[] = []
    t.engine.events.subscribe((name, payload) => name === 'deliveryRecorded' && summaries.push(payload as DeliverySummary))
    const sending = t.engine.api.sendEvent({
      provider: 'callpaymin', event: 'call.ended', url: target.url, method: 'POST', headers: sample.headers, bodyText: sample.bodyText,
      sign: true, secret: SECRET, retry: { provider: 'callpaymin', timeCompression: 1000 }, timeoutMs: 60_000, cancelKey: 'send-cancel-1'
    })
    await target.reached
    expect(t.engine.api.cancelOutbound({ cancelKey: 'send-cancel-1' })).toEqual({ cancelled: true })
    const delivery = await sending
    expect(delivery).toMatchObject({ errorKind: 'cancelled', responseStatus: null })
    expect(delivery.error).toMatch(/^Cancelled after .* before 127\.0\.0\.1:\d+ answered\.$/)
    expect(await t.engine.api.listDeliveries({ kind: 'send' })).toHaveLength(1)
    // With retry simulation on, a failed attempt would schedule the next one; a cancelled one does not.
    expect(summaries.find((s) => s.id === delivery.id)?.nextAttemptAt).toBeNull()
    // Nothing is waiting under that key any more.
    expect(t.engine.api.cancelOutbound({ cancelKey: 'send-cancel-1' })).toEqual({ cancelled: false })
  })

  it('Replay: same', async () => {
    t = await startTestEngine()
    const target = await hanging()
    await send(t.url + '/cpm', { body: '{"type":"call.ended"}' })
    const [capture] = t.engine.requests.list({ limit: 1 }).items
    const replaying = t.engine.api.replayRequest({ id: capture.id, url: target.url, timeoutMs: 60_000, cancelKey: 'replay-cancel-1' })
    await target.reached
    expect(t.engine.api.cancelOutbound({ cancelKey: 'replay-cancel-1' })).toEqual({ cancelled: true })
    expect(await replaying).toMatchObject({ errorKind: 'cancelled', requestId: capture.id })
  })
})
