// Runs the forge suite against a user's handler. This sends forged and malformed requests on purpose,
// only to the URL the user gave; the secret stays in memory for the run and is never stored or shown.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ForgeCheckResult, ForgeExchange, ForgeProgress, ForgeReport } from '../../../shared/api/forge'
import type { DeliveryLog } from '../outbound/delivery-log'
import { sendHttp, type OutboundRequest, type OutboundResult } from '../outbound/send-http'
import { getProvider, PROVIDERS } from '../providers/registry'
import type { Provider } from '../providers/types'
import { probeScheme, type Delivery } from './build'
import type { CheckContext, CheckDef } from './check-types'
import { SEQUENCE_CHECKS } from './checks-sequence'
import { SINGLE_CHECKS } from './checks-single'
import { formatMs } from '../../../shared/format'
import { Liveness } from './liveness'
import { scoreOf } from './report'
import { HookscopeError } from '../../../shared/errors'

export const FORGE_CHECKS: CheckDef[] = [...SINGLE_CHECKS, ...SEQUENCE_CHECKS]

export interface ForgeRunOptions {
  targetUrl: string
  provider: string
  secret?: string
  gapMs?: number
  timeoutMs?: number
  /** Aborting stops the run: the delivery in flight is dropped, no further check runs, the report says so. */
  signal?: AbortSignal
}

export interface ForgeRunHooks {
  deliveries: DeliveryLog
  /** Called with the report as it grows (saving) and with progress (events). */
  save(report: ForgeReport): void
  progress(p: ForgeProgress): void
}

const DISPLAY_BYTES = 4096
/** An answer is judged by its status; keep at most this much of a (possibly hostile) answer body in the log. */
const MAX_ANSWER_BYTES = 1024 * 1024
/** After this many deliveries in a row got no answer in time, the rest are not sent: the target hangs. */
const HANG_AFTER = 2
export const DEFAULT_GAP_MS = 2000

/** Checks the inputs and returns what the run needs; throws an invalid_input HookscopeError in plain words. */
export function prepareRun(o: ForgeRunOptions): { provider: Provider; url: URL; secret: string } {
  const provider = getProvider(o.provider)
  if (!provider) throw new HookscopeError('invalid_input', `Unknown provider "${o.provider}". Known: ${PROVIDERS.map((p) => p.id).join(', ')}.`)
  let url: URL
  try {
    url = new URL(o.targetUrl)
  } catch {
    throw new HookscopeError('invalid_input', `"${o.targetUrl}" is not a URL; give the full address of your handler, e.g. http://localhost:3000/webhooks.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HookscopeError('invalid_input', 'The target must be an http:// or https:// URL.')
  const secret = o.secret ?? ''
  if (provider.signs && !secret) throw new HookscopeError('invalid_input', `${provider.name} signs its webhooks: give the secret your handler verifies with (or store one for ${provider.name} in Settings).`)
  return { provider, url, secret }
}

/** Runs every check in order and returns the finished report; never throws for a bad target. */
export async function runForge(o: ForgeRunOptions, hooks: ForgeRunHooks, runId: string = randomUUID()): Promise<ForgeReport> {
  const { provider, url, secret } = prepareRun(o)
  const targetUrl = url.toString()
  const timeoutMs = o.timeoutMs ?? provider.retry.timeoutMs + 5000
  const report: ForgeReport = {
    id: runId,
    provider: provider.id,
    providerName: provider.name,
    targetUrl,
    startedAt: Date.now(),
    finishedAt: null,
    status: 'running',
    score: 0,
    counts: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 },
    securityFailures: [],
    headline: null,
    checks: [],
    error: null
  }
  hooks.save(report)
  let current: ForgeProgress['current'] = null
  const progress = (check: ForgeCheckResult | null, finished: boolean): void =>
    hooks.progress({
      runId,
      targetUrl,
      done: report.checks.length,
      total: FORGE_CHECKS.length,
      check: check && { id: check.id, title: check.title, outcome: check.outcome, observed: check.observed },
      current,
      finished,
      score: finished ? report.score : null,
      status: report.status
    })
  progress(null, false)
  const cancelled = (): boolean => o.signal?.aborted === true

  const liveness = new Liveness(HANG_AFTER)
  let exchanges: ForgeExchange[] = []
  let currentCheck: CheckDef = FORGE_CHECKS[0]
  const send = async (label: string, d: Delivery): Promise<OutboundResult> => {
    const request: OutboundRequest = { url: targetUrl, method: d.method, headers: d.headers, body: d.body, timeoutMs, maxResponseBytes: MAX_ANSWER_BYTES }
    const slot = exchanges.length
    exchanges.push(placeholder(label, request))
    if (liveness.hanging) {
      const result = notSent(`Not sent: the target did not answer the last ${HANG_AFTER} deliveries within ${formatMs(timeoutMs)}.`)
      exchanges[slot] = toExchange(null, label, request, result)
      return result
    }
    if (current) {
      current = { ...current, delivery: label }
      progress(null, false)
    }
    const result = await sendHttp({ ...request, signal: o.signal })
    if (result.errorKind === 'cancelled') return result
    liveness.observe(currentCheck.title, result)
    const record = hooks.deliveries.record({ kind: 'forge', groupId: runId, label: `${currentCheck.id}: ${label}` }, request, result)
    exchanges[slot] = toExchange(record.id, label, request, result)
    return result
  }

  try {
    const shape = probeScheme(provider, targetUrl, secret)
    const ctx: CheckContext = {
      provider,
      secret,
      url: targetUrl,
      shape,
      gapMs: o.gapMs ?? DEFAULT_GAP_MS,
      advice: {
        provider: provider.name,
        header: provider.signatureHeaders.find((h) => shape.signatureHeaders.includes(h.toLowerCase())) ?? provider.signatureHeaders[0] ?? 'signature',
        timestampHeader: provider.signatureHeaders.find((h) => /timestamp/i.test(h)) ?? 'timestamp',
        toleranceSec: provider.timestampToleranceSec ?? 300,
        limit: formatMs(provider.retry.timeoutMs),
        methods: provider.methods.join(', '),
        encoding: provider.summary?.encoding ?? null
      },
      send,
      // A cancel ends a wait early (the run then stops); the rejection is not an error of the check.
      sleep: (ms) => sleep(ms, undefined, { signal: o.signal }).catch(() => {})
    }
    for (const [index, check] of FORGE_CHECKS.entries()) {
      if (cancelled()) break
      exchanges = []
      currentCheck = check
      current = { index: index + 1, id: check.id, title: check.title, delivery: null }
      progress(null, false)
      const result = await runCheck(check, ctx, () => exchanges)
      current = null
      // The check cut short by a cancel was not judged: it is left out rather than shown as a failure.
      if (cancelled()) break
      if (result.outcome === 'error') result.advice = liveness.explain(check.title) ?? result.advice
      report.checks.push(result)
      Object.assign(report, scoreOf(report.checks))
      hooks.save(report)
      progress(result, false)
    }
    if (cancelled()) {
      report.status = 'cancelled'
      report.error = `Cancelled after ${report.checks.length} of ${FORGE_CHECKS.length} checks; the score counts only those.`
    } else report.status = 'finished'
  } catch (error) {
    report.status = 'failed'
    report.error = (error as Error).message
  }
  report.finishedAt = Date.now()
  current = null
  Object.assign(report, scoreOf(report.checks))
  hooks.save(report)
  progress(null, true)
  return report
}

async function runCheck(check: CheckDef, ctx: CheckContext, exchanges: () => ForgeExchange[]): Promise<ForgeCheckResult> {
  const base = { id: check.id, title: check.title, expected: check.expected }
  // The provider's own reasons first: a scheme without a timestamp or a signed body says why a check does not apply.
  const reason = ctx.provider.forgeSkips?.[check.id] ?? check.skip?.(ctx) ?? null
  if (reason) return { ...base, outcome: 'skip', pass: true, observed: 'not run', advice: reason, exchanges: [] }
  try {
    const judged = await check.run(ctx)
    const note = check.id === 'valid-delivery' ? (ctx.provider.signingNote?.(ctx.secret) ?? null) : (ctx.provider.forgeNotes?.[check.id] ?? null)
    const advice = note ? `${note} ${judged.advice}` : judged.advice
    return { ...base, ...judged, advice, pass: judged.outcome === 'pass' || judged.outcome === 'warn', exchanges: exchanges() }
  } catch (error) {
    // A provider module that cannot sign with this secret (wrong shape) ends up here, in words.
    const message = `Could not build this check's delivery: ${(error as Error).message}`
    return { ...base, outcome: 'error', pass: false, observed: message, advice: message, exchanges: exchanges() }
  }
}

function placeholder(label: string, request: OutboundRequest): ForgeExchange {
  return toExchange(null, label, request, notSent('Still waiting for an answer.'))
}

function notSent(error: string): OutboundResult {
  return { answered: false, status: null, headers: [], body: Buffer.alloc(0), bodyTruncated: false, durationMs: 0, error, errorKind: 'other', sentHeaders: [] }
}

const preview = (b: Buffer): string => b.subarray(0, DISPLAY_BYTES).toString('utf8') + (b.length > DISPLAY_BYTES ? `\n… (${b.length - DISPLAY_BYTES} more bytes)` : '')

function toExchange(deliveryId: number | null, label: string, request: OutboundRequest, result: OutboundResult): ForgeExchange {
  return {
    deliveryId,
    label,
    sent: {
      method: request.method,
      url: request.url,
      headers: result.sentHeaders.length ? result.sentHeaders : request.headers,
      body: preview(request.body),
      bodySize: request.body.length
    },
    received: {
      status: result.status,
      headers: result.headers,
      body: preview(result.body),
      bodySize: result.body.length,
      durationMs: result.durationMs,
      error: result.error
    }
  }
}
