import type { Header, ResponseConfig, SignatureReport, Verdict } from '../../shared/types'

/** What the receiver hands to inspection: the delivery exactly as it arrived. */
export interface IncomingDelivery {
  method: string
  path: string
  headers: Header[]
  body: Buffer
  contentEncoding: string | null
  receivedAt: number
}

/** What inspection decides: which endpoint and provider, the verdict, and the answer to give. */
export interface Inspection {
  endpoint: string | null
  provider: string | null
  eventType: string | null
  eventId: string | null
  /** The call the delivery belongs to, where its provider keeps one (calls/call-id.ts). */
  callId: string | null
  verdict: Verdict
  signature: SignatureReport | null
  /** Overrides the global answer (an endpoint's own configured answer). */
  response: ResponseConfig | null
  /** The body as inspection parsed it (JSON or form fields; null when neither), parsed on first call. */
  parsedBody?: () => unknown
}

export type Inspector = (delivery: IncomingDelivery) => Inspection

export const UNKNOWN_VERDICT: Verdict = { status: 'unknown', detail: 'No provider recognised for this request.' }

/** The fallback until a provider registry is plugged in: guesses the event type, judges nothing. */
export const basicInspector: Inspector = (delivery) => {
  const event = guessEvent(parseSmallJson(delivery.body))
  return {
    endpoint: null,
    provider: null,
    eventType: event.type,
    eventId: event.id,
    callId: null,
    verdict: UNKNOWN_VERDICT,
    signature: null,
    response: null
  }
}

/** A JSON object body of at most 1 MiB, parsed; null for anything else. */
function parseSmallJson(body: Buffer): unknown {
  if (body.length === 0 || body.length > 1024 * 1024 || body[0] !== 0x7b) return null
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return null
  }
}

/** The event type and id of a body no provider claimed, from the field names most senders use. */
export function guessEvent(json: unknown): { type: string | null; id: string | null } {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { type: null, id: null }
  const o = json as Record<string, unknown>
  const type = [o.type, o.event, o.event_type].find((v) => typeof v === 'string') as string | undefined
  const id = [o.id, o.event_id].find((v) => typeof v === 'string') as string | undefined
  return { type: type ?? null, id: id ?? null }
}
