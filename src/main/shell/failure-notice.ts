// Which captured deliveries deserve a desktop notification, and how often. Plain code (no electron)
// so it is unit-tested; shell/notifications.ts shows what this decides with Electron's Notification.
// Only deliveries whose signature check failed (invalid or stale) count, only while the window is in
// the background and the user opted in; a flood gives one notification per interval, not thousands.
import type { RequestSummary, VerdictStatus } from '../../shared/types'

export const NOTIFIED_VERDICTS: readonly VerdictStatus[] = ['invalid', 'stale']
export const DEFAULT_NOTICE_INTERVAL_MS = 60_000
const MAX_TEXT = 180

export interface Notice {
  title: string
  body: string
  /** The newest failed delivery, so a click can show it. */
  requestId: number
}

export interface NoticeContext {
  enabled: boolean
  windowFocused: boolean
}

export class FailureNotices {
  private lastShownAt: number | null = null
  /** Failures seen but not notified (inside the interval); the next notice counts them. */
  private unseen = 0

  constructor(
    private readonly intervalMs = DEFAULT_NOTICE_INTERVAL_MS,
    private readonly now: () => number = Date.now
  ) {}

  /** Looks at one batch of captured deliveries; returns what to show, or null. */
  observe(batch: readonly RequestSummary[], context: NoticeContext): Notice | null {
    if (!context.enabled || context.windowFocused) {
      // The user is looking at the list (or wants no notices): nothing is waiting to be told.
      this.unseen = 0
      return null
    }
    let latest: RequestSummary | null = null
    let failed = 0
    for (const summary of batch) {
      if (!NOTIFIED_VERDICTS.includes(summary.verdict.status)) continue
      failed++
      latest = summary
    }
    if (!latest) return null
    this.unseen += failed
    const now = this.now()
    if (this.lastShownAt !== null && now - this.lastShownAt < this.intervalMs) return null
    const notice = describe(latest, this.unseen)
    this.lastShownAt = now
    this.unseen = 0
    return notice
  }

  /** The window came to the front: the user sees the failures there. */
  windowFocused(): void {
    this.unseen = 0
  }
}

function clip(text: string): string {
  // One line, bounded: the text comes partly from the delivery (event type, path), i.e. from anyone.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim()
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line
}

function describe(latest: RequestSummary, count: number): Notice {
  const what = `${latest.provider ?? 'Unknown sender'} ${latest.eventType ?? `${latest.method} ${latest.path}`}`
  const why = latest.verdict.status === 'stale' ? 'timestamp too old' : 'signature does not match'
  return {
    title: count === 1 ? 'A delivery failed verification' : `${count} deliveries failed verification`,
    body: clip(count === 1 ? `${what}: ${why}.` : `Latest: ${what}: ${why}.`),
    requestId: latest.id
  }
}
