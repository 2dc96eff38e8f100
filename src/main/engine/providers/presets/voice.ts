// Voice platforms, with the voice-AI platforms (voice-ai.ts) in their historical place in the list.
import { definePreset } from '../preset'
import { phone, rid, uuid, isoNow } from '../samples'
import { ev, hmacBody, hmacKv, retry, UNDOCUMENTED_RETRY } from './kit'
import { VOICE_AI_PRESETS } from './voice-ai'
import { VOICE_CALLBACK_PRESETS } from './voice-callbacks'
import { bandwidthEvent, didwwEvent, plivoForm, signalwireStatus, telnyxEvent, vonageEvent, zoomMeeting, zoomPhone } from './voice-samples'

export const VOICE_PRESETS = [
  definePreset({
    id: 'telnyx',
    name: 'Telnyx',
    category: 'voice',
    scheme: { family: 'ed25519', signatureHeader: 'telnyx-signature-ed25519', timestampHeader: 'telnyx-timestamp', template: '{timestamp}|{body}', encoding: 'base64' },
    secretFormat: 'public-key',
    description: 'telnyx-signature-ed25519: base64 Ed25519 signature of "{telnyx-timestamp}|{raw body}"; verify with the account public key (base64) from Mission Control; 5-minute tolerance.',
    timestampToleranceSec: 300,
    eventType: ['json:data.event_type'],
    eventId: ['json:data.id'],
    callId: ['json:data.payload.call_control_id', 'json:data.payload.call_session_id'],
    // developers.telnyx.com/api-reference/callbacks (call-initiated, call-answered, call-hangup): data.id names the event.
    calls: { order: [['call.initiated'], ['call.answered'], ['call.hangup']], terminal: ['call.hangup'], eventIdIsUnique: true },
    events: [
      ev('call.initiated', 'A call was placed or is arriving', telnyxEvent('call.initiated')),
      ev('call.answered', 'The call was answered', telnyxEvent('call.answered')),
      ev('call.hangup', 'The call ended', telnyxEvent('call.hangup'))
    ],
    retry: retry('A non-2xx answer or a timeout is retried, then sent to the failover URL when one is set.', [0], 10_000),
    methods: ['POST'],
    contentType: 'application/json',
    source: 'telnyx-node lib/webhooks.ts (TelnyxWebhook.verify)',
    confirmedBy: { by: 'sdk', package: 'telnyx' }
  }),
  definePreset({
    id: 'plivo',
    name: 'Plivo',
    category: 'voice',
    scheme: { family: 'url-signed', variant: 'plivo-v3', algorithm: 'sha256', signatureHeader: 'X-Plivo-Signature-V3', nonceHeader: 'X-Plivo-Signature-V3-Nonce' },
    secretFormat: 'hmac-secret',
    description: 'X-Plivo-Signature-V3: base64 HMAC-SHA256 of the URL (sorted query), the POST parameters sorted by name (name+value), then ".{X-Plivo-Signature-V3-Nonce}"; key is the Auth Token; several signatures may be comma-separated.',
    eventType: ['form:Event', 'form:CallStatus'],
    eventId: ['form:CallUUID', 'form:MessageUUID'],
    callId: ['form:CallUUID'],
    // docs.plivo.com/docs/account/api/application: the Answer URL is requested when the call is answered, the
    // Hangup URL when it is hung up; CallStatus ringing / in-progress / completed, or busy / failed / timeout /
    // no-answer for outbound calls. The type is Event (StartApp, Hangup), else CallStatus.
    calls: {
      order: [['StartApp', 'ringing', 'in-progress'], ['Hangup', 'completed', 'busy', 'failed', 'timeout', 'no-answer']],
      terminal: ['Hangup', 'completed', 'busy', 'failed', 'timeout', 'no-answer']
    },
    events: [ev('StartApp', 'Answer URL request when a call connects', plivoForm('in-progress')), ev('Hangup', 'Hangup callback when a call ends', plivoForm('completed'))],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST', 'GET'],
    contentType: 'application/x-www-form-urlencoded',
    source: 'plivo-node dist/utils/v3Security.js (validateV3Signature)',
    confirmedBy: { by: 'sdk', package: 'plivo' },
    notes: ['Main-account signatures arrive in X-Plivo-Signature-Ma-V3 (same recipe, main-account Auth Token).']
  }),
  definePreset({
    id: 'vonage',
    name: 'Vonage',
    category: 'voice',
    scheme: { family: 'jwt', header: 'Authorization', payloadHashClaim: 'payload_hash' },
    secretFormat: 'hmac-secret',
    description: 'Authorization: Bearer <HS256 JWT signed with the account signature secret>; its payload_hash claim is the hex SHA-256 of the body.',
    detectVia: 'endpoint',
    eventType: ['json:status'],
    eventId: ['json:message_uuid', 'json:uuid'],
    callId: ['json:uuid', 'json:conversation_uuid'],
    // developer.vonage.com/en/voice/voice-api/webhook-reference (event webhook statuses) and @vonage/voice CallStatus.
    // "ringing" may come before "started" (Vonage's own phone-to-app tutorial logs it so): they share a rank.
    calls: {
      order: [['started', 'ringing'], ['answered'], ['completed', 'busy', 'cancelled', 'unanswered', 'rejected', 'failed', 'timeout']],
      terminal: ['completed', 'busy', 'cancelled', 'unanswered', 'rejected', 'failed', 'timeout']
    },
    events: [ev('started', 'Voice event: the call started', vonageEvent('started')), ev('answered', 'Voice event: the call was answered', vonageEvent('answered')), ev('completed', 'Voice event: the call ended', vonageEvent('completed'))],
    retry: retry('A 5xx answer or no answer is retried.'),
    methods: ['POST'],
    contentType: 'application/json',
    source: '@vonage/jwt verifySignature; developer.vonage.com messages/concepts/signed-webhooks',
    confirmedBy: { by: 'sdk', package: '@vonage/jwt' },
    notes: ['Authorization: Bearer is common: Hookscope judges Vonage deliveries at an endpoint set to Vonage.']
  }),
  definePreset({
    id: 'signalwire',
    name: 'SignalWire',
    category: 'voice',
    scheme: { family: 'url-signed', variant: 'twilio', algorithm: 'sha1', signatureHeader: 'X-SignalWire-Signature' },
    secretFormat: 'hmac-secret',
    description: 'X-SignalWire-Signature (cXML, Twilio-compatible): base64 HMAC-SHA1 of the URL followed by the POST parameters sorted by name; key is the project Signing Key.',
    eventType: ['form:CallStatus', 'form:MessageStatus'],
    eventId: ['form:CallSid', 'form:MessageSid'],
    callId: ['form:CallSid'],
    // signalwire.com/docs/compatibility-api/rest/calls/webhooks/voice-status-callback: one callback per status change,
    // Twilio-compatible CallStatus values.
    calls: {
      order: [['queued', 'initiated'], ['ringing'], ['in-progress'], ['completed', 'busy', 'failed', 'no-answer', 'canceled']],
      terminal: ['completed', 'busy', 'failed', 'no-answer', 'canceled']
    },
    events: [
      ev('ringing', 'Call status callback: the call is ringing', signalwireStatus('ringing')),
      ev('in-progress', 'Call status callback: the call was answered', signalwireStatus('in-progress')),
      ev('completed', 'Call status callback: the call ended', signalwireStatus('completed'))
    ],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/x-www-form-urlencoded',
    source: 'developer.signalwire.com (webhook signature validation, compatibility API)',
    confirmedBy: { by: 'docs' },
    notes: ['SWML/RELAY JSON webhooks sign {URL}{raw body} as hex instead; this preset covers the cXML form deliveries.']
  }),
  definePreset({
    id: 'bandwidth',
    name: 'Bandwidth',
    category: 'voice',
    scheme: { family: 'basic' },
    secretFormat: 'basic',
    description: 'No payload signature: HTTP Basic credentials (user:password) set on the Voice or Messaging application.',
    detectVia: 'endpoint',
    signatureOptional: true,
    eventType: ['json:eventType', 'json:0.type'],
    eventId: ['json:callId'],
    callId: ['json:callId'],
    // dev.bandwidth.com/docs/voice/webhooks: Initiate (an inbound call arrives), Answer (an outbound call is answered),
    // Disconnect ("fired when a call ends, for any reason"). callId names the call, not the event.
    calls: { order: [['initiate'], ['answer'], ['disconnect']], terminal: ['disconnect'] },
    events: [
      ev('answer', 'The outbound call was answered', bandwidthEvent('answer', { answerTime: isoNow() })),
      ev('disconnect', 'The call ended', bandwidthEvent('disconnect', { cause: 'hangup' }))
    ],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'dev.bandwidth.com docs/voice/programmable-voice/webhooks (callback authentication)',
    confirmedBy: { by: 'docs' }
  }),
  definePreset({
    id: 'bandwidth-subscriptions-v2',
    name: 'Bandwidth (subscriptions v2)',
    category: 'voice',
    scheme: hmacBody('X-Bandwidth-Signature-SHA-256', { encoding: 'base64' }),
    secretFormat: 'hmac-secret',
    description: 'X-Bandwidth-Signature-SHA-256: base64 HMAC-SHA256 of the raw body with the subscription secret.',
    eventType: ['json:type', 'json:0.type'],
    events: [ev('message-delivered', 'A message was delivered', () => [{ type: 'message-delivered', time: isoNow(), to: phone(), message: { id: rid('', 26), direction: 'out' } }])],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'dev.bandwidth.com (subscriptions, X-Bandwidth-Signature-SHA-256)',
    confirmedBy: { by: 'docs' }
  }),
  definePreset({
    id: 'sinch-conversation',
    name: 'Sinch Conversation API',
    category: 'messaging',
    scheme: {
      family: 'hmac',
      algorithm: 'sha256',
      encoding: 'base64',
      signatureHeader: 'x-sinch-webhook-signature',
      timestampHeader: 'x-sinch-webhook-signature-timestamp',
      idHeader: 'x-sinch-webhook-signature-nonce',
      template: '{body}.{id}.{timestamp}'
    },
    secretFormat: 'hmac-secret',
    description: 'x-sinch-webhook-signature: base64 HMAC-SHA256 of "{raw body}.{nonce}.{timestamp}" (nonce and timestamp headers beside it).',
    eventId: ['json:message_id', 'json:message.id'],
    events: [ev('message_delivery_report', 'A message status changed', () => ({ app_id: rid('', 26), accepted_time: isoNow(), message_delivery_report: { message_id: rid('', 26), status: 'DELIVERED' } }))],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'developers.sinch.com/docs/conversation/callbacks (validating callbacks); @sinch/sdk-client validateWebhookSignature',
    confirmedBy: { by: 'sdk', package: '@sinch/sdk-core' }
  }),
  ...VOICE_AI_PRESETS,
  definePreset({
    id: 'zoom',
    name: 'Zoom',
    category: 'voice',
    scheme: hmacBody('x-zm-signature', { prefix: 'v0=', timestampHeader: 'x-zm-request-timestamp', template: 'v0:{timestamp}:{body}' }),
    secretFormat: 'hmac-secret',
    description: 'x-zm-signature: "v0=<hex HMAC-SHA256 of v0:{x-zm-request-timestamp}:{raw body}>" with the app Secret Token.',
    eventType: ['json:event'],
    callId: ['json:payload.object.call_id', 'json:payload.object.uuid'],
    // developers.zoom.us/docs/phone/call-data (call status events: caller ringing / connected / ended, callee ringing /
    // answered / missed / rejected / ended) and the meeting.started / meeting.ended events of developers.zoom.us/docs/api.
    calls: {
      order: [
        ['phone.caller_ringing', 'phone.callee_ringing', 'meeting.started'],
        ['phone.caller_connected', 'phone.callee_answered'],
        ['phone.callee_ended', 'phone.caller_ended', 'phone.callee_missed', 'phone.callee_rejected', 'meeting.ended']
      ],
      terminal: ['phone.callee_ended', 'phone.caller_ended', 'phone.callee_missed', 'phone.callee_rejected', 'meeting.ended']
    },
    events: [
      ev('meeting.started', 'A meeting started', zoomMeeting('meeting.started')),
      ev('meeting.ended', 'A meeting ended', zoomMeeting('meeting.ended')),
      ev('phone.callee_ringing', 'Zoom Phone: an inbound call is ringing', zoomPhone('phone.callee_ringing')),
      ev('phone.callee_answered', 'Zoom Phone: the inbound call was answered', zoomPhone('phone.callee_answered')),
      ev('phone.callee_ended', 'Zoom Phone: the inbound call ended', zoomPhone('phone.callee_ended'))
    ],
    retry: retry('Retried 3 times (after 5 min, 30 min, 90 min) when the answer is not 2xx within 3 seconds.', [300_000, 1_800_000, 5_400_000], 3_000),
    methods: ['POST'],
    contentType: 'application/json',
    source: 'developers.zoom.us/docs/api/webhooks (verify webhook events)',
    confirmedBy: { by: 'docs' }
  }),
  definePreset({
    id: 'didww-phone-systems',
    name: 'DIDWW Phone Systems',
    category: 'voice',
    scheme: hmacKv('X-PS-Signature', 't', 'v1'),
    secretFormat: 'hmac-secret',
    description: 'X-PS-Signature: "t=<unix s>,v1=<hex HMAC-SHA256 of {t}.{raw body}>"; every retry is re-signed.',
    eventType: ['json:type', 'json:event'],
    eventId: ['json:id'],
    // doc.didww.com/phone-systems/Settings/webhooks (live call events call.started when it rings, call.connected when
    // answered, call.ended; call.cdr.* after the call) and its webhook event reference: id names the event (the same
    // on retries), global_tag the call.
    callId: ['json:global_tag'],
    calls: { order: [['call.started'], ['call.connected'], ['call.ended']], terminal: ['call.ended'], eventIdIsUnique: true },
    events: [
      ev('call.started', 'A call started ringing', didwwEvent('call.started')),
      ev('call.connected', 'The call was answered', didwwEvent('call.connected')),
      ev('call.ended', 'The call ended', didwwEvent('call.ended'))
    ],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'doc.didww.com phone-systems webhooks',
    confirmedBy: { by: 'docs' }
  }),
  definePreset({
    id: 'ringcentral',
    name: 'RingCentral',
    category: 'voice',
    scheme: { family: 'token', header: 'Verification-Token' },
    secretFormat: 'token',
    description: 'Verification-Token: the token set as deliveryMode.verificationToken on the subscription, compared as is (the creation handshake sends Validation-Token, to echo back).',
    signatureOptional: true,
    eventType: ['json:event'],
    eventId: ['json:uuid'],
    callId: ['json:body.telephonySessionId'],
    events: [ev('/restapi/v1.0/account/~/telephony/sessions', 'A telephony session changed', () => ({ uuid: uuid(), event: '/restapi/v1.0/account/~/telephony/sessions', timestamp: isoNow(), subscriptionId: uuid(), body: { telephonySessionId: `s-${rid('', 24)}`, parties: [{ status: { code: 'Answered' } }] } }))],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'developers.ringcentral.com/guide/notifications/webhooks (receiving); RingCentral SDK WebhookDeliveryModeRequest.verificationToken',
    notes: ['At subscription creation RingCentral sends a Validation-Token header that your handler must echo back in its answer.'],
    confirmedBy: { by: 'docs' }
  }),
  ...VOICE_CALLBACK_PRESETS
]
