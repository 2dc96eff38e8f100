// One live tunnel session over the npm `localtunnel` client, for a URL already granted.
// Known client behaviour handled here:
// - it emits `error` when the tunnel server goes away (the stock CLI crashes on it): an `error`
//   listener is attached for the whole life of the client, and the error ends the session so the
//   manager re-creates it;
// - reconnecting its sockets can fail silently (no error for timeouts or unreachable hosts): a
//   watchdog ends the session when no tunnel socket has been open for a while;
// - `local_host` is never passed: it rewrites the first chunk of each request as a string, which
//   corrupts binary bodies. The client reaches our relay on `localhost`.
import { createRequire } from 'node:module'
import type { EventEmitter } from 'node:events'
import type { Socket } from 'node:net'
import type { TunnelReason } from '../../../shared/types'
import type { TunnelGrant } from './request-url'

interface LocaltunnelClient extends EventEmitter {
  tunnelCluster?: EventEmitter
  open(cb: (err?: Error) => void): void
  close(): void
}
type TunnelClass = new (opts: Record<string, unknown>) => LocaltunnelClient & {
  _getInfo(body: Record<string, unknown>): unknown
}

// The package's Tunnel class is used directly: its `_init` (the unbounded URL request) is replaced by
// the grant we already obtained with a timeout; the socket cluster logic is the library's own.
const Tunnel = createRequire(import.meta.url)('localtunnel/lib/Tunnel.js') as TunnelClass

export interface LinkHandlers {
  online: () => void
  down: (reason: TunnelReason, message: string) => void
}

export interface LinkTimeouts {
  /** How long the first tunnel socket may take to connect. */
  establishMs: number
  /** How long the session may have no open tunnel socket before it counts as dropped. */
  idleMs: number
}

export class TunnelLink {
  private readonly client: LocaltunnelClient
  private openSockets = 0
  private ended = false
  private timer: NodeJS.Timeout | null = null

  constructor(
    grant: TunnelGrant,
    host: string,
    relayPort: number,
    private readonly handlers: LinkHandlers,
    private readonly timeouts: LinkTimeouts
  ) {
    const granted = { id: grant.id, url: grant.url, port: grant.port, ip: grant.ip ?? undefined, max_conn_count: grant.maxConn }
    const client = new Tunnel({ host, port: relayPort, subdomain: grant.id })
    Object.assign(client, {
      _init: (cb: (err: Error | null, info?: unknown) => void) => cb(null, client._getInfo(granted))
    })
    this.client = client
    client.on('error', (error: Error) => this.end('dropped', describeClientError(error)))
    this.arm(this.timeouts.establishMs, 'timeout', 'The tunnel server granted a URL but did not accept the tunnel connection in time.')
    client.open((err) => {
      if (err) return this.end('server-refused', err.message)
      client.tunnelCluster?.on('open', (remote: Socket) => this.socketOpened(remote))
    })
  }

  /** Ends the session for good; later client events are ignored. */
  close(): void {
    this.ended = true
    this.disarm()
    this.client.close()
  }

  private socketOpened(remote: Socket): void {
    if (this.ended) return
    this.openSockets++
    this.disarm()
    if (this.openSockets === 1) this.handlers.online()
    remote.once('close', () => {
      this.openSockets--
      if (this.openSockets === 0 && !this.ended) {
        this.arm(this.timeouts.idleMs, 'dropped', 'The tunnel connection dropped and did not come back.')
      }
    })
  }

  private arm(ms: number, reason: TunnelReason, message: string): void {
    this.disarm()
    this.timer = setTimeout(() => this.end(reason, message), ms)
    this.timer.unref()
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private end(reason: TunnelReason, message: string): void {
    if (this.ended) return
    this.close()
    this.handlers.down(reason, message)
  }
}

/** The client's own wording blames the firewall; what it means in practice is that the server went away. */
function describeClientError(error: Error): string {
  if (/connection refused/i.test(error.message)) {
    return 'Lost the tunnel server: it refused the tunnel connection (it may have restarted or dropped this tunnel).'
  }
  return `The tunnel connection failed: ${error.message}`
}
