// `hookscope wait`: blocks until a matching capture is in the database, written by a `serve` or the
// desktop app on the same file (SQLite WAL: readers see every commit). Polls by id, so each poll reads
// only the rows that arrived since the previous one.
import { HookscopeError } from '../../shared/errors'
import { setTimeout as sleep } from 'node:timers/promises'
import type { VerdictStatus } from '../../shared/types'
import { VERDICT_STATUSES } from '../../shared/types'
import { toListItem } from '../engine/outbound/export'
import { humanLine } from './list'
import { providerOption } from './paging'
import { printResult } from './output'
import { callApi, usingEngine, wholeCapture } from './engine-access'
import type { Verb } from './verb'

const POLL_MS = 100

const WAIT_WORDING = {
  provider: '--provider takes a provider id (see `hookscope providers`)',
  eventType: '--event takes an event type of at most 200 characters',
  pathPrefix: '--path takes a path prefix of at most 2000 characters'
}

export const waitVerb: Verb = {
  name: 'wait',
  usage: 'wait [--provider P] [--event E] [--path PREFIX] [--verdict V] [--after ID] [--timeout SECONDS]',
  summary: 'wait for a matching capture to arrive, print it, exit 0 (1 on timeout; default 60 s, 0 waits forever)',
  options: {
    provider: { type: 'string' },
    event: { type: 'string' },
    path: { type: 'string' },
    verdict: { type: 'string' },
    after: { type: 'string' },
    timeout: { type: 'string' }
  },
  async run(ctx) {
    const verdict = ctx.values.verdict as string | undefined
    if (verdict && !VERDICT_STATUSES.includes(verdict as VerdictStatus)) throw new HookscopeError('invalid_input', `--verdict takes one of ${VERDICT_STATUSES.join(', ')}`)
    const timeout = ctx.values.timeout === undefined ? 60 : Number(ctx.values.timeout)
    if (!Number.isFinite(timeout) || timeout < 0) throw new HookscopeError('invalid_input', '--timeout takes a number of seconds (0 waits forever)')
    const after = ctx.values.after === undefined ? undefined : Number(ctx.values.after)
    if (after !== undefined && (!Number.isSafeInteger(after) || after < 0)) throw new HookscopeError('invalid_input', '--after takes a capture id (0 for any capture)')
    const match = {
      provider: providerOption(ctx.values.provider),
      eventType: ctx.values.event as string | undefined,
      pathPrefix: ctx.values.path as string | undefined,
      verdict: verdict as VerdictStatus | undefined
    }
    const deadline = timeout > 0 ? Date.now() + timeout * 1000 : Infinity
    const found = await usingEngine(ctx, async (engine) => {
      // Without --after, only captures that arrive from now on count.
      let seen = after ?? (await callApi(engine, 'nextCapture', {})).lastId
      for (;;) {
        const next = await callApi(engine, 'nextCapture', { ...match, afterId: seen }, WAIT_WORDING)
        if (next.capture) return wholeCapture(engine, next.capture.id)
        seen = next.lastId
        if (Date.now() >= deadline) return null
        await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())))
      }
    })
    if (!found) throw new HookscopeError('not_found', `No matching capture arrived within ${timeout} s.`)
    printResult(ctx.json, toListItem(found, false), () => humanLine(found))
  }
}
