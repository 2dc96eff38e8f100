// The hot path: runs for every delivery before it is stored. Header lookups first; the body is parsed
// at most once, and only for the event type or when no signature header named the provider.
import type { Verdict } from '../../../shared/types'
import { guessEvent, UNKNOWN_VERDICT, type IncomingDelivery, type Inspection } from '../inspect'
import { detectByBody, detectByHeaders } from '../providers/registry'
import type { NamedSecret, Provider } from '../providers/types'
import type { Endpoint } from './endpoints'
import { parseBody } from '../parse-body'
import { callSpecOf, extractCallId } from '../calls/call-id'

/** An endpoint as inspection needs it: its fixed provider (already built for generic schemes) and secrets. */
export interface ResolvedEndpoint {
  endpoint: Endpoint
  provider: Provider | null
  secrets: NamedSecret[]
}

/** A secret stored somewhere else (another endpoint, another scope), for the rotation diagnostic. */
export interface ForeignSecret extends NamedSecret {
  where: string
}

export interface InspectSources {
  endpointFor(pathname: string): ResolvedEndpoint | null
  providerSecrets(providerId: string): NamedSecret[]
  foreignSecrets(providerId: string, exclude: NamedSecret[]): ForeignSecret[]
}

export function inspectDelivery(d: IncomingDelivery, src: InspectSources): Inspection {
  const q = d.path.indexOf('?')
  const pathname = q === -1 ? d.path : d.path.slice(0, q)
  const resolved = src.endpointFor(pathname)
  let parsed: unknown
  let didParse = false
  const json = (): unknown => {
    if (!didParse) {
      didParse = true
      parsed = parseBody(d)
    }
    return parsed
  }
  const provider = resolved?.provider ?? detectByHeaders(d.headers) ?? detectByBody(json())
  const base = { endpoint: resolved?.endpoint.path ?? null, response: resolved?.endpoint.response ?? null, parsedBody: json }
  if (!provider) {
    const event = guessEvent(json())
    return { ...base, provider: null, eventType: event.type, eventId: event.id, callId: null, verdict: UNKNOWN_VERDICT, signature: null }
  }
  const event = provider.eventFromHeaders?.(d.headers) ?? provider.eventOf(json())
  // Providers with calls read their event type from the body (test/unit/call-specs.test.ts), so json() is
  // already parsed here; the spec was compiled once per provider at load.
  const calls = callSpecOf(provider.id)
  const callId = calls ? extractCallId(calls, json(), event.type) : null
  const secrets = resolved?.secrets.length ? resolved.secrets : src.providerSecrets(provider.id)
  const result = provider.verify(d, secrets, d.receivedAt)
  if (result.verdict.status === 'invalid' && result.report) {
    const hint = rotationHint(provider, d, src.foreignSecrets(provider.id, secrets))
    if (hint) {
      result.report.diagnostics.unshift(hint.text)
      result.verdict = { status: 'invalid', detail: hint.text } satisfies Verdict
      // The tab's values follow the sentence: what that other secret computes (it matches what was received).
      Object.assign(result.report, { expected: hint.expected, expectedSecret: hint.secret, expectedBySecret: null })
    }
  }
  return { ...base, provider: provider.id, eventType: event.type, eventId: event.id, callId, verdict: result.verdict, signature: result.report }
}

/** Says which other stored secret the signature matches, when the endpoint's own do not. */
function rotationHint(provider: Provider, d: IncomingDelivery, foreign: ForeignSecret[]): { text: string; secret: string; expected: string | null } | null {
  for (const secret of foreign.slice(0, 20)) {
    const r = provider.verify(d, [secret], d.receivedAt, { diagnose: false })
    if (r.verdict.status === 'valid' || r.verdict.status === 'stale') {
      return {
        text: `Signature matches the secret "${secret.label}" stored for ${secret.where}, not the ones this delivery was checked against: a rotated or mixed-up secret.`,
        secret: `"${secret.label}" (stored for ${secret.where})`,
        expected: r.report?.expected ?? null
      }
    }
  }
  return null
}
