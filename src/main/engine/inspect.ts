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
  const event = guessEvent(delivery.body)
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

function guessEvent(body: Buffer): { type: string | null; id: string | null } {
  if (body.length === 0 || body.length > 1024 * 1024 || body[0] !== 0x7b) return { type: null, id: null }
  try {
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    const type = [json.type, json.event, json.event_type].find((v) => typeof v === 'string') as string | undefined
    const id = [json.id, json.event_id].find((v) => typeof v === 'string') as string | undefined
    return { type: type ?? null, id: id ?? null }
  } catch {
    return { type: null, id: null }
  }
}
