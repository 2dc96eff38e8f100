// The one-delivery checks: a correct delivery and its forged, broken and reformatted variants.
import type { ForgeCheckId } from '../../../shared/api/forge'
import type { OutboundResult } from '../outbound/send-http'
import { encode, garble, isJson, reformat, replaceSignature, shorten, tamper, withoutHeaders, wrongSecret } from './build'
import { deliverThenRetry, freshDelivery, signSample, unsignedReason, type CheckContext, type CheckDef } from './check-types'
import { judgeAll, judgeTime } from './judge'

const timestampReason = (ctx: CheckContext): string | null =>
  unsignedReason(ctx) ??
  (ctx.shape.timestamped ? null : `${ctx.provider.name}'s signature carries no timestamp, so the age of a delivery cannot be checked.`)

const tolerance = (ctx: CheckContext): number => ctx.provider.timestampToleranceSec ?? 300
const nowSec = (): number => Math.floor(Date.now() / 1000)

export const SINGLE_CHECKS: CheckDef[] = [
  {
    id: 'valid-delivery',
    title: 'Valid delivery',
    expected: '2xx',
    async run(ctx) {
      const r = await ctx.send('valid', freshDelivery(ctx).delivery)
      return judgeAll('valid-delivery', [r], '2xx', ctx.advice)
    }
  },
  {
    id: 'same-event-again',
    title: 'Same event id delivered again',
    expected: '2xx (idempotent)',
    async run(ctx) {
      return judgeAll('same-event-again', await deliverThenRetry(ctx, ['first', 'again'], 0), '2xx', ctx.advice)
    }
  },
  {
    id: 'missing-signature',
    title: 'Missing signature',
    expected: '4xx',
    skip: unsignedReason,
    async run(ctx) {
      const r = await ctx.send('unsigned', withoutHeaders(freshDelivery(ctx).delivery, ctx.shape.signatureHeaders))
      return judgeAll('missing-signature', [r], '4xx', ctx.advice)
    }
  },
  {
    id: 'wrong-secret',
    title: 'Signed with the wrong secret',
    expected: '4xx',
    skip: unsignedReason,
    async run(ctx) {
      const { sample, event } = freshDelivery(ctx)
      const d = signSample(ctx, sample, event, { secret: wrongSecret(ctx.secret) })
      return judgeAll('wrong-secret', [await ctx.send('wrong secret', d)], '4xx', ctx.advice)
    }
  },
  {
    id: 'tampered-body',
    title: 'Body changed after signing',
    expected: '4xx',
    skip: unsignedReason,
    async run(ctx) {
      const { sample, delivery } = freshDelivery(ctx)
      const r = await ctx.send('tampered', { ...delivery, body: encode(ctx.provider, tamper(sample)) })
      return judgeAll('tampered-body', [r], '4xx', ctx.advice)
    }
  },
  brokenSignature('signature-garbage', 'Garbage signature of the right length', 'garbage signature', garble),
  brokenSignature('signature-wrong-length', 'Signature of the wrong length', 'short signature', shorten),
  {
    id: 'reformatted-json',
    title: 'Valid delivery, JSON formatted differently',
    expected: '2xx',
    skip: (ctx) => (isJson(ctx.provider) ? null : `${ctx.provider.name} does not send JSON.`),
    async run(ctx) {
      const { sample, event } = freshDelivery(ctx)
      const d = signSample(ctx, sample, event, { body: Buffer.from(reformat(sample)) })
      return judgeAll('reformatted-json', [await ctx.send('reformatted', d)], '2xx', ctx.advice)
    }
  },
  {
    id: 'stale-timestamp',
    title: 'Stale timestamp',
    expected: '4xx',
    skip: timestampReason,
    async run(ctx) {
      const d = freshDelivery(ctx, { timestamp: nowSec() - tolerance(ctx) - 600 }).delivery
      return judgeAll('stale-timestamp', [await ctx.send('stale', d)], '4xx', ctx.advice)
    }
  },
  {
    id: 'future-timestamp',
    title: 'Timestamp in the future',
    expected: '4xx',
    skip: timestampReason,
    async run(ctx) {
      const d = freshDelivery(ctx, { timestamp: nowSec() + tolerance(ctx) + 600 }).delivery
      return judgeAll('future-timestamp', [await ctx.send('future', d)], '4xx', ctx.advice)
    }
  },
  {
    id: 'answer-time',
    title: 'Answer time',
    expected: 'within the provider limit',
    async run(ctx) {
      const r = await ctx.send('timed', freshDelivery(ctx).delivery)
      return judgeTime(r, ctx.provider.retry.timeoutMs, ctx.advice)
    }
  },
  {
    id: 'methods',
    title: 'Every method the provider uses',
    expected: '2xx for each',
    skip: (ctx) => (ctx.provider.methods.length > 1 ? null : `${ctx.provider.name} only sends ${ctx.provider.methods[0] ?? 'POST'}, already covered.`),
    async run(ctx) {
      const results: OutboundResult[] = []
      for (const method of ctx.provider.methods.slice(1)) {
        results.push(await ctx.send(method, freshDelivery(ctx, { method }).delivery))
      }
      const observed = ctx.provider.methods
        .slice(1)
        .map((m, i) => `${m} ${results[i].answered ? results[i].status : results[i].error}`)
        .join(', ')
      return judgeAll('methods', results, '2xx', ctx.advice, observed)
    }
  },
  {
    id: 'content-type-variant',
    title: 'Content-Type with a charset parameter',
    expected: '2xx',
    skip: (ctx) => (ctx.provider.contentType.includes(';') ? `${ctx.provider.name} already sends a Content-Type parameter.` : null),
    async run(ctx) {
      const { delivery } = freshDelivery(ctx)
      const headers = delivery.headers.map(([n, v]): [string, string] => (n.toLowerCase() === 'content-type' ? [n, `${v}; charset=utf-8`] : [n, v]))
      return judgeAll('content-type-variant', [await ctx.send('charset', { ...delivery, headers })], '2xx', ctx.advice)
    }
  }
]

/** The signature header(s) rewritten by `mutate`: a correct handler answers 401, never a 500. */
function brokenSignature(id: ForgeCheckId, title: string, label: string, mutate: (value: string) => string): CheckDef {
  return {
    id,
    title,
    expected: '4xx (not 5xx)',
    skip: unsignedReason,
    async run(ctx) {
      const d = replaceSignature(freshDelivery(ctx).delivery, ctx.shape.signatureHeaders, mutate)
      return judgeAll(id, [await ctx.send(label, d)], '4xx', ctx.advice)
    }
  }
}
