// Token buckets per client, checked before a delivery's body is read. Cheap on purpose: one Map
// lookup and a little arithmetic per delivery, idle buckets swept now and then.

interface Bucket {
  tokens: number
  at: number
}

/** Buckets idle this long are full again; forgetting them changes nothing. */
const IDLE_MS = 60_000
const SWEEP_EVERY_MS = 30_000
/**
 * A sender that makes up a new address for every request (a forged first X-Forwarded-For entry through
 * the tunnel) would otherwise get a fresh bucket each time: past this many clients, new ones share one.
 */
const MAX_CLIENTS = 10_000
const OVERFLOW_KEY = '\u0000overflow'

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private lastSweep = 0

  /** Takes a token for this client: 0 when allowed, else the seconds until the next token. Burst = one second's worth. */
  take(client: string, perSecond: number, now: number): number {
    if (now - this.lastSweep > SWEEP_EVERY_MS) this.sweep(now)
    let bucket = this.buckets.get(client)
    if (!bucket) {
      if (this.buckets.size >= MAX_CLIENTS && client !== OVERFLOW_KEY) return this.take(OVERFLOW_KEY, perSecond, now)
      bucket = { tokens: perSecond, at: now }
      this.buckets.set(client, bucket)
    } else {
      bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.at) * perSecond) / 1000)
      bucket.at = now
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return (1 - bucket.tokens) / perSecond
  }

  get clients(): number {
    return this.buckets.size
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [client, bucket] of this.buckets) if (now - bucket.at > IDLE_MS) this.buckets.delete(client)
  }
}
