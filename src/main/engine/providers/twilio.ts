import { defineHmacProvider } from './hmac-scheme'
import { phone, rid, str } from './samples'
import { receivedUrl, twilioBodyHashCheck, twilioPayload, urlVariants } from './url-signed'

export { twilioPayload } from './url-signed'

const form = (fields: Record<string, string>) => (): unknown => ({
  AccountSid: rid('AC', 32),
  ApiVersion: '2010-04-01',
  ...fields
})
const call = (status: string) => form({ CallSid: rid('CA', 32), CallStatus: status, From: phone(), To: phone(), Direction: 'outbound-api', CallDuration: status === 'completed' ? '42' : '0' })

/** Twilio: X-Twilio-Signature = base64 HMAC-SHA1 of the full URL + sorted form parameters. */
export const twilio = defineHmacProvider({
  id: 'twilio',
  name: 'Twilio',
  scheme:
    'X-Twilio-Signature: base64 HMAC-SHA1 of the full URL Twilio called followed by the POST parameters sorted by name (name+value); JSON bodies: the URL carries bodySHA256=<hex SHA-256 of the body> and only the URL is signed; key is the Auth Token.',
  family: 'url-signed',
  category: 'voice',
  secretFormat: 'hmac-secret',
  confirmedBy: { by: 'sdk', package: 'twilio' },
  source: 'twilio-node lib/webhooks/webhooks.js (getExpectedTwilioSignature, validateRequestWithBody)',
  summary: { algorithm: 'sha1', encoding: 'base64', signatureHeader: 'X-Twilio-Signature', prefix: '', template: '{url}{sorted form params}', key: 'raw' },
  payload: (p) => twilioPayload(p.url ?? '', p.body),
  urlOf: receivedUrl,
  urlVariants,
  afterMatch: twilioBodyHashCheck,
  eventOf(body) {
    const status = str(body, 'CallStatus')
    if (status) return { type: `call.${status}`, id: str(body, 'CallSid') }
    const message = str(body, 'MessageStatus') ?? str(body, 'SmsStatus')
    if (message) return { type: `message.${message}`, id: str(body, 'MessageSid') }
    return { type: null, id: str(body, 'CallSid') }
  },
  events: [
    { type: 'call.initiated', description: 'Status callback: the call was placed', sample: call('initiated') },
    { type: 'call.ringing', description: 'Status callback: the call is ringing', sample: call('ringing') },
    { type: 'call.completed', description: 'Status callback: the call ended', sample: call('completed') },
    { type: 'message.received', description: 'An SMS arrived', sample: form({ MessageSid: rid('SM', 32), SmsStatus: 'received', From: phone(), To: phone(), Body: 'Reschedule please', NumMedia: '0' }) },
    { type: 'message.delivered', description: 'An SMS was delivered', sample: form({ MessageSid: rid('SM', 32), MessageStatus: 'delivered', From: phone(), To: phone() }) }
  ],
  retry: { delaysMs: [], timeoutMs: 15_000, description: 'Status callbacks are not retried by default; answer within 15 seconds.' },
  methods: ['POST'],
  contentType: 'application/x-www-form-urlencoded',
  // Status callbacks are form posts with CallSid; the event type is call.<CallStatus> (CallSid names the call).
  callId: ['form:CallSid'],
  calls: {
    order: [
      ['call.queued', 'call.initiated'],
      ['call.ringing'],
      ['call.in-progress', 'call.answered'],
      ['call.completed', 'call.busy', 'call.failed', 'call.no-answer', 'call.canceled']
    ],
    terminal: ['call.completed', 'call.busy', 'call.failed', 'call.no-answer', 'call.canceled']
  }
})
