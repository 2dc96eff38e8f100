// Turns a declarative Preset into a Provider: the scheme family supplies detect/verify/sign, the
// preset's data supplies everything else (where the event, id and call id live; retries; samples).
import { randomBytes, randomUUID } from 'node:crypto'
import type { Header } from '../../../shared/types'
import { readField } from './fields'
import { defineHmacProvider, type HmacProviderSpec } from './hmac-scheme'
import { defineJwtProvider } from './jwt-scheme'
import { defineKeyPairProvider } from './key-pair-scheme'
import { formatPublicKey, testPrivateKey } from './keys'
import type { FieldLocation, Preset, SecretFormat } from './preset-types'
import { defineSignedRequestProvider } from './signed-request'
import { defineTokenProvider } from './token-scheme'
import type { Provider, SignOptions } from './types'
import { plivoV3Payload, receivedUrl, twilioBodyHashCheck, twilioPayload, urlVariants } from './url-signed'

const isHeaderLoc = (l: FieldLocation): boolean => l.startsWith('header:')

/** A plausible secret in the provider's own format, for sends, tests and snippets. */
export function sampleSecretFor(format: SecretFormat, id: string): string {
  switch (format) {
    case 'whsec':
      return `whsec_${randomBytes(24).toString('base64')}`
    case 'public-key':
      return formatPublicKey(testPrivateKey(`sample ${id}`, 'ed25519'), 'base64-raw')
    case 'basic':
      return `hookscope:${randomBytes(9).toString('hex')}`
    default:
      return randomBytes(16).toString('hex')
  }
}

export function definePreset<const Id extends string>(p: Preset<Id>): Provider & { id: Id } {
  const bodyLocs = (locs?: FieldLocation[]): FieldLocation[] => (locs ?? []).filter((l) => !isHeaderLoc(l))
  const headerType = (p.eventType ?? []).some(isHeaderLoc)
  const extraHeaders = p.extraHeaders
    ? (o: SignOptions): [string, string][] =>
        p.extraHeaders!.map(([n, v]) => [n, v.replace('{event}', o.event ?? p.events[0]?.type ?? 'event').replace('{id}', o.id ?? randomUUID())])
    : undefined
  const common: Omit<HmacProviderSpec, 'summary'> = {
    id: p.id,
    name: p.name,
    scheme: p.description,
    category: p.category,
    secretFormat: p.secretFormat,
    secretHint: p.secretHint,
    confirmedBy: p.confirmedBy,
    source: p.source,
    callId: p.callId,
    calls: p.calls,
    timestampToleranceSec: p.timestampToleranceSec,
    signatureOptional: p.signatureOptional,
    detectHeaders: p.detectHeaders,
    userAgent: p.userAgent,
    detectVia: p.detectVia,
    notes: p.notes,
    eventOf: (body) => ({ type: readField(bodyLocs(p.eventType), { json: body }), id: readField(bodyLocs(p.eventId), { json: body }) }),
    eventFromHeaders: headerType
      ? (headers: Header[]) => {
          const type = readField(p.eventType, { json: null, headers })
          return type === null ? null : { type, id: readField(p.eventId, { json: null, headers }) }
        }
      : undefined,
    events: p.events,
    retry: p.retry,
    methods: p.methods,
    contentType: p.contentType,
    extraHeaders,
    sampleSecret: () => sampleSecretFor(p.secretFormat, p.id)
  }
  return build(p, common) as Provider & { id: Id }
}

function build(p: Preset, common: Omit<HmacProviderSpec, 'summary'>): Provider {
  const s = p.scheme
  switch (s.family) {
    case 'hmac': {
      const signsUrl = s.template.includes('{url}')
      const hexKey = s.key === 'hex'
      return {
        ...defineHmacProvider({
          ...common,
          ...(hexKey ? { secretProblem: (v: string) => (/^([0-9a-fA-F]{2})+$/.test(v.trim()) ? null : `${p.name}'s secret key is hex (an even number of 0-9, a-f characters), decoded before use; this value is not hex.`) } : {}),
          summary: {
            algorithm: s.algorithm,
            encoding: s.encoding,
            signatureHeader: s.signatureHeader,
            timestampHeader: s.timestampHeader,
            idHeader: s.idHeader,
            prefix: s.prefix ?? '',
            template: s.template,
            key: s.key ?? 'raw',
            framing: s.framing,
            kv: s.kv,
            timestampMs: s.timestampMs
          },
          ...(signsUrl ? { urlOf: receivedUrl, urlVariants } : {})
        }),
        family: 'hmac'
      }
    }
    case 'url-signed': {
      const twilio = s.variant === 'twilio'
      return {
        ...defineHmacProvider({
          ...common,
          summary: {
            algorithm: s.algorithm,
            encoding: 'base64',
            signatureHeader: s.signatureHeader,
            prefix: '',
            template: twilio ? '{url}{sorted form params}' : '{url}{sorted form params}.{nonce}',
            key: 'raw',
            framing: twilio ? undefined : 'list'
          },
          payload: twilio ? (i) => twilioPayload(i.url ?? '', i.body) : plivoV3Payload,
          urlOf: receivedUrl,
          urlVariants,
          afterMatch: twilio ? twilioBodyHashCheck : undefined,
          nonceHeader: s.nonceHeader
        }),
        family: 'url-signed'
      }
    }
    case 'ed25519':
    case 'ecdsa-p256':
      return defineKeyPairProvider({
        ...common,
        keyScheme: s,
        keyForm: s.family === 'ecdsa-p256' ? 'base64-der' : s.encoding === 'hex' ? 'hex-raw' : 'base64-raw'
      })
    case 'jwt':
      return defineJwtProvider({ ...common, jwtScheme: s })
    case 'token':
    case 'basic':
      return defineTokenProvider({ ...common, tokenScheme: s })
    case 'signed-request':
      return defineSignedRequestProvider({ ...common, requestScheme: s })
    case 'unsigned':
      return {
        ...common,
        family: 'unsigned',
        signs: false,
        signatureHeaders: [],
        detect: () => 0,
        sign: (o) => [['Content-Type', p.contentType], ...(common.extraHeaders?.(o) ?? [])],
        verify: () => ({ verdict: { status: 'unsigned', detail: `${p.name} does not sign its webhooks; nothing proves this came from ${p.name}.` }, report: null })
      }
  }
}
