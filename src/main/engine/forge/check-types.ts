import type { ForgeCheckId } from '../../../shared/api/forge'
import type { OutboundResult } from '../outbound/send-http'
import type { Provider } from '../providers/types'
import type { AdviceContext } from './advice'
import { encode, mainEvent, signed, type Delivery, type SchemeShape } from './build'
import type { Judged } from './judge'

export interface CheckContext {
  provider: Provider
  secret: string
  url: string
  shape: SchemeShape
  gapMs: number
  advice: AdviceContext
  /** Sends one delivery, records it in the delivery log and in the check's exchanges. */
  send(label: string, delivery: Delivery): Promise<OutboundResult>
  sleep(ms: number): Promise<void>
}

export interface CheckDef {
  id: ForgeCheckId
  title: string
  /** What a correct handler answers, in words. */
  expected: string
  /** A reason when the check does not apply to this provider. */
  skip?(ctx: CheckContext): string | null
  run(ctx: CheckContext): Promise<Judged>
}

/** A delivery of `sample` (an event of type `event`), signed now with `secret` (default: the user's). */
export function signSample(
  ctx: CheckContext,
  sample: unknown,
  event: string,
  options: { method?: string; timestamp?: number; secret?: string; body?: Buffer } = {}
): Delivery {
  const body = options.body ?? encode(ctx.provider, sample)
  return signed(ctx.provider, body, options.secret ?? ctx.secret, { url: ctx.url, event, method: options.method, timestamp: options.timestamp })
}

/** A correctly signed delivery of a fresh sample of the provider's main event. */
export function freshDelivery(ctx: CheckContext, options: { method?: string; timestamp?: number } = {}): { sample: unknown; event: string; delivery: Delivery } {
  const event = mainEvent(ctx.provider)
  const sample = event.sample()
  return { sample, event: event.type, delivery: signSample(ctx, sample, event.type, options) }
}

export const unsignedReason = (ctx: CheckContext): string | null =>
  ctx.provider.signs
    ? null
    : `${ctx.provider.name} does not sign its webhooks, so there is no signature to check; protect the endpoint another way (a secret path or an IP allow-list).`

/** A fresh delivery, then the same bytes signed again after `waitMs`: what a provider's retry looks like. */
export async function deliverThenRetry(ctx: CheckContext, labels: [string, string], waitMs: number): Promise<OutboundResult[]> {
  const { delivery, event } = freshDelivery(ctx)
  const first = await ctx.send(labels[0], delivery)
  if (waitMs > 0) await ctx.sleep(waitMs)
  return [first, await ctx.send(labels[1], signSample(ctx, null, event, { body: delivery.body }))]
}
