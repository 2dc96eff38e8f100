// The CLI reads as many captures as asked, page by page, and writes each as it comes: no verb
// truncates silently, and memory stays that of one page of summaries plus one capture.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { CapturedRequest, RequestQuery, RequestSummary, VerdictStatus } from '../../shared/types'
import { VERDICT_STATUSES } from '../../shared/types'
import type { Sink } from '../engine/outbound/export-stream'
import { callApi, wholeCapture, type CliEngine } from './engine-access'
import { HookscopeError } from '../../shared/errors'
import { isProviderId } from '../engine/providers/registry'
import { cannotWrite } from './file-error'
import type { OptionSpec, VerbContext } from './verb'

const PAGE = 500

/** The filters `list` and `export` share. */
export const filterOptions: OptionSpec = {
  provider: { type: 'string' },
  verdict: { type: 'string' },
  method: { type: 'string' },
  search: { type: 'string' }
}

export function queryFrom(ctx: VerbContext): Omit<RequestQuery, 'limit' | 'beforeId'> {
  const verdict = ctx.values.verdict as string | undefined
  if (verdict && !VERDICT_STATUSES.includes(verdict as VerdictStatus)) throw new HookscopeError('invalid_input', `--verdict takes one of ${VERDICT_STATUSES.join(', ')}`)
  return {
    provider: providerOption(ctx.values.provider),
    verdict: verdict as VerdictStatus | undefined,
    method: ctx.values.method as string | undefined,
    search: ctx.values.search as string | undefined
  }
}

/**
 * A provider filter must name a provider: a typo (`--provider callpaymn`) matched nothing, so `list`
 * printed [] and `wait` waited out its whole timeout, both looking like "no delivery came".
 */
export function providerOption(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const id = String(value)
  if (!isProviderId(id)) throw new HookscopeError('invalid_input', `--provider: no provider "${id.slice(0, 60)}" (\`hookscope providers\` lists them)`)
  return id
}

/** A positive whole number (no upper bound: verbs page inside), or the fallback when absent. */
export function limitOption(value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new HookscopeError('invalid_input', LIMIT_WORDING)
  return n
}

const LIMIT_WORDING = '--limit takes a whole number of 1 or more'

/** The filters' options, by the Api field they fill. */
const FILTER_WORDING = {
  search: '--search takes text of at most 500 characters',
  method: '--method takes an HTTP method, e.g. POST',
  provider: '--provider takes a provider id (see `hookscope providers`)',
  verdict: `--verdict takes one of ${VERDICT_STATUSES.join(', ')}`,
  limit: LIMIT_WORDING
}

/** Summaries newest first, through as many Api pages (and filter windows) as it takes, up to `limit`. */
export async function* matchingSummaries(
  engine: CliEngine,
  query: Omit<RequestQuery, 'limit' | 'beforeId'>,
  limit: number
): AsyncGenerator<RequestSummary> {
  let left = limit
  let beforeId: number | undefined
  while (left > 0) {
    const page = await callApi(engine, 'listRequests', { ...query, searchAll: true, limit: Math.min(PAGE, left), beforeId }, FILTER_WORDING)
    for (const item of page.items) {
      yield item
      left--
    }
    if (!page.hasMore || page.nextBeforeId === undefined) return
    beforeId = page.nextBeforeId
  }
}

/** Full captures for summaries, read one at a time (a capture deleted meanwhile is skipped). */
export async function* capturesOf(engine: CliEngine, summaries: AsyncIterable<RequestSummary>): AsyncGenerator<CapturedRequest> {
  for await (const s of summaries) {
    const r = await wholeCapture(engine, s.id)
    if (r) yield r
  }
}

/** Where streamed output goes: stdout, or a file readable by the user only. */
export function openSink(file: string | undefined): { sink: Sink; close: () => Promise<void> } {
  const stream = file ? createWriteStream(file, { mode: 0o600 }) : process.stdout
  const failed = file ? once(stream, 'error').then(([e]) => Promise.reject(e as Error)) : null
  failed?.catch(() => {})
  const inWords = (error: unknown): never => {
    throw cannotWrite(file as string, error)
  }
  return {
    sink: async (text) => {
      if (!stream.write(text)) await (failed ? Promise.race([once(stream, 'drain'), failed]).catch(inWords) : once(stream, 'drain'))
    },
    close: async () => {
      if (!file) return
      stream.end()
      await Promise.race([once(stream, 'finish'), failed]).catch(inWords)
    }
  }
}

export { usingEngine } from './engine-access'
