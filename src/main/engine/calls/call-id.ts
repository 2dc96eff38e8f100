// Where each provider keeps its call id, and the order its call events come in. Data, not code, so that
// provider presets can carry the same fields later (`callId`, `callOrder`) and feed this table.
// Runs on the capture path: extraction is a few property reads on the body inspection already parsed.

/** One place a call id may be: a dot path into the parsed body (JSON, or form fields for Twilio). */
export interface CallIdLocation {
  path: string
  /** Only for event types starting with this (VoIPBIN keeps a call's id in data.id of call_* events only). */
  eventPrefix?: string
  /** Only when the field at `path` equals `value` (VoIPBIN recordings point at their call by reference_type). */
  where?: { path: string; equals: string }
}

/** How a provider's calls are told apart and checked. */
export interface CallSpec {
  /** Tried in order; the first location holding a non-empty string or number wins. */
  callId: CallIdLocation[]
  /**
   * Event types in the order a call goes through them; the types in one inner list share a rank.
   * A delivery whose rank is below one already seen for the call is out of order. Types not listed
   * (recordings, summaries) are not order-checked.
   */
  order: string[][]
  /** Event types after which the call is over; a call with none of them is flagged missing-final after a while. */
  terminal: string[]
  /**
   * True when the event id names the event (CallPayMin `evt_…`): the same id again is a repeat. False
   * when it names the resource (Twilio's CallSid, VoIPBIN's data.id): a repeat is the same type, id and bytes.
   */
  eventIdIsUnique: boolean
}

/** Specs by provider id; providers without one (Stripe, GitHub, Slack...) have no calls. */
export const CALL_SPECS: Readonly<Record<string, CallSpec>> = {
  // provider-docs/000: call events and billing/summary carry data.call_id.
  callpaymin: {
    callId: [{ path: 'data.call_id' }],
    order: [['call.created'], ['call.started'], ['call.ended'], ['call.billing.charged']],
    terminal: ['call.ended'],
    eventIdIsUnique: true
  },
  // provider-docs/001 documents no call id (customer/message/analysis events); data.call_id is read if present.
  callcall: { callId: [{ path: 'data.call_id' }], order: [], terminal: [], eventIdIsUnique: true },
  // provider-docs/002: one delivery per call, at its end (completed ~15 s after, failed at once).
  topcalls: {
    callId: [{ path: 'call_id' }],
    order: [['call.completed', 'call.failed']],
    terminal: ['call.completed', 'call.failed'],
    eventIdIsUnique: false
  },
  // provider-docs/003: call_* events carry the call as data; recordings, transcriptions and queue calls point at it.
  voipbin: {
    callId: [
      { path: 'data.id', eventPrefix: 'call_' },
      { path: 'data.reference_id', where: { path: 'data.reference_type', equals: 'call' } }
    ],
    order: [['call_created'], ['call_ringing'], ['call_answered', 'call_updated'], ['call_hungup']],
    terminal: ['call_hungup'],
    eventIdIsUnique: false
  },
  // provider-docs/004: call.* events carry the call as data.
  erzycall: {
    callId: [{ path: 'data.id', eventPrefix: 'call.' }],
    order: [['call.scheduled'], ['call.started', 'call.cancelled'], ['call.ended', 'call.failed']],
    terminal: ['call.ended', 'call.failed', 'call.cancelled'],
    eventIdIsUnique: false
  },
  // Status callbacks are form posts with CallSid; the event type is call.<CallStatus>.
  twilio: {
    callId: [{ path: 'CallSid' }],
    order: [
      ['call.queued', 'call.initiated'],
      ['call.ringing'],
      ['call.in-progress', 'call.answered'],
      ['call.completed', 'call.busy', 'call.failed', 'call.no-answer', 'call.canceled']
    ],
    terminal: ['call.completed', 'call.busy', 'call.failed', 'call.no-answer', 'call.canceled'],
    eventIdIsUnique: false
  }
}

export function callSpecOf(providerId: string | null): CallSpec | null {
  return (providerId && CALL_SPECS[providerId]) || null
}

/** The call id of a delivery, or null. `body` is what inspection already parsed (JSON or form fields). */
export function extractCallId(spec: CallSpec, body: unknown, eventType: string | null): string | null {
  if (!body || typeof body !== 'object') return null
  for (const location of spec.callId) {
    if (location.eventPrefix && !eventType?.startsWith(location.eventPrefix)) continue
    if (location.where && valueAt(body, location.where.path) !== location.where.equals) continue
    const value = valueAt(body, location.path)
    if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  }
  return null
}

// Paths are split once: the table is fixed, and extraction runs for every delivery.
const segments = new Map<string, string[]>()

function valueAt(body: unknown, path: string): unknown {
  let keys = segments.get(path)
  if (!keys) segments.set(path, (keys = path.split('.')))
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
  for (let i = 0; i < spec.order.length; i++) if (spec.order[i].includes(eventType)) return i
  return null
}
