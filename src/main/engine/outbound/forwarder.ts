import type { ForwardRule } from '../../../shared/api/outbound'
import { getProvider } from '../providers/registry'
import type { NewRequest } from '../store/rows'
import type { Deliverer, RetryPlan } from './deliver'
import { eventMatches } from './event-pattern'
import { resolveTargetUrl } from './signing'
import type { TargetStore } from './targets'

/** How many forwards run at once, and how many (and how many body bytes) may wait; beyond that new ones are dropped (and said so). */
export const FORWARD_CONCURRENCY = 8
export const FORWARD_QUEUE_LIMIT = 10_000
export const FORWARD_QUEUE_BYTES = 64 * 1024 * 1024
/** Match counts are written (and pushed to the UI) at most this often, never once per capture. */
export const MATCH_FLUSH_MS = 1000

interface Job {
  rule: ForwardRule
  requestId: number
  row: NewRequest
}

export function ruleMatches(rule: ForwardRule, row: Pick<NewRequest, 'endpoint' | 'path' | 'eventType'>): boolean {
  if (!rule.enabled) return false
  if (rule.endpoint && rule.endpoint !== row.endpoint) return false
  if (rule.pathPrefix && !row.path.startsWith(rule.pathPrefix)) return false
  return eventMatches(rule.eventType || null, row.eventType)
}

/**
 * Live forwarding (like `stripe listen --forward-to`). Runs from the capture listener, which fires after
 * commit; the work is queued and started on a later turn, so a slow or dead target can never delay or fail
 * the acknowledgement the provider is waiting for.
 */
export class Forwarder {
  private readonly queue: Job[] = []
  private running = 0
  private queuedBytes = 0
  private dropped = 0
  /** Rules that live only as long as this process (`serve --forward-to`). */
  private transient: ForwardRule[] = []
  /** Matches of stored rules not yet written, by rule id. */
  private unsavedMatches = new Map<number, { count: number; lastAt: number }>()
  private matchTimer: NodeJS.Timeout | null = null
  /** Counts changed since they were last pushed (transient rules count in place, stored ones in unsavedMatches). */
  private matchesChanged = false

  constructor(
    private readonly store: TargetStore,
    private readonly deliverer: Deliverer,
    private readonly onRulesChanged: () => void,
    private readonly log: (message: string) => void,
    /** True for Hookscope's own receiver: forwarding there would capture and forward the same delivery forever. */
    private readonly isSelf: (url: string) => boolean = () => false
  ) {}

  addTransientRule(targetUrl: string): ForwardRule {
    const rule: ForwardRule = {
      id: -(this.transient.length + 1),
      targetUrl,
      endpoint: null,
      pathPrefix: null,
      eventType: null,
      enabled: true,
      retryProvider: null,
      timeCompression: 1,
      consecutiveFailures: 0,
      disabledReason: null,
      createdAt: Date.now(),
      matchedCount: 0,
      lastMatchedAt: null
    }
    this.transient.push(rule)
    return rule
  }

  /** Queue state, for the UI and benchmarks: waiting, in flight, and dropped since start. */
  stats(): { queued: number; running: number; dropped: number } {
    return { queued: this.queue.length, running: this.running, dropped: this.dropped }
  }

  rules(): ForwardRule[] {
    return [...this.transient, ...this.store.listRules()]
  }

  /** Writes the match counts gathered so far (also on stop, so none is lost). */
  flushMatches(): void {
    if (this.matchTimer) clearTimeout(this.matchTimer)
    this.matchTimer = null
    if (!this.matchesChanged) return
    this.matchesChanged = false
    const matches = this.unsavedMatches
    this.unsavedMatches = new Map()
    try {
      if (matches.size) this.store.addMatches(matches)
    } catch (error) {
      this.log(`Could not save forwarding match counts: ${(error as Error).message}`)
    }
    this.onRulesChanged()
  }

  private countMatch(rule: ForwardRule, at: number): void {
    this.matchesChanged = true
    if (rule.id < 0) {
      rule.matchedCount++
      rule.lastMatchedAt = at
    } else {
      const m = this.unsavedMatches.get(rule.id)
      if (m) {
        m.count++
        m.lastAt = at
      } else this.unsavedMatches.set(rule.id, { count: 1, lastAt: at })
    }
    if (!this.matchTimer) {
      this.matchTimer = setTimeout(() => this.flushMatches(), MATCH_FLUSH_MS)
      this.matchTimer.unref()
    }
  }

  onCaptured(requestId: number, row: NewRequest): void {
    for (const rule of this.rules()) {
      if (!ruleMatches(rule, row)) continue
      this.countMatch(rule, row.receivedAt)
      if (this.isSelf(resolveTargetUrl(rule.targetUrl, row.path))) {
        this.log(`Not forwarding to ${rule.targetUrl}: that is Hookscope's own receiver, so it would loop.`)
        continue
      }
      if (this.queue.length >= FORWARD_QUEUE_LIMIT || this.queuedBytes + row.body.length > FORWARD_QUEUE_BYTES) {
        this.dropped++
        if (this.dropped === 1 || this.dropped % 100 === 0) {
          this.log(`Forwarding is behind: ${this.dropped} deliveries not forwarded (target too slow). Captures are unaffected.`)
        }
        continue
      }
      this.queue.push({ rule, requestId, row })
      this.queuedBytes += row.body.length
    }
    if (this.queue.length > 0) setImmediate(() => this.pump())
  }

  private pump(): void {
    while (this.running < FORWARD_CONCURRENCY && this.queue.length > 0) {
      const job = this.queue.shift()!
      this.queuedBytes -= job.row.body.length
      this.running++
      this.forward(job)
        .catch((error: unknown) => this.log(`Forwarding failed: ${(error as Error).message}`))
        .finally(() => {
          this.running--
          this.pump()
        })
    }
  }

  private async forward({ rule, requestId, row }: Job): Promise<void> {
    const provider = rule.retryProvider ? getProvider(rule.retryProvider) : undefined
    const policy = provider?.retry
    const disableAfter = policy?.disableAfterFailures ?? null
    const retry: RetryPlan | undefined = policy
      ? {
          policy,
          timeCompression: rule.timeCompression,
          onAttempt: (_record, failed) => {
            if (rule.id < 0) return true
            const now = this.store.recordOutcome(rule.id, failed, disableAfter)
            if (now && !now.enabled && now.disabledReason) this.onRulesChanged()
            return now?.enabled ?? false
          }
        }
      : undefined
    await this.deliverer.deliver(
      { url: resolveTargetUrl(rule.targetUrl, row.path), method: row.method, headers: row.headers, body: row.body },
      { kind: 'forward', requestId, label: row.eventType, retry }
    )
  }
}
