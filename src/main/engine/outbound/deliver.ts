import { randomUUID } from 'node:crypto'
import type { DeliveryKind, DeliveryRecord, DeliverySummary, RetryProgress } from '../../../shared/api/outbound'
import type { RetryPolicy } from '../providers/types'
import type { DeliveryLog } from './delivery-log'
import { sendHttp, type OutboundRequest, type OutboundResult } from './send-http'

export interface RetryPlan {
  policy: RetryPolicy
  /** Delays are divided by this; the provider's answer timeout is not. */
  timeCompression: number
  /** Told about each attempt; return false to stop redelivering (e.g. the rule was auto-disabled). */
  onAttempt?: (record: DeliveryRecord, failed: boolean) => boolean
}

export interface DeliverOptions {
  kind: DeliveryKind
  requestId?: number | null
  label?: string | null
  retry?: RetryPlan
}

/** A provider counts an attempt as failed when there is no answer in time or the answer is not 2xx. */
export const attemptFailed = (status: number | null): boolean => status === null || status < 200 || status > 299

/**
 * Sends outbound deliveries, stores each attempt, pushes a summary event, and (optionally) redelivers on a
 * provider's retry schedule. Retry timers are tracked so stop() leaves nothing running.
 */
export class Deliverer {
  private readonly timers = new Set<NodeJS.Timeout>()
  private stopped = false

  constructor(
    private readonly log: DeliveryLog,
    private readonly emit: (summary: DeliverySummary) => void,
    private readonly isOpen: () => boolean
  ) {}

  /** Sends once and resolves with the first attempt; later attempts (retries) arrive as events. */
  async deliver(request: OutboundRequest, options: DeliverOptions): Promise<DeliveryRecord> {
    const groupId = options.retry ? randomUUID() : null
    const timeoutMs = options.retry ? options.retry.policy.timeoutMs : request.timeoutMs
    return this.attempt({ ...request, timeoutMs }, options, groupId, 1, options.kind)
  }

  stop(): void {
    this.stopped = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private async attempt(
    request: OutboundRequest,
    options: DeliverOptions,
    groupId: string | null,
    attempt: number,
    kind: DeliveryKind
  ): Promise<DeliveryRecord> {
    const result = await sendHttp(request)
    if (this.stopped || !this.isOpen()) return unrecorded(request, result, options, groupId, attempt, kind)
    const record = this.log.record({ kind, requestId: options.requestId, groupId, attempt, label: options.label }, request, result)
    const plan = options.retry
    const failed = attemptFailed(record.responseStatus)
    let nextAttemptAt: number | null = null
    // A cancelled attempt is the user's "stop", not the target's failure: no retry follows it.
    const keepGoing = result.errorKind !== 'cancelled' && (plan?.onAttempt ? plan.onAttempt(record, failed) : true)
    const progress = plan ? retryProgress(plan, attempt, failed, keepGoing) : null
    if (plan && progress?.outcome === 'will-retry') {
      const delay = plan.policy.delaysMs[attempt - 1] / plan.timeCompression
      nextAttemptAt = Date.now() + delay
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        void this.attempt({ ...request, signal: undefined }, options, groupId, attempt + 1, 'retry')
      }, delay)
      this.timers.add(timer)
    }
    this.emit(summarize(record, nextAttemptAt, progress))
    return record
  }
}

/** What happens after attempt n of a simulated schedule, so the UI can say it rather than leave the user guessing. */
export function retryProgress(plan: RetryPlan, attempt: number, failed: boolean, keepGoing: boolean): RetryProgress {
  const maxAttempts = plan.policy.delaysMs.length + 1
  const outcome = !failed ? 'delivered' : !keepGoing ? 'stopped' : attempt < maxAttempts ? 'will-retry' : 'gave-up'
  return { outcome, maxAttempts }
}

export function summarize(record: DeliveryRecord, nextAttemptAt: number | null, retry: RetryProgress | null = null): DeliverySummary {
  const { bodyBase64: _b, responseBodyBase64: _r, headers: _h, responseHeaders: _rh, ...rest } = record
  return { ...rest, nextAttemptAt, retry }
}

/** The record shape for an attempt that finished after shutdown (nothing can be stored any more). */
function unrecorded(
  request: OutboundRequest,
  result: OutboundResult,
  options: DeliverOptions,
  groupId: string | null,
  attempt: number,
  kind: DeliveryKind
): DeliveryRecord {
  return {
    id: 0,
    kind,
    requestId: options.requestId ?? null,
    groupId,
    attempt,
    createdAt: Date.now(),
    targetUrl: request.url,
    method: request.method,
    headers: result.sentHeaders,
    bodyBase64: request.body.toString('base64'),
    responseStatus: result.status,
    responseHeaders: result.headers,
    responseBodyBase64: result.body.toString('base64'),
    durationMs: result.durationMs,
    error: result.error,
    errorKind: result.errorKind,
    label: options.label ?? null
  }
}
