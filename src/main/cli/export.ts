import { writeFileSync } from 'node:fs'
import type { CapturedRequest } from '../../shared/types'
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '../engine/outbound/export'
import { CliError } from './output'
import { withEngine } from './list'
import type { Verb } from './verb'

export const exportVerb: Verb = {
  name: 'export',
  usage: 'export [--format har|json|curl] [--out FILE] [--limit N] [--ids 1,2,3] [--to URL]',
  summary: 'write captures as HAR 1.2, JSON or cURL commands',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    limit: { type: 'string' },
    ids: { type: 'string' },
    to: { type: 'string' }
  },
  async run(ctx) {
    const format = (ctx.values.format ?? 'json') as ExportFormat
    if (!EXPORT_FORMATS.includes(format)) throw new CliError(`--format takes one of ${EXPORT_FORMATS.join(', ')}`)
    const limit = ctx.values.limit === undefined ? 1000 : Number(ctx.values.limit)
    const ids = typeof ctx.values.ids === 'string' ? ctx.values.ids.split(',').map(Number) : null
    if (ids?.some((id) => !Number.isInteger(id) || id < 1)) throw new CliError('--ids takes request ids separated by commas')
    const requests = withEngine(ctx, (engine) => {
      const list = ids ?? engine.requests.listAll({ limit: Math.min(limit, 1000) }).items.map((s) => s.id)
      return list.map((id) => engine.requests.get(id)).filter((r): r is CapturedRequest => r !== null)
    })
    const base = ((ctx.values.to as string | undefined) ?? 'http://127.0.0.1:4747').replace(/\/$/, '')
    const text = renderExport(format, requests, base)
    if (typeof ctx.values.out === 'string') {
      writeFileSync(ctx.values.out, text, { mode: 0o600 })
      if (ctx.json) process.stdout.write(JSON.stringify({ out: ctx.values.out, count: requests.length, format }) + '\n')
      else process.stdout.write(`Wrote ${requests.length} request(s) as ${format} to ${ctx.values.out}\n`)
    } else process.stdout.write(text)
  }
}
