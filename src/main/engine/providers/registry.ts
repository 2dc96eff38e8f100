// Which provider sent a delivery, decided cheaply: one pass over the header names against a map of
// signature headers; the body is parsed only when no header gives the provider away.
import type { Header } from '../../../shared/types'
import { callcall } from './callcall'
import { callpaymin } from './callpaymin'
import { erzycall } from './erzycall'
import { generic } from './generic'
import { github } from './github'
import { shopify } from './shopify'
import { slack } from './slack'
import { standardWebhooks } from './standard-webhooks'
import { stripe } from './stripe'
import { topcalls } from './topcalls'
import { twilio } from './twilio'
import type { Provider, ProviderId } from './types'
import { voipbin } from './voipbin'

/** Every provider module, in the order detection tries them. */
export const PROVIDERS: Provider[] = [
  callpaymin,
  callcall,
  topcalls,
  voipbin,
  erzycall,
  standardWebhooks,
  stripe,
  github,
  slack,
  shopify,
  twilio,
  generic
]

export function getProvider(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id)
}

export function isProviderId(id: string): id is ProviderId {
  return PROVIDERS.some((p) => p.id === id)
}

// The generic scheme is only used when an endpoint says so: "X-Signature" is too common to claim.
const BY_HEADER = new Map<string, Provider>(
  PROVIDERS.filter((p) => p.signs && p.id !== 'generic').map((p) => [p.signatureHeaders[0].toLowerCase(), p])
)

/** The provider whose signature header is present, or null. Lower-cases each header name once. */
export function detectByHeaders(headers: Header[]): Provider | null {
  for (const [name] of headers) {
    const hit = BY_HEADER.get(name.toLowerCase())
    if (hit) return hit
  }
  return null
}

/** The provider whose body shape fits best (for unsigned deliveries, or signed ones missing their header). */
export function detectByBody(json: unknown): Provider | null {
  let best: Provider | null = null
  let score = 0
  for (const p of PROVIDERS) {
    const s = p.detectBody?.(json) ?? 0
    if (s > score) {
      best = p
      score = s
    }
  }
  return best
}

