import { Engine } from '../engine/engine'
import type { CapturedRequest, VerdictStatus } from '../../shared/types'
import { VERDICT_STATUSES } from '../../shared/types'
import { toListItem } from '../engine/outbound/export'
import { CliError, printResult } from './output'
import type { Verb, VerbContext } from './verb'

export { toListItem } from '../engine/outbound/export'

export function withEngine<T>(ctx: VerbContext, fn: (engine: Engine) => T): T {
  const engine = new Engine({ dbPath: ctx.dbPath, log: () => {} })
  try {
    return fn(engine)
  } finally {
    engine.db.close()
  }
}

export const list: Verb = {
  name: 'list',
  usage: 'list [--limit N] [--provider P] [--verdict V] [--method M] [--search TEXT] [--bodies]',
  summary: 'captured requests, newest first',
  options: {
    limit: { type: 'string' },
    provider: { type: 'string' },
    verdict: { type: 'string' },
    method: { type: 'string' },
    search: { type: 'string' },
    bodies: { type: 'boolean' }
  },
  async run(ctx) {
    const limit = ctx.values.limit === undefined ? 50 : Number(ctx.values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('--limit takes a whole number from 1 to 1000')
    const verdict = ctx.values.verdict as string | undefined
    if (verdict && !VERDICT_STATUSES.includes(verdict as VerdictStatus)) {
      throw new CliError(`--verdict takes one of ${VERDICT_STATUSES.join(', ')}`)
    }
    const items = withEngine(ctx, (engine) => {
      if (ctx.values.search) engine.flushIndex()
      const page = engine.requests.listAll({
        limit,
        provider: ctx.values.provider as string | undefined,
        verdict: verdict as VerdictStatus | undefined,
        method: ctx.values.method as string | undefined,
        search: ctx.values.search as string | undefined
      })
      return page.items.map((s) => engine.requests.get(s.id)).filter((r): r is CapturedRequest => r !== null)
    })
    printResult(ctx.json, items.map((r) => toListItem(r, ctx.values.bodies === true)), () =>
      items.length === 0
        ? 'No captured requests.'
        : items
            .map(
              (r) =>
                `${String(r.id).padStart(6)}  ${new Date(r.receivedAt).toISOString()}  ${r.method.padEnd(6)} ${r.path}  ` +
                `${r.bodySize} B  ${r.provider ?? '-'} ${r.eventType ?? ''}  [${r.verdict.status}]`
            )
            .join('\n')
    )
  }
}

export const show: Verb = {
  name: 'show',
  usage: 'show ID',
  summary: 'one captured request, with its body',
  options: {},
  async run(ctx) {
    const id = Number(ctx.positionals[0])
    if (!Number.isInteger(id) || id < 1) throw new CliError('show needs a request id, e.g. `hookscope show 12`')
    const request = withEngine(ctx, (engine) => engine.requests.get(id))
    if (!request) throw new CliError(`No captured request with id ${id}.`)
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
