import { HookscopeError } from '../../shared/errors'
import type { CapturedRequest, RequestSummary } from '../../shared/types'
import { toListItem } from '../engine/outbound/export'
import { wholeCapture } from './engine-access'
import { printResult } from './output'
import { capturesOf, filterOptions, limitOption, matchingSummaries, openSink, queryFrom, usingEngine } from './paging'
import type { Verb } from './verb'

export { toListItem } from '../engine/outbound/export'

export const list: Verb = {
  name: 'list',
  usage: 'list [--limit N] [--provider P] [--verdict V] [--method M] [--search TEXT] [--bodies]',
  summary: 'captured requests, newest first (default 50; any --limit, paged inside)',
  options: { ...filterOptions, limit: { type: 'string' }, bodies: { type: 'boolean' } },
  async run(ctx) {
    const limit = limitOption(ctx.values.limit, 50)
    const query = queryFrom(ctx)
    const withBodies = ctx.values.bodies === true
    await usingEngine(ctx, async (engine) => {
      const { sink } = openSink(undefined)
      let count = 0
      for await (const r of capturesOf(engine, matchingSummaries(engine, query, limit))) {
        if (ctx.json) await sink((count ? ',' : '[') + JSON.stringify(toListItem(r, withBodies)))
        else await sink(humanLine(r) + '\n')
        count++
      }
      if (ctx.json) await sink(count ? ']\n' : '[]\n')
      else if (count === 0) await sink('No captured requests.\n')
    })
  }
}

export function humanLine(r: CapturedRequest | RequestSummary): string {
  return (
    `${String(r.id).padStart(6)}  ${new Date(r.receivedAt).toISOString()}  ${r.method.padEnd(6)} ${r.path}  ` +
    `${r.bodySize} B  ${r.provider ?? '-'} ${r.eventType ?? ''}  [${r.verdict.status}]${r.pinned ? '  pinned' : ''}`
  )
}

export const show: Verb = {
  name: 'show',
  usage: 'show ID',
  summary: 'one captured request, with its body',
  options: {},
  positionals: 1,
  async run(ctx) {
    const id = Number(ctx.positionals[0])
    if (!Number.isInteger(id) || id < 1) throw new HookscopeError('invalid_input', 'show needs a request id, e.g. `hookscope show 12`')
    const request = await usingEngine(ctx, (engine) => wholeCapture(engine, id))
    if (!request) throw new HookscopeError('not_found', `No captured request with id ${id}.`)
    printResult(ctx.json, toListItem(request, true), () => {
      const body = Buffer.from(request.bodyBase64, 'base64')
      return [
        `${request.method} ${request.path} HTTP/${request.httpVersion}`,
        ...request.headers.map(([n, v]) => `${n}: ${v}`),
        '',
        body.toString('utf8'),
        '',
        `-- ${request.bodySize} bytes, sha256 ${request.bodySha256}, verdict ${request.verdict.status}: ${request.verdict.detail}`
      ].join('\n')
    })
  }
}
