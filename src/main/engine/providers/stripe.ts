import { defineHmacProvider } from './hmac-scheme'
import { has, rid, str, unixNow } from './samples'

const event = (type: string, description: string, object: () => Record<string, unknown>) => ({
  type,
  description,
  sample: (): unknown => ({
    id: rid('evt_', 24),
    object: 'event',
    api_version: '2024-06-20',
    created: unixNow(),
    data: { object: object() },
    livemode: false,
    pending_webhooks: 1,
    request: { id: rid('req_', 14), idempotency_key: null },
    type
  })
})

/** Stripe: Stripe-Signature "t=<unix>,v1=<hex HMAC-SHA256 of t.body>" (several v1 during rotation). */
export const stripe = defineHmacProvider({
  id: 'stripe',
  category: 'payments',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'docs' },
  name: 'Stripe',
  scheme: 'Stripe-Signature: "t=<unix seconds>,v1=<hex HMAC-SHA256 of {t}.{raw body}>"; 5-minute tolerance.',
  summary: {
    algorithm: 'sha256',
    encoding: 'hex',
    signatureHeader: 'Stripe-Signature',
    prefix: 'v1=',
    template: '{timestamp}.{body}',
    key: 'raw',
    framing: 'stripe'
  },
  detectBody: (json) => (has(json, 'object', 'type', 'data') && str(json, 'object') === 'event' ? 0.6 : 0),
  eventOf: (body) => ({ type: str(body, 'type'), id: str(body, 'id') }),
  events: [
    event('payment_intent.succeeded', 'A payment succeeded', () => ({ id: rid('pi_', 24), object: 'payment_intent', amount: 2000, currency: 'usd', status: 'succeeded' })),
    event('charge.refunded', 'A charge was refunded', () => ({ id: rid('ch_', 24), object: 'charge', amount: 2000, amount_refunded: 2000, currency: 'usd', refunded: true })),
    event('customer.subscription.created', 'A subscription started', () => ({ id: rid('sub_', 24), object: 'subscription', status: 'active', customer: rid('cus_', 14) })),
    event('invoice.payment_failed', 'An invoice payment failed', () => ({ id: rid('in_', 24), object: 'invoice', amount_due: 4900, currency: 'usd', attempt_count: 1 }))
  ],
  retry: { delaysMs: [3_600_000, 7_200_000, 14_400_000], timeoutMs: 10_000, description: 'Retries with exponential backoff for up to 3 days in live mode.' },
  methods: ['POST'],
  contentType: 'application/json; charset=utf-8',
  sampleSecret: () => rid('whsec_', 32)
})
