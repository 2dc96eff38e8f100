// Which call a delivery belongs to, and the order a provider's call events come in. The provider
// definitions say it (`callId`, `calls`: see providers/preset-types.ts); this module compiles them once,
// at load, into the specs the capture path and the Calls view use.
// Runs on the capture path: extraction is a few property reads on the body inspection already parsed.
import { PROVIDERS } from '../providers/registry'
import type { BodyLocation, CallIdLocation } from '../providers/preset-types'
import type { Provider } from '../providers/types'

/** A call id location with its path split once: a dot path into JSON, or one form field name. */
export interface CompiledLocation {
  keys: string[]
  eventPrefix?: string
  where?: { keys: string[]; equals: string }
}

/** How a provider's calls are told apart and checked (its `callId` and `calls`, compiled). */
export interface CallSpec {
  /** Tried in order; the first location holding a non-empty string or number wins. */
  callId: CompiledLocation[]
  /** See CallFlow.order in providers/preset-types.ts. */
  order: string[][]
  /** Event types after which the call is over; a call with none of them is flagged missing-final after a while. */
  terminal: string[]
  /** See CallFlow.eventIdIsUnique: true when the event id names the event, false when it names the resource. */
  eventIdIsUnique: boolean
  /** Event type -> rank in `order`, built once. */
  ranks: ReadonlyMap<string, number>
}

const MAX_CALL_ID_LENGTH = 200

/** Form field names are taken whole (they may hold dots); JSON paths are split on dots. */
function keysOf(location: BodyLocation): string[] {
  const colon = location.indexOf(':')
  const where = location.slice(colon + 1)
  return location.startsWith('form:') ? [where] : where.split('.')
}

function compileLocation(location: CallIdLocation): CompiledLocation {
  if (typeof location === 'string') return { keys: keysOf(location) }
  return {
    keys: keysOf(location.at),
    ...(location.eventPrefix ? { eventPrefix: location.eventPrefix } : {}),
    ...(location.where ? { where: { keys: keysOf(location.where.at), equals: location.where.equals } } : {})
  }
}

/** A provider's call spec, or null when it keeps no call id. */
export function compileCallSpec(provider: Pick<Provider, 'callId' | 'calls'>): CallSpec | null {
  if (!provider.callId?.length) return null
  const order = provider.calls?.order ?? []
  const ranks = new Map<string, number>()
  order.forEach((types, rank) => types.forEach((type) => ranks.set(type, rank)))
  return {
    callId: provider.callId.map(compileLocation),
    order,
    terminal: provider.calls?.terminal ?? [],
    eventIdIsUnique: provider.calls?.eventIdIsUnique ?? false,
    ranks
  }
}

/** Specs by provider id, from the registry; providers without a call id (Stripe, GitHub, Slack...) have none. */
export const CALL_SPECS: Readonly<Record<string, CallSpec>> = Object.freeze(
  Object.fromEntries(PROVIDERS.flatMap((p) => {
    const spec = compileCallSpec(p)
    return spec ? [[p.id, spec] as const] : []
  }))
)

const BY_PROVIDER = new Map(Object.entries(CALL_SPECS))

export function callSpecOf(providerId: string | null): CallSpec | null {
  return (providerId && BY_PROVIDER.get(providerId)) || null
}

/** The call id of a delivery, or null. `body` is what inspection already parsed (JSON or form fields). */
export function extractCallId(spec: CallSpec, body: unknown, eventType: string | null): string | null {
  if (!body || typeof body !== 'object') return null
  for (const location of spec.callId) {
    if (location.eventPrefix && !eventType?.startsWith(location.eventPrefix)) continue
    if (location.where && valueAt(body, location.where.keys) !== location.where.equals) continue
    const value = valueAt(body, location.keys)
    if (typeof value === 'string' && value.length > 0 && value.length <= MAX_CALL_ID_LENGTH) return value
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  }
  return null
}

function valueAt(body: unknown, keys: string[]): unknown {
  let node = body
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined
    // Own properties only: a body with "__proto__" or "constructor" keys must not reach prototypes.
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** Rank of an event type in its provider's call order, or null when it is not order-checked. */
export function rankOf(spec: CallSpec, eventType: string | null): number | null {
  if (!eventType) return null
  return spec.ranks.get(eventType) ?? null
}

/** A call id location in words, for provider listings: "json:data.id (call_* events)". */
export function describeCallIdLocation(location: CallIdLocation): string {
  if (typeof location === 'string') return location
  const conditions = [
    ...(location.eventPrefix ? [`${location.eventPrefix}* events`] : []),
    ...(location.where ? [`when ${location.where.at} is "${location.where.equals}"`] : [])
  ]
  return conditions.length ? `${location.at} (${conditions.join(', ')})` : location.at
}
