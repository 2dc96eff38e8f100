import { has, isoNow, phone, rid, str, uuid } from './samples'
import type { Provider } from './types'

const EVENTS: [string, string][] = [
  ['call_created', 'Call initiated'],
  ['call_ringing', 'Call is ringing'],
  ['call_answered', 'Call was answered'],
  ['call_updated', 'Call status changed'],
  ['call_hungup', 'Call ended'],
  ['message_created', 'Message created'],
  ['message_updated', 'Message status changed'],
  ['message_deleted', 'Message deleted'],
  ['recording_created', 'Recording started'],
  ['recording_updated', 'Recording status changed'],
  ['recording_deleted', 'Recording deleted'],
  ['transcribe_created', 'Transcription started'],
  ['transcribe_updated', 'Transcription progress update'],
  ['transcribe_deleted', 'Transcription deleted'],
  ['transcript_created', 'Transcript segment created'],
  ['queue_created', 'Queue created'],
  ['queue_updated', 'Queue updated'],
  ['queuecall_created', 'Call joined queue'],
  ['queuecall_kicking', 'Agent assigned to queue call'],
  ['queuecall_serviced', 'Queue call being handled'],
  ['conference_created', 'Conference created'],
  ['conference_updated', 'Conference updated'],
  ['confbridge_created', 'Conference bridge created'],
  ['confbridge_updated', 'Participant joined/left'],
  ['activeflow_created', 'Flow execution started'],
  ['activeflow_updated', 'Flow execution progressed'],
  ['activeflow_deleted', 'Flow execution ended']
]
const TYPES = new Set(EVENTS.map(([t]) => t))

const tel = () => ({ type: 'tel', target: phone(), target_name: '', name: '', detail: '' })
const times = () => ({ tm_create: isoNow(-60_000).replace('T', ' ').replace('Z', ''), tm_update: isoNow().replace('T', ' ').replace('Z', '') })

/** Data shaped like VoIPBIN's resources (ids are UUIDs, times "YYYY-MM-DD hh:mm:ss.ffffff"). */
function dataFor(type: string): Record<string, unknown> {
  const resource = type.slice(0, type.lastIndexOf('_'))
  const action = type.slice(type.lastIndexOf('_') + 1)
  const base = { id: uuid(), customer_id: uuid(), ...times() }
  switch (resource) {
    case 'call':
      return {
        ...base,
        flow_id: uuid(),
        type: 'flow',
        source: tel(),
        destination: tel(),
        status: { created: 'dialing', ringing: 'ringing', answered: 'progressing', updated: 'progressing', hungup: 'hangup' }[action] ?? action,
        direction: 'outgoing',
        hangup_by: action === 'hungup' ? 'remote' : '',
        hangup_reason: action === 'hungup' ? 'normal' : '',
        tm_hangup: action === 'hungup' ? times().tm_update : null
      }
    case 'message':
      return { ...base, type: 'sms', source: tel(), targets: [{ destination: tel(), status: 'sent' }], text: 'Your appointment is confirmed for 3 pm.', direction: 'outbound' }
    case 'recording':
      return { ...base, reference_type: 'call', reference_id: uuid(), status: action === 'created' ? 'recording' : 'ended', format: 'wav', filenames: [`${rid()}.wav`] }
    case 'transcribe':
      return { ...base, reference_type: 'call', reference_id: uuid(), status: action === 'created' ? 'progressing' : 'done', language: 'en-US', direction: 'both' }
    case 'transcript':
      return { ...base, transcribe_id: uuid(), direction: 'in', message: 'I would like to change my booking.', tm_transcript: '0001-01-01 00:00:07.000000' }
    case 'queuecall':
      return { ...base, queue_id: uuid(), reference_type: 'call', reference_id: uuid(), status: { created: 'waiting', kicking: 'kicking', serviced: 'service' }[action] ?? action, service_agent_id: action === 'created' ? null : uuid() }
    case 'queue':
      return { ...base, name: 'support', detail: 'Support line', routing_method: 'random', wait_timeout: 300000, service_timeout: 600000 }
    case 'conference':
    case 'confbridge':
      return { ...base, type: 'conference', status: 'progressing', name: 'Weekly sync', call_ids: [uuid(), uuid()] }
    default:
      return { ...base, flow_id: uuid(), status: action === 'deleted' ? 'ended' : 'running', reference_type: 'call', reference_id: uuid() }
  }
}

/** VoIPBIN (provider-docs/003): no signature at all; body {type, data}; method configurable. */
export const voipbin: Provider = {
  id: 'voipbin',
  category: 'voice',
  secretFormat: 'none',
  confirmedBy: { by: 'seed-doc' },
  name: 'VoIPBIN',
  signs: false,
  family: 'unsigned',
  signatureHeaders: [],
  scheme: 'Unsigned: VoIPBIN sends no signature (verdict "unsigned"); check the source IP or use a secret URL path.',
  detect: () => 0,
  detectBody: (json) => (has(json, 'type', 'data') && TYPES.has(str(json, 'type') ?? '') ? 0.7 : 0),
  verify: () => ({
    verdict: { status: 'unsigned', detail: 'VoIPBIN does not sign its webhooks; nothing proves this came from VoIPBIN.' },
    report: null
  }),
  sign: () => [['Content-Type', 'application/json']],
  eventOf: (body) => {
    const data = (body as { data?: unknown } | null)?.data
    return { type: str(body, 'type'), id: str(data, 'id') }
  },
  events: EVENTS.map(([type, description]) => ({ type, description, sample: () => ({ type, data: dataFor(type) }) })),
  retry: { delaysMs: [], timeoutMs: 5_000, description: 'Expects 200 within 5 seconds; deliveries may repeat, so handle duplicates.' },
  methods: ['POST', 'PUT', 'GET', 'DELETE'],
  contentType: 'application/json',
  // provider-docs/003: call_* events carry the call as data; recordings, transcriptions and queue calls
  // point at it by reference. data.id names the resource, not the event.
  callId: [
    { at: 'json:data.id', eventPrefix: 'call_' },
    { at: 'json:data.reference_id', where: { at: 'json:data.reference_type', equals: 'call' } }
  ],
  calls: {
    order: [['call_created'], ['call_ringing'], ['call_answered', 'call_updated'], ['call_hungup']],
    terminal: ['call_hungup']
  }
}
