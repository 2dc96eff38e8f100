import { randomBytes } from 'node:crypto'
import { defineHmacProvider } from './hmac-scheme'
import { has, isoNow, rid, str } from './samples'

const event = (type: string, description: string, data: () => Record<string, unknown>) => ({
  type,
  description,
  sample: (): unknown => ({ type, timestamp: isoNow(), data: data() })
})

/** Standard Webhooks (standardwebhooks.com): base64 HMAC-SHA256 of "id.timestamp.body", key = base64 after "whsec_". */
export const standardWebhooks = defineHmacProvider({
  id: 'standard-webhooks',
  category: 'other',
  secretFormat: 'whsec',
  confirmedBy: { by: 'sdk', package: 'standardwebhooks' },
  name: 'Standard Webhooks',
  scheme: 'webhook-signature: "v1,<base64 HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{raw body}>" (space-separated list); key is the base64 after "whsec_"; 5-minute tolerance.',
  summary: {
    algorithm: 'sha256',
    encoding: 'base64',
    signatureHeader: 'webhook-signature',
    timestampHeader: 'webhook-timestamp',
    idHeader: 'webhook-id',
    prefix: 'v1,',
    template: '{id}.{timestamp}.{body}',
    key: 'whsec-base64',
    framing: 'standard-webhooks'
  },
  detectBody: (json) => (has(json, 'type', 'timestamp', 'data') ? 0.2 : 0),
  eventOf: (body) => ({ type: str(body, 'type'), id: null }),
  events: [
    event('invoice.paid', 'An invoice was paid', () => ({ id: rid('inv_'), amount: 4200, currency: 'usd', customer: rid('cus_') })),
    event('user.created', 'A user signed up', () => ({ id: rid('usr_'), email: 'new.user@example.com', created_at: isoNow() })),
    event('call.completed', 'A call completed', () => ({ id: rid('call_'), duration: 93, status: 'completed' }))
  ],
  retry: {
    delaysMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000],
    timeoutMs: 15_000,
    description: 'Typical Standard Webhooks senders retry on non-2xx with backoff (5 s, 5 min, 30 min, 2 h, 5 h, 10 h).'
  },
  methods: ['POST'],
  contentType: 'application/json',
  sampleSecret: () => `whsec_${randomBytes(24).toString('base64')}`
})
