import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  url: string
  rawHeaders: [string, string][]
  body: Buffer
  at: number
}

export interface TargetServer {
  url: string
  seen: SeenRequest[]
  /** Resolves when the n-th request (1-based) has arrived. */
  waitFor: (n: number) => Promise<SeenRequest>
  close: () => Promise<void>
}

type Handler = (req: SeenRequest, res: ServerResponse, raw: IncomingMessage) => void

/** A real local HTTP server standing in for the user's webhook handler; records every request as received. */
export async function startTarget(handler: Handler = (_r, res) => res.end('ok')): Promise<TargetServer> {
  const seen: SeenRequest[] = []
  const waiters: { n: number; resolve: (r: SeenRequest) => void }[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const pairs: [string, string][] = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) pairs.push([req.rawHeaders[i], req.rawHeaders[i + 1]])
      const entry = { method: req.method!, url: req.url!, rawHeaders: pairs, body: Buffer.concat(chunks), at: Date.now() }
      seen.push(entry)
      for (const w of waiters.filter((w) => w.n <= seen.length)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(seen[w.n - 1])
      }
      handler(entry, res, req)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    waitFor: (n) => (seen.length >= n ? Promise.resolve(seen[n - 1]) : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/**
 * A port with nothing listening on it at DEAD_HOST (bound, read, closed). DEAD_HOST is a loopback
 * address no test server binds, so a parallel test cannot take the freed port in the meantime.
 */
export const DEAD_HOST = '127.0.0.2'

export async function deadPort(): Promise<number> {
  const { createServer: createNet } = await import('node:net')
  const probe = createNet()
  await new Promise<void>((r) => probe.listen(0, DEAD_HOST, r))
  const port = (probe.address() as AddressInfo).port
  await new Promise<void>((r) => probe.close(() => r()))
  return port
}
