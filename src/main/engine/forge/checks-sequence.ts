// The checks made of several deliveries, because providers do this in real life: retries in a burst,
// events out of order, a retry long after the first attempt.
import type { OutboundResult } from '../outbound/send-http'
import type { EventSample, Provider } from '../providers/types'
import { deliverThenRetry, freshDelivery, signSample, type CheckDef } from './check-types'
import { judgeAll, judgeBurst } from './judge'

const BURST = 5
const BURST_SPACING_MS = 100

export const SEQUENCE_CHECKS: CheckDef[] = [
  {
    id: 'retry-burst',
    title: `Retry burst (same delivery ${BURST} times in a second)`,
    expected: '2xx each, handled once',
    async run(ctx) {
      const { delivery } = freshDelivery(ctx)
      const pending: Promise<OutboundResult>[] = []
      for (let i = 0; i < BURST; i++) {
        if (i > 0) await ctx.sleep(BURST_SPACING_MS)
        pending.push(ctx.send(`attempt ${i + 1}`, delivery))
      }
      return judgeBurst(await Promise.all(pending), ctx.advice)
    }
  },
  {
    id: 'out-of-order',
    title: 'Out of order (end of a call before its start)',
    expected: '2xx, never 5xx',
    skip: (ctx) => (callPair(ctx.provider) ? null : `${ctx.provider.name}'s event catalog has no start/end pair for one call.`),
    async run(ctx) {
      const { start, end } = callPair(ctx.provider)!
      const [first, second] = sameCall(end.sample(), start.sample())
      const a = await ctx.send(end.type, signSample(ctx, first, end.type))
      const b = await ctx.send(start.type, signSample(ctx, second, start.type))
      return judgeAll('out-of-order', [a, b], '2xx', ctx.advice, `${end.type} ${describe(a)}, then ${start.type} ${describe(b)}`)
    }
  },
  {
    id: 'after-gap',
    title: 'Retry after a gap, freshly signed',
    expected: '2xx',
    async run(ctx) {
      return judgeAll('after-gap', await deliverThenRetry(ctx, ['first attempt', `retry after ${ctx.gapMs} ms`], ctx.gapMs), '2xx', ctx.advice)
    }
  }
]

const describe = (r: OutboundResult): string => (r.answered ? String(r.status) : (r.error ?? 'no answer'))

/** The catalog's "a call began" and "a call ended" events, when it has both. */
export function callPair(provider: Provider): { start: EventSample; end: EventSample } | null {
  const end = provider.events.find((e) => /call.*(ended|completed|hangup|hungup|finished)/i.test(e.type))
  const start = provider.events.find((e) => /call.*(created|started|initiated|ringing|queued)/i.test(e.type))
  return start && end ? { start, end } : null
}

const CALL_ID_KEY = /^(call_?id|callid|call_?uuid|call_?sid)$/i

/**
 * Makes two samples be about one call: the call id found in the first (a call_id-like key, or the
 * `id` inside `data` / `call`) is written into the second wherever the second keeps its own.
 */
export function sameCall(a: unknown, b: unknown): [unknown, unknown] {
  const idA = findCallId(a)
  const idB = findCallId(b)
  if (!idA || !idB || idA === idB) return [a, b]
  return [a, JSON.parse(JSON.stringify(b).split(JSON.stringify(idB)).join(JSON.stringify(idA)))]
}

function findCallId(node: unknown, parent = '', depth = 0): string | null {
  if (!node || typeof node !== 'object' || depth > 5) return null
  const entries = Object.entries(node as Record<string, unknown>)
  for (const [key, value] of entries) {
    if (typeof value === 'string' && (CALL_ID_KEY.test(key) || (key === 'id' && /^(data|call)$/i.test(parent)))) return value
  }
  for (const [key, value] of entries) {
    const found = findCallId(value, key, depth + 1)
    if (found) return found
  }
  return null
}
