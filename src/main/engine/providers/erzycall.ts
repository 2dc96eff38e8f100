import { randomBytes } from 'node:crypto'
import { defineHmacProvider } from './hmac-scheme'
import { has, isoNow, phone, rid, str } from './samples'

const FROM = '+14155559999'
const callData = (status: string, extra: Record<string, unknown> = {}) => ({ id: rid('', 6), status, to: phone(), from: FROM, ...extra })
const contactData = () => ({ id: rid('ct_', 8), name: 'Dana Whitfield', phone: phone(), email: 'dana@example.com', tags: ['lead'] })

const event = (type: string, description: string, data: () => Record<string, unknown>) => ({
  type,
  description,
  sample: (): unknown => ({ event: type, timestamp: isoNow(), data: data() })
})

/** ErzyCall (provider-docs/004): "sha256=<hex HMAC-SHA256 of the raw body>" in X-Webhook-Signature; whsec_ secret used as given. */
export const erzycall = defineHmacProvider({
  id: 'erzycall',
  category: 'voice',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'seed-doc' },
  name: 'ErzyCall',
  scheme: 'X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>; the whsec_… secret is used exactly as given.',
  summary: { algorithm: 'sha256', encoding: 'hex', signatureHeader: 'X-Webhook-Signature', prefix: 'sha256=', template: '{body}', key: 'raw' },
  detectBody: (json) => (has(json, 'event', 'timestamp', 'data') ? 0.5 : 0),
  eventOf: (body) => {
    const data = (body as { data?: unknown } | null)?.data
    return { type: str(body, 'event'), id: str(data, 'id') }
  },
  events: [
    event('call.started', 'An outbound call was initiated', () => callData('started')),
    event('call.ended', 'A call completed', () => callData('ended', { duration: 45 })),
    event('call.failed', 'A call encountered an error', () => callData('failed', { error: 'busy' })),
    event('call.scheduled', 'A call was scheduled for later', () => callData('scheduled', { scheduledFor: isoNow(3_600_000) })),
    event('call.cancelled', 'A scheduled call was cancelled', () => callData('cancelled')),
    event('contact.created', 'A new contact was created', contactData),
    event('contact.updated', 'A contact was modified', contactData),
    event('contact.deleted', 'A contact was deleted', () => ({ id: rid('ct_', 8) }))
  ],
  retry: {
    delaysMs: [10_000, 60_000, 300_000],
    timeoutMs: 10_000,
    disableAfterFailures: 10,
    description: 'Retries non-2xx answers and timeouts 3 times (~10 s, 60 s, 300 s); the endpoint is disabled after 10 consecutive failures.'
  },
  methods: ['POST'],
  contentType: 'application/json',
  // provider-docs/004: call.* events carry the call as data (data.id names the call, not the event).
  callId: [{ at: 'json:data.id', eventPrefix: 'call.' }],
  calls: {
    order: [['call.scheduled'], ['call.started', 'call.cancelled'], ['call.ended', 'call.failed']],
    terminal: ['call.ended', 'call.failed', 'call.cancelled']
  },
  sampleSecret: () => `whsec_${randomBytes(24).toString('hex')}`
})
