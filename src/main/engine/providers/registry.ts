// Which provider sent a delivery, decided cheaply: one pass over the header names against an index
// built once (header name -> presets that sign with it); the body is parsed only when no header gives
// the provider away. Every list of providers (ids, pickers, filters, docs) is derived from PROVIDERS.
import type { Header } from '../../../shared/types'
import { callcall } from './callcall'
import { callpaymin } from './callpaymin'
import { erzycall } from './erzycall'
import { generic } from './generic'
import { github } from './github'
import { PRESETS } from './presets'
import { shopify } from './shopify'
import { slack } from './slack'
import { standardWebhooks } from './standard-webhooks'
import { stripe } from './stripe'
import { topcalls } from './topcalls'
import { twilio } from './twilio'
import type { Provider } from './types'
import { voipbin } from './voipbin'

const HAND_WRITTEN = [callpaymin, callcall, topcalls, voipbin, erzycall, standardWebhooks, stripe, github, slack, shopify, twilio, generic] as const

/** Every provider: the hand-written twelve first (their order is the CLI's historical order), then the presets. */
export const PROVIDERS: Provider[] = [...HAND_WRITTEN, ...PRESETS]

/** Every provider id the registry knows. */
export type ProviderId =
  | 'callpaymin'
  | 'callcall'
  | 'topcalls'
  | 'voipbin'
  | 'erzycall'
  | 'standard-webhooks'
  | 'stripe'
  | 'github'
  | 'slack'
  | 'shopify'
  | 'twilio'
  | 'generic'
  | (typeof PRESETS)[number]['id']

const BY_ID = new Map<string, Provider>(PROVIDERS.map((p) => [p.id, p]))

export function getProvider(id: string): Provider | undefined {
  return BY_ID.get(id)
}

export function isProviderId(id: string): id is ProviderId {
  return BY_ID.has(id)
}

interface Candidate {
  provider: Provider
  /** Lower-case header names that must also be present. */
  requires: string[]
  userAgent: string | null
}

/**
 * Signature header (lower case) -> candidates, the most specific first (those with extra required
 * headers or a User-Agent), then the default for that header. The generic scheme and presets marked
 * detectVia 'endpoint' are left out: "X-Signature" and "Authorization" are too common to claim.
 */
function buildIndex(providers: Provider[]): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>()
  for (const p of providers) {
    if (!p.signs || p.id === 'generic' || p.detectVia === 'endpoint' || !p.signatureHeaders[0]) continue
    const key = p.signatureHeaders[0].toLowerCase()
    const list = index.get(key) ?? []
    list.push({ provider: p, requires: (p.detectHeaders ?? []).map((h) => h.toLowerCase()), userAgent: p.userAgent?.toLowerCase() ?? null })
    index.set(key, list)
  }
  for (const list of index.values()) list.sort((a, b) => Number(!!b.userAgent) + b.requires.length - (Number(!!a.userAgent) + a.requires.length))
  return index
}

const BY_HEADER = buildIndex(PROVIDERS)

/** The provider whose signature header is present, or null. Lower-cases each header name once. */
export function detectByHeaders(headers: Header[]): Provider | null {
  for (const [name] of headers) {
    const candidates = BY_HEADER.get(name.toLowerCase())
    if (!candidates) continue
    if (candidates.length === 1 && candidates[0].requires.length === 0 && !candidates[0].userAgent) return candidates[0].provider
    return choose(candidates, headers)
  }
  return null
}

/** Rare path: several presets share the header; the first whose extra headers and User-Agent are all there wins. */
function choose(candidates: Candidate[], headers: Header[]): Provider | null {
  const names = new Set(headers.map(([n]) => n.toLowerCase()))
  const ua = (headers.find(([n]) => n.toLowerCase() === 'user-agent')?.[1] ?? '').toLowerCase()
  for (const c of candidates) {
    if (c.requires.every((h) => names.has(h)) && (!c.userAgent || ua.startsWith(c.userAgent))) return c.provider
  }
  return null
}

/** The provider whose body shape fits best (for unsigned deliveries, or signed ones missing their header). */
export function detectByBody(json: unknown): Provider | null {
  let best: Provider | null = null
  let score = 0
  for (const p of BODY_DETECTORS) {
    const s = p.detectBody!(json)
    if (s > score) {
      best = p
      score = s
    }
  }
  return best
}

const BODY_DETECTORS = PROVIDERS.filter((p) => p.detectBody)
