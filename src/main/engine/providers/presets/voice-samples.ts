// Sample payloads of the voice presets (voice.ts), in each provider's own shape. Every call's events
// carry its call id where the preset's callId says, so a sequence with one id is one call in the Calls view.
import { isoNow, phone, rid, uuid } from '../samples'

export const telnyxEvent = (type: string) => () => ({
  data: {
    event_type: type,
    id: uuid(),
    occurred_at: isoNow(),
    payload: { call_control_id: `v3:${rid('', 22)}`, call_leg_id: uuid(), call_session_id: uuid(), connection_id: rid('', 19), from: phone(), to: phone(), direction: 'outgoing', state: type === 'call.hangup' ? 'hangup' : 'answered' },
    record_type: 'event'
  },
  meta: { attempt: 1, delivered_to: 'https://example.com/webhooks/telnyx' }
})

export const plivoForm = (status: string) => () => ({ CallUUID: uuid(), CallStatus: status, Direction: 'outbound', From: phone().slice(1), To: phone().slice(1), Event: status === 'completed' ? 'Hangup' : 'StartApp' })

export const vonageEvent = (status: string) => () => ({ uuid: uuid(), conversation_uuid: `CON-${uuid()}`, status, direction: 'outbound', from: phone().slice(1), to: phone().slice(1), timestamp: isoNow() })

/** cXML status callback (Twilio-compatible form fields). */
export const signalwireStatus = (status: string) => () => ({ CallSid: uuid(), AccountSid: uuid(), CallStatus: status, From: phone(), To: phone(), Direction: 'outbound-api', ...(status === 'completed' ? { CallDuration: '42' } : {}) })

export const bandwidthEvent = (eventType: string, extra: Record<string, unknown> = {}) => () => ({
  eventType,
  callId: `c-${uuid()}`,
  accountId: '9900000',
  applicationId: uuid(),
  from: phone(),
  to: phone(),
  direction: 'outbound',
  eventTime: isoNow(),
  ...extra
})

export const vapiAssistantRequest = () => ({ message: { type: 'assistant-request', call: { id: uuid(), type: 'inboundPhoneCall', status: 'ringing' }, customer: { number: phone() }, timestamp: Date.now() } })

export const vapiEndOfCallReport = () => ({ message: { type: 'end-of-call-report', endedReason: 'customer-ended-call', call: { id: uuid(), type: 'outboundPhoneCall' }, summary: 'Booked a table for two.', timestamp: Date.now() } })

export const retellEvent = (event: string) => () => ({ event, call: { call_id: rid('call_', 24), agent_id: rid('agent_', 24), call_status: event === 'call_started' ? 'ongoing' : 'ended', start_timestamp: Date.now() - 60_000, direction: 'outbound', from_number: phone(), to_number: phone() } })

export const zoomMeeting = (event: 'meeting.started' | 'meeting.ended') => () => ({
  event,
  event_ts: Date.now(),
  payload: { account_id: rid('', 22), object: { id: 85_000_000_000, uuid: rid('', 24), topic: 'Weekly sync', start_time: isoNow(-1_800_000), ...(event === 'meeting.ended' ? { duration: 30, end_time: isoNow() } : {}) } }
})

/** Zoom Phone call status events carry the call in payload.object.call_id (Rivet's PhoneCalleeRingingEvent). */
export const zoomPhone = (event: string) => () => ({
  event,
  event_ts: Date.now(),
  payload: { account_id: rid('', 22), object: { call_id: `70${String(Math.random()).slice(2, 19).padEnd(17, '0')}`, caller: { phone_number: phone() }, callee: { phone_number: phone(), extension_number: 1001 } } }
})

/** phone.systems envelope: the event id, its type, when, and the call's global_tag. */
export const didwwEvent = (type: string) => () => ({ id: uuid(), type, ts: isoNow(), global_tag: uuid(), data: { direction: 'inbound', from: phone(), to: phone(), ...(type === 'call.ended' ? { duration: 61 } : {}) } })

/** Sinch Voice callback (ice / ace / dice / pie), in the shape of the signing example and the SDK's DiceRequest. */
export const sinchCallEvent = (event: 'ice' | 'ace' | 'dice' | 'pie') => () => ({
  event,
  callid: `${uuid()}_${Math.floor(100 + Math.random() * 900)}`,
  timestamp: isoNow().replace(/\.\d{3}Z$/, 'Z'),
  version: 1,
  applicationKey: uuid().toUpperCase(),
  ...(event === 'ice' ? { cli: phone().slice(1), to: { type: 'number', endpoint: phone() }, domain: 'pstn', originationType: 'PSTN', rate: { currencyId: 'USD', amount: 0.0083 } } : {}),
  ...(event === 'ace' ? { amd: { status: 'human', reason: 'n/a', duration: 1 } } : {}),
  ...(event === 'pie' ? { menuResult: { type: 'sequence', value: '1', menuId: 'main', inputMethod: 'dtmf' } } : {}),
  ...(event === 'dice' ? { reason: 'CALLERHANGUP', result: 'ANSWERED', duration: 42, debit: { currencyId: 'USD', amount: 0.0083 }, from: phone().slice(1), to: { type: 'number', endpoint: phone() } } : {})
})

/** Africa's Talking voice callback (form fields): isActive 1 while the call is up, 0 in the final request with duration and cost. */
export const africastalkingCall = (isActive: '1' | '0') => () => ({
  isActive,
  sessionId: `ATVId_${rid('', 32)}`,
  direction: 'Inbound',
  callerNumber: phone(),
  destinationNumber: '+254711082000',
  ...(isActive === '0' ? { durationInSeconds: '37', currencyCode: 'KES', amount: '3.2000' } : {})
})
