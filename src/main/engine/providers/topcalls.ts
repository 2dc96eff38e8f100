import { defineHmacProvider } from './hmac-scheme'
import { has, isoNow, phone, rid, str, uuid } from './samples'

function callPayload(status: 'completed' | 'failed'): Record<string, unknown> {
  const failed = status === 'failed'
  return {
    call_id: uuid(),
    phone_number: phone(),
    from_phone_number: '+18005551234',
    status,
    call_status: status,
    duration: failed ? 0 : 2.5,
    transcript: failed
      ? []
      : [
          { id: 1, user: 'assistant', text: 'Hi, this is Sarah from TopView Dental...', created_at: isoNow(-150_000) },
          { id: 2, user: 'user', text: 'Yes, hi...', created_at: isoNow(-147_000) }
        ],
    recording_url: failed ? null : `https://api.topcalls.ai/recordings/${rid()}/2025/12/22/mp3`,
    call_summary: failed ? null : 'Successfully confirmed appointment...',
    answered_by: failed ? null : 'human',
    error: failed ? 'no_answer' : undefined,
    campaign_id: rid('camp_', 6),
    lead_id: rid('lead_', 6),
    created_at: isoNow(-155_000),
    started_at: isoNow(-150_000),
    end_at: isoNow(),
    metadata: { patient_id: rid('pat_', 3), source: 'reminder_system' }
  }
}

const campaign = (status: string) => (): unknown => ({
  event: `campaign.${status}`,
  campaign_id: rid('camp_', 6),
  name: 'Sales Outreach',
  status,
  total_leads: 250,
  completed_calls: status === 'completed' ? 250 : 0,
  timestamp: isoNow()
})

/** TopCalls (provider-docs/002): optional hex HMAC-SHA256 of the raw body in X-TopCalls-Signature. */
export const topcalls = defineHmacProvider({
  id: 'topcalls',
  category: 'voice-ai',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'seed-doc' },
  name: 'TopCalls',
  scheme: 'Optional: hex HMAC-SHA256 of the raw body in X-TopCalls-Signature (unsigned when no secret is set up).',
  summary: { algorithm: 'sha256', encoding: 'hex', signatureHeader: 'X-TopCalls-Signature', prefix: '', template: '{body}', key: 'raw' },
  signatureOptional: true,
  detectBody: (json) => (has(json, 'call_id', 'call_status') || (has(json, 'campaign_id') && str(json, 'event')?.startsWith('campaign.')) ? 0.5 : 0),
  eventOf(body) {
    const event = str(body, 'event')
    if (event) return { type: event, id: str(body, 'campaign_id') }
    const status = str(body, 'call_status') ?? str(body, 'status')
    return { type: status ? `call.${status}` : null, id: str(body, 'call_id') }
  },
  events: [
    { type: 'call.completed', description: 'A call completed (sent ~15 s after it ends, with recording and transcript)', sample: () => callPayload('completed') },
    { type: 'call.failed', description: 'A call failed (sent immediately)', sample: () => callPayload('failed') },
    { type: 'campaign.started', description: 'A campaign started', sample: campaign('started') },
    { type: 'campaign.completed', description: 'A campaign completed', sample: campaign('completed') }
  ],
  retry: {
    delaysMs: [60_000, 300_000, 900_000, 3_600_000],
    timeoutMs: 1_000,
    description: 'Immediate attempt, then retries after 1 min, 5 min, 15 min and 1 h; answer within 1 second.'
  },
  methods: ['POST'],
  contentType: 'application/json',
  // provider-docs/002: one delivery per call, at its end (completed ~15 s after, failed at once).
  callId: ['json:call_id'],
  calls: { order: [['call.completed', 'call.failed']], terminal: ['call.completed', 'call.failed'] }
})
