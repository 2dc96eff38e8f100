import { EXPORT_FORMATS, type ExportFormat } from '../engine/outbound/export'
import { writeExport } from '../engine/outbound/export-stream'
import type { CapturedRequest } from '../../shared/types'
import { HookscopeError } from '../../shared/errors'
import { wholeCapture } from './engine-access'
import { capturesOf, filterOptions, limitOption, matchingSummaries, openSink, queryFrom, usingEngine } from './paging'
import type { Verb } from './verb'

export const exportVerb: Verb = {
  name: 'export',
  usage: 'export [--format har|json|curl] [--out FILE] [--limit N] [--ids 1,2,3] [--provider P] [--verdict V] [--method M] [--search TEXT] [--to URL]',
  summary: 'write every matching capture (newest first, streamed) as HAR 1.2, JSON or cURL commands',
  options: {
    ...filterOptions,
    format: { type: 'string' },
    out: { type: 'string' },
    limit: { type: 'string' },
    ids: { type: 'string' },
    to: { type: 'string' }
  },
  async run(ctx) {
    const format = (ctx.values.format ?? 'json') as ExportFormat
    if (!EXPORT_FORMATS.includes(format)) throw new HookscopeError('invalid_input', `--format takes one of ${EXPORT_FORMATS.join(', ')}`)
    const limit = limitOption(ctx.values.limit, Number.MAX_SAFE_INTEGER)
    const ids = typeof ctx.values.ids === 'string' ? ctx.values.ids.split(',').map(Number) : null
    if (ids?.some((id) => !Number.isInteger(id) || id < 1)) throw new HookscopeError('invalid_input', '--ids takes request ids separated by commas')
    const query = queryFrom(ctx)
    const base = ((ctx.values.to as string | undefined) ?? 'http://127.0.0.1:4747').replace(/\/$/, '')
    const out = typeof ctx.values.out === 'string' ? ctx.values.out : undefined
    const count = await usingEngine(ctx, async (engine) => {
      const captures: Iterable<CapturedRequest> | AsyncIterable<CapturedRequest> = ids
        ? (async function* () {
            for (const id of ids.slice(0, limit)) {
              const r = await wholeCapture(engine, id)
              if (r) yield r
            }
          })()
        : capturesOf(engine, matchingSummaries(engine, query, limit))
      const { sink, close } = openSink(out)
      const written = await writeExport(format, captures, base, sink)
      await close()
      return written
    })
    if (out) {
      if (ctx.json) process.stdout.write(JSON.stringify({ out, count, format }) + '\n')
      else process.stdout.write(`Wrote ${count} request(s) as ${format} to ${out}\n`)
    }
  }
}
