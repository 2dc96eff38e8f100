import { defineHmacProvider } from './hmac-scheme'
import { has, isoNow, phone, rid, str, unixNow } from './samples'

const call = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  call_id: rid('call_'),
  from: phone(),
  to: phone(),
  ...extra
})

const event = (type: string, data: Record<string, unknown>) => (): unknown => ({
  id: rid('evt_'),
  type,
  created_at: isoNow(),
  data
})

/** CallPayMin (provider-docs/000): hex HMAC-SHA256 of the raw body in X-CallPayMin-Signature. */
export const callpaymin = defineHmacProvider({
  id: 'callpaymin',
  category: 'voice',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'seed-doc' },
  name: 'CallPayMin',
  scheme: 'Hex HMAC-SHA256 of the raw body in X-CallPayMin-Signature.',
  summary: { algorithm: 'sha256', encoding: 'hex', signatureHeader: 'X-CallPayMin-Signature', prefix: '', template: '{body}', key: 'raw' },
  // Weak on purpose: CallCall.ai (with "version") and Stripe (object: "event") score higher for their own shapes.
  detectBody: (json) => (has(json, 'id', 'type', 'data') && str(json, 'id')?.startsWith('evt_') ? 0.4 : 0),
  eventOf: (body) => ({ type: str(body, 'type') ?? str(body, 'event'), id: str(body, 'id') }),
  events: [
    { type: 'call.created', description: 'A new call has been created', sample: () => event('call.created', call({ status: 'created' }))() },
    { type: 'call.started', description: 'A call has started (first participant joined)', sample: () => event('call.started', call({ status: 'in_progress', started_at: isoNow(-2000) }))() },
    { type: 'call.ended', description: 'A call has ended', sample: () => event('call.ended', call({ status: 'completed', duration_seconds: 127, ended_at: isoNow() }))() },
    {
      type: 'call.billing.charged',
      description: 'Billing has been processed for a call',
      sample: () => event('call.billing.charged', { call_id: rid('call_'), charge_id: rid('ch_'), amount_cents: 254, currency: 'USD', minutes: 2.12 })()
    },
    {
      type: 'user.balance_low',
      description: 'User balance below threshold',
      sample: () => event('user.balance_low', { user_id: rid('usr_'), balance_cents: 420, threshold_cents: 500, currency: 'USD' })()
    },
    {
      type: 'summary.ready',
      description: 'AI summary is available',
      sample: () => event('summary.ready', { call_id: rid('call_'), summary: 'Customer asked to reschedule to Friday at 3 pm.', generated_at: unixNow() })()
    }
  ],
  retry: {
    delaysMs: [30_000, 60_000, 120_000, 240_000, 480_000],
    timeoutMs: 10_000,
    description: 'Retries 5xx answers and timeouts with exponential backoff; handlers must be idempotent on the event id.'
  },
  methods: ['POST'],
  contentType: 'application/json',
  // provider-docs/000: call events and billing/summary carry data.call_id; the event id (evt_…) names the event.
  callId: ['json:data.call_id'],
  calls: {
    order: [['call.created'], ['call.started'], ['call.ended'], ['call.billing.charged']],
    terminal: ['call.ended'],
    eventIdIsUnique: true
  }
})
