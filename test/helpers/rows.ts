import type { NewRequest } from '../../src/main/engine/store/rows'

/** A capture as the receiver would hand it to the store, for tests that write rows directly. */
export function newRequest(path: string, body: Buffer | string, overrides: Partial<NewRequest> = {}): NewRequest {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  return {
    receivedAt: Date.now(), endpoint: null, method: 'POST', path, httpVersion: '1.1', headers: [],
    body: bytes, bodySize: bytes.length, bodySha256: '0'.repeat(64), bodyTruncated: false, contentType: null, contentEncoding: null,
    remoteAddress: '127.0.0.1', viaTunnel: false, forwardedFor: null, provider: null, eventType: null, eventId: null,
    verdict: { status: 'unknown', detail: '' }, signature: null, response: null, durationMs: null, note: null,
    ...overrides
  }
}
