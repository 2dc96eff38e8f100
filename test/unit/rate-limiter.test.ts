import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/main/engine/limits/rate-limiter'
import { drainBoundBytes } from '../../src/main/engine/limits/drain'

describe('rate limiter', () => {
  it('allows a burst of one second, then one request per token as tokens refill, and says how long to wait', () => {
    const limiter = new RateLimiter()
    const allowed = Array.from({ length: 5 }, () => limiter.take('a', 4, 1000))
    expect(allowed).toEqual([0, 0, 0, 0, 0.25])
    expect(limiter.take('a', 4, 1250)).toBe(0)
    expect(limiter.take('a', 4, 1250)).toBeCloseTo(0.25)
    expect(limiter.take('b', 4, 1250)).toBe(0)
  })

  it('forgets idle clients, and past 10,000 clients new ones share one bucket', () => {
    const limiter = new RateLimiter()
    for (let i = 0; i < 10_000; i++) limiter.take(`c${i}`, 1, 1)
    expect(limiter.clients).toBe(10_000)
    expect(limiter.take('new-1', 1, 2)).toBe(0)
    expect(limiter.take('new-2', 1, 2)).toBeGreaterThan(0)
    limiter.take('late', 1, 120_000)
    expect(limiter.clients).toBe(1)
  })

  it('drains over-limit bodies up to twice the limit, within 1 and 64 MiB', () => {
    expect(drainBoundBytes(1024)).toBe(1024 * 1024)
    expect(drainBoundBytes(25 * 1024 * 1024)).toBe(50 * 1024 * 1024)
    expect(drainBoundBytes(1024 * 1024 * 1024)).toBe(64 * 1024 * 1024)
  })
})
