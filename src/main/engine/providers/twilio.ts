import { headerValue } from '../receiver'
import { defineHmacProvider } from './hmac-scheme'
import { phone, rid, str } from './samples'

/** Twilio signs the URL it called followed by each POST parameter, sorted by name, as name+value. */
export function twilioPayload(url: string, body: Buffer): Buffer {
  const params = [...new URLSearchParams(body.toString('utf8')).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Buffer.from(url + params.map(([k, v]) => k + v).join(''))
}

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
  scheme: 'X-Twilio-Signature: base64 HMAC-SHA1 of the full URL Twilio called followed by the POST parameters sorted by name (name+value); key is the Auth Token.',
  summary: { algorithm: 'sha1', encoding: 'base64', signatureHeader: 'X-Twilio-Signature', prefix: '', template: '{url}{sorted form params}', key: 'raw' },
  payload: (p) => twilioPayload(p.url ?? '', p.body),
  // The URL Twilio called: the tunnel's https address when it came through one, else what Host says.
  urlOf: (d) => `${headerValue(d.headers, 'x-forwarded-proto') ?? 'http'}://${headerValue(d.headers, 'host') ?? 'localhost'}${d.path}`,
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
  callId: ['form:CallSid']
})
