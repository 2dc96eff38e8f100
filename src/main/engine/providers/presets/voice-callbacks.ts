// Voice platforms added after the first catalog: Sinch Voice's signed callbacks and Africa's Talking's
// unsigned ones. Both call back per call event; the call order is read from their docs (below).
import { definePreset } from '../preset'
import { ev, retry } from './kit'
import { africastalkingCall, sinchCallEvent } from './voice-samples'

export const VOICE_CALLBACK_PRESETS = [
  definePreset({
    id: 'sinch-voice',
    name: 'Sinch Voice',
    category: 'voice',
    scheme: { family: 'signed-request', header: 'Authorization', timestampHeader: 'x-timestamp' },
    secretFormat: 'hmac-secret',
    secretHint: 'ApplicationKey:ApplicationSecret (or the secret alone)',
    description:
      'Authorization: "application {ApplicationKey}:{base64 HMAC-SHA256}" keyed with the base64-decoded Application Secret, over "{method}\\n{base64 MD5 of body}\\n{Content-Type}\\nx-timestamp:{x-timestamp}\\n{path}".',
    // "Authorization" alone is too common to claim a delivery; with x-timestamp beside it, it is Sinch's.
    detectHeaders: ['x-timestamp'],
    eventType: ['json:event'],
    callId: ['json:callid', 'json:callId'],
    // developers.sinch.com/docs/voice/api-reference/callbacks: ICE when the call reaches Sinch, ACE when it is
    // answered, DiCE when it is disconnected; PIE (menu input) comes between ACE and DiCE and is not ranked.
    calls: { order: [['ice'], ['ace'], ['dice']], terminal: ['dice'] },
    events: [
      ev('ice', 'Incoming Call Event: a call reached Sinch; answer with SVAML', sinchCallEvent('ice')),
      ev('ace', 'Answered Call Event: the call was answered', sinchCallEvent('ace')),
      ev('pie', 'Prompt Input Event: the caller answered a menu', sinchCallEvent('pie')),
      ev('dice', 'Disconnected Call Event: the call ended', sinchCallEvent('dice'))
    ],
    retry: retry('Not retried: when the ICE callback gets no answer within the timeout (its length is not stated in the sources read), an error message is played and the call is disconnected.'),
    methods: ['POST'],
    contentType: 'application/json',
    source: 'developers.sinch.com/docs/voice/api-reference/authentication/callback-signed-request (worked example); @sinch/sdk-client validateAuthenticationHeader',
    confirmedBy: { by: 'sdk', package: '@sinch/sdk-core' },
    notes: [
      '--secret takes "ApplicationKey:ApplicationSecret" (the key is then checked against the header, as the SDK does) or the secret alone.',
      'Voice API v2 signs the same way with "service {serviceId}:{signature}" and the service secret; Hookscope accepts either word.',
      'Whether a query string is part of the signed path is not stated: Hookscope tries the path without it, then with it. The tolerance on x-timestamp is not stated either: Hookscope uses 5 minutes.'
    ]
  }),
  definePreset({
    id: 'africastalking',
    name: "Africa's Talking",
    category: 'voice',
    scheme: { family: 'unsigned' },
    secretFormat: 'none',
    description: "No signature: Africa's Talking posts form fields to the callback URL set for the number; protect the URL (a secret path, an allowlist of its addresses).",
    eventType: ['form:isActive'],
    eventId: ['form:sessionId'],
    callId: ['form:sessionId'],
    // docs.africastalking.com/voice/callhandler: sessionId stays the same throughout the call; isActive is 1 while it is
    // in session and 0 in the final request, which carries the duration and cost.
    calls: { order: [['1'], ['0']], terminal: ['0'] },
    events: [ev('1', 'isActive=1: the call is in session; answer with voice XML', africastalkingCall('1')), ev('0', 'isActive=0: the final request, with duration and cost', africastalkingCall('0'))],
    retry: retry('Retry behaviour not stated in the sources read; answer quickly (with voice XML while isActive is 1).'),
    methods: ['POST'],
    contentType: 'application/x-www-form-urlencoded',
    source: 'docs.africastalking.com/voice/callhandler (POST variables sent from our APIs)',
    confirmedBy: { by: 'docs' },
    notes: ['Event types are the isActive value: "1" while the call is up, "0" for the final request.']
  })
] as const
