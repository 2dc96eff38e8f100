// The web-mode control surface. Whoever reaches it can read every capture and drive the engine,
// so it binds to 127.0.0.1 only, checks the Host header (DNS rebinding) and requires a random token.
// It is a different listener from the receiver, so nothing arriving through the tunnel reaches it.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { ApiHost } from '../engine/api-handlers'
import { dispatch } from '../transport/dispatch'
import { HookscopeError } from '../../shared/errors'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export interface WebHost {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

export interface WebHostOptions {
  port?: number
  /** Folder with the built renderer (out/renderer). */
  rendererDir: string
  token?: string
}

export async function startWebHost(engine: ApiHost, options: WebHostOptions): Promise<WebHost> {
  const root = resolve(options.rendererDir)
  if (!existsSync(join(root, 'index.html'))) {
    throw new HookscopeError('unavailable', `The UI is not built (${root}/index.html missing): run "npm run build" first.`)
  }
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0

  const server: Server = createServer(async (req, res) => {
    if (!hostAllowed(req, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1))
    const file = normalize(join(root, rel))
    if (!file.startsWith(root + sep)) {
      res.writeHead(404).end()
      return
    }
    try {
      const data = await readFile(file)
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': csp(port)
      })
      res.end(req.method === 'HEAD' ? undefined : data)
    } catch {
      res.writeHead(404).end()
    }
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/ws' || !hostAllowed(req, port) || !tokenMatches(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => bridge(engine, ws))
  })

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => done())
        server.closeAllConnections()
      })
  }
}

/** Relays Api calls and pushed events over one WebSocket, with the same validation as IPC. */
function bridge(engine: ApiHost, ws: WebSocket): void {
  const unsubscribe = engine.events.subscribe((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }))
  })
  ws.on('message', async (data) => {
    let message: { id?: unknown; method?: unknown; input?: unknown }
    try {
      message = JSON.parse(String(data))
    } catch {
      return
    }
    const reply = await dispatch(engine.api, message.method, message.input)
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, ...reply }))
  })
  ws.on('close', unsubscribe)
  ws.on('error', unsubscribe)
}

function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function csp(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    // React's virtualized rows position themselves with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}
