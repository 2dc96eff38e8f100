// Small builders that keep the preset tables short: the common HMAC shapes, retry policies and samples.
import { definePreset } from '../preset'
import type { CallFlow, CallIdLocation, Confirmation, FieldLocation, HmacScheme, Preset, ProviderCategory, SchemeSpec, SecretFormat } from '../preset-types'
import type { EventSample, RetryPolicy } from '../types'

export const hmacBody = (signatureHeader: string, o: Partial<HmacScheme> = {}): HmacScheme => ({
  family: 'hmac',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader,
  template: '{body}',
  ...o
})

/** "t=<ts>,v1=<sig>"-style header over "{ts}.{body}" (Stripe's shape under other names). */
export const hmacKv = (signatureHeader: string, timestamp: string, signature: string, o: Partial<HmacScheme> = {}): HmacScheme => ({
  family: 'hmac',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader,
  template: '{timestamp}.{body}',
  framing: 'kv',
  kv: { timestamp, signature, separator: o.kv?.separator ?? ',' },
  ...o,
  ...(o.kv ? { kv: { separator: ',', ...o.kv } } : {})
})

/** Svix / Standard Webhooks: "{id}.{ts}.{body}", base64, key = base64 after "whsec_". */
export const standardScheme = (prefix: 'webhook' | 'svix'): HmacScheme => ({
  family: 'hmac',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: `${prefix}-signature`,
  timestampHeader: `${prefix}-timestamp`,
  idHeader: `${prefix}-id`,
  prefix: 'v1,',
  template: '{id}.{timestamp}.{body}',
  key: 'whsec-base64',
  framing: 'standard-webhooks'
})

export const retry = (description: string, delaysMs: number[] = [], timeoutMs = 10_000): RetryPolicy => ({ delaysMs, timeoutMs, description })
export const UNDOCUMENTED_RETRY = retry('Retry schedule not stated in the sources read; answer quickly with a 2xx.')

export const ev = (type: string, description: string, sample: () => unknown): EventSample => ({ type, description, sample })

export const nowSec = (): number => Math.floor(Date.now() / 1000)

interface Brief<Id extends string> {
  id: Id
  name: string
  category: ProviderCategory
  scheme: SchemeSpec
  description: string
  source: string
  confirmedBy?: Confirmation
  secretFormat?: SecretFormat
  secretHint?: string
  eventType?: FieldLocation[]
  eventId?: FieldLocation[]
  callId?: CallIdLocation[]
  calls?: CallFlow
  /** The sample event's type and body. */
  sample: [string, () => unknown]
  more?: Partial<Preset<Id>>
}

/** A preset with the usual defaults: JSON POST, one sample event, retries as the sources say (or undocumented). */
export function brief<const Id extends string>(b: Brief<Id>) {
  return definePreset<Id>({
    id: b.id,
    name: b.name,
    category: b.category,
    scheme: b.scheme,
    secretFormat: b.secretFormat ?? (b.scheme.family === 'token' ? 'token' : 'hmac-secret'),
    secretHint: b.secretHint,
    description: b.description,
    eventType: b.eventType,
    eventId: b.eventId,
    callId: b.callId,
    calls: b.calls,
    events: [ev(b.sample[0], `A ${b.name} ${b.sample[0]} event`, b.sample[1])],
    retry: UNDOCUMENTED_RETRY,
    methods: ['POST'],
    contentType: 'application/json',
    source: b.source,
    confirmedBy: b.confirmedBy ?? { by: 'docs' },
    ...b.more
  })
}
