import { HookscopeError } from '../../shared/errors'
import type { CallSummary, RequestDiff } from '../../shared/api/calls'
import { DEFAULT_MISSING_FINAL_MS } from '../../shared/api/calls'
import { callApi, usingEngine, type OptionWording } from './engine-access'
import { printResult } from './output'
import { providerOption } from './paging'
import type { Verb } from './verb'

const CALLS_WORDING: OptionWording = {
  limit: '--limit takes a positive whole number',
  missingFinalAfterMs: '--missing-final-after takes a whole number of seconds, at least 1',
  provider: '--provider takes a provider id (see `hookscope providers`)'
}

export const callsVerb: Verb = {
  name: 'calls',
  usage: 'calls [--provider P] [--limit N] [--missing-final-after SECONDS]',
  summary: 'deliveries grouped by call, newest call first, with flags',
  options: {
    provider: { type: 'string' },
    limit: { type: 'string' },
    'missing-final-after': { type: 'string' }
  },
  async run(ctx) {
    // Checked by the Api's schema (a page of at most 500; any total is paged below).
    const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit)
    const after = ctx.values['missing-final-after']
    const missingFinalAfterMs = after === undefined ? DEFAULT_MISSING_FINAL_MS : Number(after) * 1000
    const provider = providerOption(ctx.values.provider)
    const items = await usingEngine(ctx, async (engine) => {
      // Pages inside, so any --limit is honoured (the Api returns at most 500 a call).
      const items: CallSummary[] = []
      let beforeId: number | undefined
      do {
        const input = { provider, limit: Math.min(500, limit - items.length), beforeId, missingFinalAfterMs }
        const page = await callApi(engine, 'listCalls', input, CALLS_WORDING)
        items.push(...page.items)
        beforeId = page.nextBeforeId
      } while (beforeId !== undefined && items.length < limit)
      return items
    }, { oneShot: false })
    printResult(ctx.json, items.map(toCallItem), () => (items.length === 0 ? 'No calls.' : items.map(describeCall).join('\n\n')))
  }
}

/** The `calls --json` item (DESIGN.md section 4) plus the timeline's details. */
function toCallItem(c: CallSummary): Record<string, unknown> {
  return { ...c }
}

function describeCall(c: CallSummary): string {
  const head = `${c.provider} ${c.callId}  ${c.state ?? '-'}  ${new Date(c.firstAt).toISOString()} → ${new Date(c.lastAt).toISOString()}` +
    (c.flags.length ? `  [${c.flags.join(', ')}]` : '')
  const lines = c.deliveries.map((d) => {
    const answer = d.responseStatus === null ? 'no answer' : `${d.responseStatus} in ${d.answerMs ?? '?'} ms`
    const deadline = c.deadlineMs === null ? '' : ` / ${c.deadlineMs} ms`
    const repeat = d.repeatOf ? `  ${d.repeat} of #${d.repeatOf}` : ''
    const flags = d.flags.length ? `  [${d.flags.join(', ')}]` : ''
    return `  #${String(d.id).padEnd(6)} +${((d.receivedAt - c.firstAt) / 1000).toFixed(1).padStart(6)} s  ${(d.eventType ?? '-').padEnd(22)} ${answer}${deadline}${repeat}${flags}`
  })
  return [head, ...lines].join('\n')
}

export const diffVerb: Verb = {
  name: 'diff',
  usage: 'diff A B',
  summary: 'what changed from capture A to capture B (body by JSON path or line, headers by name)',
  options: {},
  positionals: 2,
  async run(ctx) {
    const [a, b] = ctx.positionals.map(Number)
    if (ctx.positionals.length !== 2 || ![a, b].every((n) => Number.isInteger(n) && n > 0)) {
      throw new HookscopeError('invalid_input', 'diff needs two request ids, e.g. `hookscope diff 12 15`')
    }
    const diff = await usingEngine(ctx, (engine) => callApi(engine, 'diffRequests', { a, b }), { oneShot: false })
    printResult(ctx.json, toDiffItem(diff), () => describeDiff(diff))
  }
}

/** `diff --json`: {body, headers, method?, path?} as DESIGN.md section 4 says, plus how bodies were compared. */
function toDiffItem(d: RequestDiff): Record<string, unknown> {
  return d as unknown as Record<string, unknown>
}

function describeDiff(d: RequestDiff): string {
  const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v))
  const sign = { added: '+', removed: '-', changed: '~' } as const
  const out = [`diff #${d.a} → #${d.b}`]
  if (d.method) out.push(`method: ${d.method.a} → ${d.method.b}`)
  if (d.path) out.push(`path: ${d.path.a} → ${d.path.b}`)
  out.push(`body (${d.bodyMode}): ${d.body.length === 0 ? 'same' : `${d.body.length} difference(s)`}`)
  for (const e of d.body) out.push(`  ${sign[e.change]} ${e.path}  ${e.change === 'added' ? show(e.b) : e.change === 'removed' ? show(e.a) : `${show(e.a)} → ${show(e.b)}`}`)
  out.push(`headers: ${d.headers.length === 0 ? 'same' : `${d.headers.length} difference(s)`}`)
  for (const e of d.headers) out.push(`  ${sign[e.change]} ${e.name}: ${e.change === 'added' ? e.b : e.change === 'removed' ? e.a : `${e.a} → ${e.b}`}`)
  if (d.truncated) out.push(d.truncated)
  return out.join('\n')
}
