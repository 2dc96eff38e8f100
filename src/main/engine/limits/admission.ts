// Decides, before a delivery's body is read, whether it is stored at all: the free-disk guard and the
// per-client rate limits. Refused deliveries are counted, never stored.
import type { IncomingMessage } from 'node:http'
import type { RefusedCounts, Settings } from '../../../shared/types'
import type { DeliveryOrigin } from '../receiver'
import type { DiskGuard } from './disk-guard'
import { RateLimiter } from './rate-limiter'

export interface Refusal {
  status: 429 | 503
  retryAfterSeconds: number
  message: string
}

const DISK_LOW: Refusal = {
  status: 503,
  retryAfterSeconds: 60,
  message: 'Hookscope is short of disk space and is not storing deliveries; please retry later.'
}

export class Admission {
  readonly refused: RefusedCounts = { rateLimited: 0, diskLow: 0 }
  private readonly limiter = new RateLimiter()

  constructor(
    private readonly settings: () => Settings,
    private readonly disk: DiskGuard
  ) {}

  check(req: IncomingMessage, origin: DeliveryOrigin): Refusal | null {
    if (this.disk.low) {
      this.refused.diskLow++
      return DISK_LOW
    }
    const limits = this.settings().rateLimit
    const perSecond = origin.viaTunnel ? limits.tunnelPerSecond : limits.localPerSecond
    if (perSecond <= 0) return null
    // Tunnel deliveries all come from the relay's socket: the client is the peer the tunnel's proxy saw
    // (not the first X-Forwarded-For entry, which a sender writes itself to get a fresh budget each time).
    const client = origin.viaTunnel ? `t ${origin.peer ?? '?'}` : `l ${req.socket.remoteAddress ?? '?'}`
    const wait = this.limiter.take(client, perSecond, performance.now())
    if (wait === 0) return null
    this.refused.rateLimited++
    return {
      status: 429,
      retryAfterSeconds: Math.max(1, Math.ceil(wait)),
      message: `More than ${perSecond} requests per second from this client; please slow down.`
    }
  }
}
