// What happens to a body the receiver will not keep (over the limit, or refused with 429/503).
// Answering and closing while the sender is still writing makes the kernel reset the connection, and
// Node's or Python's HTTP client then reports EPIPE instead of the answer (curl happens to cope). So the
// rest is read and thrown away, but only up to a bound, so a hostile sender cannot hold the socket.
import type { IncomingMessage } from 'node:http'

export type DrainOutcome = 'complete' | 'cut'

const MIN_DRAIN_BYTES = 1024 * 1024
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

/** How many bytes of a request body are read in all before its connection is cut: twice the limit, within 1–64 MiB. */
export function drainBoundBytes(bodyLimitBytes: number): number {
  return Math.min(MAX_DRAIN_BYTES, Math.max(MIN_DRAIN_BYTES, 2 * bodyLimitBytes))
}

/**
 * Reads and discards the rest of the body. Resolves 'complete' when it ended within `maxBytes` more
 * bytes and `maxMs`; otherwise destroys the connection and resolves 'cut'.
 */
export function discardRest(req: IncomingMessage, maxBytes: number, maxMs: number): Promise<DrainOutcome> {
  if (req.complete) return Promise.resolve('complete')
  return new Promise((resolve) => {
    let read = 0
    let settled = false
    const settle = (outcome: DrainOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.off('data', onData)
      resolve(outcome)
    }
    const cut = (): void => {
      req.socket.destroy()
      settle('cut')
    }
    const onData = (chunk: Buffer): void => {
      read += chunk.length
      if (read > maxBytes) cut()
    }
    const timer = setTimeout(cut, maxMs)
    req.on('data', onData)
    req.once('end', () => settle('complete'))
    req.once('close', () => settle(req.complete ? 'complete' : 'cut'))
    req.resume()
  })
}
