// The tunnel client connects here instead of to the receiver, and every connection is passed on to the
// receiver as raw bytes. Because we open those receiver connections ourselves, their local ports are
// exactly the remote ports the receiver sees: that is how a delivery is known to come through the
// tunnel (a header can be forged by anyone; a port held by our own socket cannot).
import { createServer, connect, type Server, type Socket } from 'node:net'

export type LocalStatus = { ok: true } | { ok: false; code: string }

/** How long a closed connection's port still counts as ours: the receiver classifies after the body. */
const PORT_GRACE_MS = 5000

export class TunnelRelay {
  private server: Server | null = null
  private listening: Promise<void> = Promise.resolve()
  private readonly ports = new Set<number>()
  private readonly open = new Set<Socket>()

  constructor(
    private readonly targetPort: () => number,
    private readonly onLocal: (status: LocalStatus) => void
  ) {}

  get port(): number {
    const address = this.server?.address()
    return typeof address === 'object' && address ? address.port : 0
  }

  /** True when a receiver-side socket with this peer is one the relay opened. */
  owns(remoteAddress: string | undefined, remotePort: number | undefined): boolean {
    if (remotePort === undefined || !isLoopback(remoteAddress)) return false
    return this.ports.has(remotePort)
  }

  /** Idempotent, also when called again before the first call has finished. */
  async listen(): Promise<number> {
    if (!this.server) {
      const server = createServer((entry) => this.relay(entry))
      this.server = server
      this.listening = new Promise<void>((resolve, reject) => {
        server.once('error', (error) => {
          if (this.server === server) this.server = null
          reject(error)
        })
        server.listen(0, '127.0.0.1', () => {
          server.on('error', () => {})
          resolve()
        })
      })
    }
    await this.listening
    return this.port
  }

  /**
   * Resolves once every connection open now has closed, or after timeoutMs. At quit the receiver has
   * just answered and closed its side, so this lets those answers travel back out through the tunnel
   * before the tunnel is torn down.
   */
  settle(timeoutMs: number): Promise<void> {
    const pending = [...this.open].filter((socket) => !socket.destroyed)
    if (pending.length === 0) return Promise.resolve()
    return new Promise((resolve) => {
      let left = pending.length
      const timer = setTimeout(resolve, timeoutMs)
      for (const socket of pending) {
        socket.once('close', () => {
          if (--left > 0) return
          clearTimeout(timer)
          resolve()
        })
      }
    })
  }

  close(): void {
    this.server?.close()
    this.server = null
    for (const socket of this.open) socket.destroy()
    this.open.clear()
  }

  private relay(entry: Socket): void {
    entry.pause()
    const out = connect({ host: '127.0.0.1', port: this.targetPort() })
    this.open.add(entry)
    this.open.add(out)
    let localPort = 0
    out.once('connect', () => {
      localPort = out.localPort ?? 0
      this.ports.add(localPort)
      this.onLocal({ ok: true })
      entry.pipe(out).pipe(entry)
      entry.resume()
    })
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (!localPort) this.onLocal({ ok: false, code: error.code ?? 'ERROR' })
      entry.destroy()
    })
    entry.on('error', () => out.destroy())
    entry.once('close', () => {
      this.open.delete(entry)
      out.end()
    })
    out.once('close', () => {
      this.open.delete(out)
      entry.end()
      if (localPort) setTimeout(() => this.ports.delete(localPort), PORT_GRACE_MS).unref()
    })
  }
}

/** Resolves true when something accepts connections on the port (bounded by timeoutMs). */
export function probePort(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1' || address === '::1'
}
