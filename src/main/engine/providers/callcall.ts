import { defineHmacProvider } from './hmac-scheme'
import { has, isoNow, rid, str } from './samples'

const event = (type: string, data: () => Record<string, unknown>) => ({
  type,
  sample: (): unknown => ({ id: rid('evt_', 9), type, created: isoNow().replace(/\.\d{3}Z$/, 'Z'), data: data(), version: '2024-01-01' })
})

/**
 * CallCall.ai (provider-docs/001): X-CallCall-Signature over "{timestamp}.{raw body}", timestamp in
 * X-CallCall-Timestamp. The doc shows both inputs but not how they are joined: the Stripe-like join is assumed.
 */
export const callcall = defineHmacProvider({
  id: 'callcall',
  category: 'voice-ai',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'seed-doc' },
  name: 'CallCall.ai',
  scheme: 'Hex HMAC-SHA256 of "{timestamp}.{raw body}" in X-CallCall-Signature, timestamp in X-CallCall-Timestamp (join assumed); 5-minute tolerance.',
  summary: {
    algorithm: 'sha256',
    encoding: 'hex',
    signatureHeader: 'X-CallCall-Signature',
    timestampHeader: 'X-CallCall-Timestamp',
    prefix: '',
    template: '{timestamp}.{body}',
    key: 'raw'
  },
  timestampToleranceSec: 300,
  detectBody: (json) => (has(json, 'id', 'type', 'created', 'data', 'version') ? 0.6 : 0),
  eventOf: (body) => ({ type: str(body, 'type'), id: str(body, 'id') }),
  events: [
    {
      ...event('customer.qualified', () => ({ customer_id: rid('customer_', 9), score: 85, qualification_type: 'hot', triggers: ['budget_match', 'high_engagement'] })),
      description: 'Triggered when a customer meets qualification criteria'
    },
    {
      ...event('service.matched', () => ({ customer_id: rid('customer_', 9), services: [{ service_id: rid('svc_'), name: 'Premium support', confidence: 0.92 }] })),
      description: 'Triggered when services are matched to a customer'
    },
    {
      ...event('message.received', () => ({ message_id: rid('msg_'), customer_id: rid('customer_', 9), channel: 'voice', text: 'Can you call me back tomorrow morning?' })),
      description: 'Triggered when a new message is received'
    },
    {
      ...event('analysis.completed', () => ({ analysis_id: rid('ana_'), customer_id: rid('customer_', 9), sentiment: 'positive', intent: 'purchase', score: 78 })),
      description: 'Triggered when business analysis is complete'
    }
  ],
  retry: { delaysMs: [2_000, 4_000, 8_000, 16_000, 32_000], timeoutMs: 10_000, description: 'Retries with exponential backoff (2^n seconds), 5 attempts.' },
  methods: ['POST'],
  contentType: 'application/json',
  // provider-docs/001 documents no call id (customer/message/analysis events); data.call_id is read if present.
  callId: ['json:data.call_id'],
  calls: { eventIdIsUnique: true }
})
