import { createHmac, timingSafeEqual } from 'node:crypto'

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512'

export function hmac(algorithm: HmacAlgorithm, secret: string | Buffer, payload: Buffer | string): Buffer {
  return createHmac(algorithm, secret).update(payload).digest()
}

/** Constant-time comparison that is safe on different lengths (never throws, unlike timingSafeEqual). */
export function safeEqual(a: Buffer | string, b: Buffer | string): boolean {
  const x = Buffer.isBuffer(a) ? a : Buffer.from(a)
  const y = Buffer.isBuffer(b) ? b : Buffer.from(b)
  if (x.length !== y.length) return false
  return timingSafeEqual(x, y)
}
