import { randomUUID } from 'node:crypto'
import { headerValue } from '../receiver'
import { hmac, safeEqual } from './hmac'
import type { Provider } from './types'

const HEADER = 'X-CallPayMin-Signature'

/**
 * CallPayMin: hex HMAC-SHA256 of the raw body in X-CallPayMin-Signature (provider-docs/000).
 * Minimal first version; the signatures work extends verify() with the full diagnostics.
 */
export const callpaymin: Provider = {
  id: 'callpaymin',
  name: 'CallPayMin',
  signs: true,
  signatureHeaders: [HEADER],
  detect: (d) => (headerValue(d.headers, HEADER) !== null ? 1 : 0),
  verify(d, secrets) {
    const received = headerValue(d.headers, HEADER)
    if (received === null) return { verdict: { status: 'missing', detail: `No ${HEADER} header.` }, report: null }
    if (secrets.length === 0) {
      return { verdict: { status: 'no-secret', detail: 'Signed, but no CallPayMin secret is configured yet.' }, report: null }
    }
    for (const secret of secrets) {
      const expected = hmac('sha256', secret.value, d.body).toString('hex')
      if (safeEqual(expected, received.trim().toLowerCase())) {
        return {
          verdict: { status: 'valid', detail: `Signature matches the raw body with secret "${secret.label}".` },
          report: null
        }
      }
    }
    return { verdict: { status: 'invalid', detail: 'Signature does not match the raw body with any configured secret.' }, report: null }
  },
  sign: ({ body, secret }) => [
    ['Content-Type', 'application/json'],
    [HEADER, hmac('sha256', secret, body).toString('hex')]
  ],
  eventOf(body) {
    const b = body as { type?: unknown; event?: unknown; id?: unknown } | null
    const type = typeof b?.type === 'string' ? b.type : typeof b?.event === 'string' ? b.event : null
    return { type, id: typeof b?.id === 'string' ? b.id : null }
  },
  events: [
    {
      type: 'call.ended',
      description: 'A call has ended',
      sample: () => ({
        id: `evt_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
        type: 'call.ended',
        created_at: new Date().toISOString(),
        data: { call_id: `call_${randomUUID().slice(0, 8)}`, duration_seconds: 127, status: 'completed' }
      })
    }
  ],
  retry: {
    delaysMs: [30_000, 60_000, 120_000, 240_000, 480_000],
    timeoutMs: 10_000,
    description: 'Retries 5xx answers and timeouts with exponential backoff.'
  },
  methods: ['POST'],
  contentType: 'application/json'
}
