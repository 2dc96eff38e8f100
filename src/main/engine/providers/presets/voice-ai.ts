// Voice-AI platforms: assistants that place and take calls, and speech services calling back with results.
import { definePreset } from '../preset'
import { phone, rid, uuid, isoNow } from '../samples'
import { ev, hmacBody, hmacKv, nowSec, retry, UNDOCUMENTED_RETRY } from './kit'
import { retellEvent, vapiAssistantRequest, vapiEndOfCallReport } from './voice-samples'

export const VOICE_AI_PRESETS = [
  definePreset({
    id: 'vapi',
    name: 'Vapi',
    category: 'voice-ai',
    scheme: { family: 'token', header: 'X-Vapi-Secret' },
    secretFormat: 'token',
    description: 'X-Vapi-Secret: the server secret set on the assistant, compared as is (Vapi also offers Bearer and HMAC credentials, which are configured per account).',
    signatureOptional: true,
    eventType: ['json:message.type'],
    callId: ['json:message.call.id'],
    // Vapi OpenAPI ServerMessage: "assistant-request" fetches the assistant for an incoming call; docs.vapi.ai/server-url/
    // end-of-call-report: sent when the call ends, after post-call processing. Messages in between are not ranked.
    calls: { order: [['assistant-request'], ['end-of-call-report']], terminal: ['end-of-call-report'] },
    events: [
      ev('assistant-request', 'An incoming call asks which assistant to use', vapiAssistantRequest),
      ev('end-of-call-report', 'The call ended; summary and transcript', vapiEndOfCallReport)
    ],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'docs.vapi.ai/server-url/server-authentication',
    confirmedBy: { by: 'docs' }
  }),
  definePreset({
    id: 'retell',
    name: 'Retell AI',
    category: 'voice-ai',
    scheme: hmacKv('x-retell-signature', 'v', 'd', { template: '{body}{timestamp}', timestampMs: true }),
    secretFormat: 'hmac-secret',
    description: 'x-retell-signature: "v=<unix ms>,d=<hex HMAC-SHA256 of {raw body}{v}>" keyed with the API key that has the webhook badge; 5-minute tolerance.',
    timestampToleranceSec: 300,
    eventType: ['json:event'],
    callId: ['json:call.call_id'],
    // docs.retellai.com/features/webhook-overview: call_started (not sent when the call did not connect), call_ended,
    // then call_analyzed; transcript and transfer events are not ranked.
    calls: { order: [['call_started'], ['call_ended'], ['call_analyzed']], terminal: ['call_ended'] },
    events: [ev('call_started', 'A call started', retellEvent('call_started')), ev('call_ended', 'A call ended', retellEvent('call_ended')), ev('call_analyzed', 'Post-call analysis is ready', retellEvent('call_analyzed'))],
    retry: retry('Retried up to 3 times when the answer is not 2xx within 10 seconds.', [0, 0, 0]),
    methods: ['POST'],
    contentType: 'application/json',
    source: 'retell-sdk src/lib/webhook_auth.ts (verify, sign)',
    confirmedBy: { by: 'sdk', package: 'retell-sdk' }
  }),
  definePreset({
    id: 'bland',
    name: 'Bland AI',
    category: 'voice-ai',
    scheme: hmacBody('X-Webhook-Signature'),
    secretFormat: 'hmac-secret',
    description: 'X-Webhook-Signature: hex HMAC-SHA256 of the raw body with the webhook signing secret.',
    detectVia: 'endpoint',
    eventId: ['json:call_id'],
    callId: ['json:call_id'],
    eventType: ['json:status'],
    events: [ev('completed', 'Post-call webhook', () => ({ call_id: uuid(), status: 'completed', to: phone(), from: phone(), call_length: 1.7, completed: true, summary: 'Confirmed the delivery window.' }))],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'docs.bland.ai (webhook signing)',
    confirmedBy: { by: 'docs' },
    notes: ['ErzyCall uses the same header name: Hookscope judges Bland deliveries at an endpoint set to Bland.']
  }),
  definePreset({
    id: 'elevenlabs',
    name: 'ElevenLabs',
    category: 'voice-ai',
    scheme: hmacKv('ElevenLabs-Signature', 't', 'v0'),
    secretFormat: 'hmac-secret',
    description: 'ElevenLabs-Signature: "t=<unix s>,v0=<hex HMAC-SHA256 of {t}.{raw body}>"; deliveries older than 30 minutes are rejected.',
    timestampToleranceSec: 1800,
    eventType: ['json:type'],
    callId: ['json:data.conversation_id'],
    events: [ev('post_call_transcription', 'A conversation ended; transcript and analysis', () => ({ type: 'post_call_transcription', event_timestamp: nowSec(), data: { agent_id: rid('', 20), conversation_id: rid('conv_', 24), status: 'done', transcript: [{ role: 'agent', message: 'Hello!' }] } }))],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: 'elevenlabs.io/docs (post-call webhooks, HMAC authentication)',
    confirmedBy: { by: 'sdk', package: '@elevenlabs/elevenlabs-js' }
  }),
  definePreset({
    id: 'deepgram',
    name: 'Deepgram',
    category: 'voice-ai',
    scheme: { family: 'basic' },
    secretFormat: 'basic',
    description: 'No signature: HTTP Basic credentials from the user:password you put in the callback URL.',
    detectVia: 'endpoint',
    signatureOptional: true,
    eventId: ['json:metadata.request_id'],
    events: [ev('transcription', 'Pre-recorded transcription result', () => ({ metadata: { request_id: uuid(), created: isoNow(), duration: 12.4, channels: 1 }, results: { channels: [{ alternatives: [{ transcript: 'thanks for calling', confidence: 0.98 }] }] } }))],
    retry: retry('Retried up to 10 times, 30 seconds apart, on a non-2xx answer.', Array(10).fill(30_000)),
    methods: ['POST'],
    contentType: 'application/json',
    source: 'developers.deepgram.com/docs/callback',
    confirmedBy: { by: 'docs' }
  }),
  definePreset({
    id: 'assemblyai',
    name: 'AssemblyAI',
    category: 'voice-ai',
    scheme: { family: 'token', header: 'X-Webhook-Secret', headerNamedBySecret: true },
    secretFormat: 'token',
    secretHint: 'Header-Name: value (a bare value means X-Webhook-Secret)',
    description:
      'No signature: the header named by webhook_auth_header_name carries webhook_auth_header_value, both set with the transcription request; compared as is. --secret takes "Header-Name: value" (a bare value means X-Webhook-Secret, the name in AssemblyAI\'s example).',
    detectVia: 'endpoint',
    signatureOptional: true,
    eventType: ['json:status'],
    eventId: ['json:transcript_id'],
    events: [
      ev('completed', 'The transcript is ready: fetch it by transcript_id', () => ({ transcript_id: uuid(), status: 'completed' })),
      ev('error', 'The transcription failed: fetch the transcript for its error', () => ({ transcript_id: uuid(), status: 'error' }))
    ],
    retry: retry('Retried up to 10 attempts in all when no 2xx comes within 10 seconds (the interval is not stated); a 4xx answer counts as failed and is not retried.', Array(9).fill(0), 10_000),
    methods: ['POST'],
    contentType: 'application/json',
    source: 'assemblyai.com/docs/deployment/webhooks-for-pre-recorded-audio (authenticate webhook deliveries, delivery payload, retries)',
    confirmedBy: { by: 'docs' },
    notes: [
      'The header and its value are yours to choose per request; AssemblyAI sends none when you set none.',
      'Deliveries come from 44.238.19.20 (US) and 54.220.25.36 (EU); the streaming-session webhook (webhook_url on the WebSocket URL) uses the same two parameters.'
    ]
  })
] as const
