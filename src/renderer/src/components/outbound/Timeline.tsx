import { useEffect } from 'react'
import type { DeliverySummary } from '../../../../shared/api/outbound'
import { useNow } from '../../hooks/useNow'
import { useStore } from '../../store'
import { formatMs } from '../../../../shared/format'
import { formatClock, statusTone } from '../../lib/format'

/** The attempts of one simulated-retry group, with the offset of each from the first, and what comes next. */
export function Timeline({ groupId }: { groupId: string }): React.JSX.Element | null {
  const attempts = useStore((s) => s.timelines[groupId])
  const progress = useStore((s) => s.retryProgress[groupId])
  const loadTimeline = useStore((s) => s.loadTimeline)
  useEffect(() => {
    void loadTimeline(groupId)
  }, [groupId, loadTimeline])
  if (!attempts?.length) return null
  const start = attempts[0].createdAt
  return (
    <div className="timeline-box">
      {progress && <RetryStatus progress={progress} />}
      <ol className="timeline" data-testid="retry-timeline">
        {attempts.map((a) => (
          <li key={a.id} data-testid="retry-attempt">
            <span className="mono">#{a.attempt}</span>
            <span className="muted">+{formatMs(a.createdAt - start)}</span>
            <span className={`badge badge-${statusTone(a.responseStatus, 'bad')}`}>{a.responseStatus ?? a.errorKind}</span>
            {a.error && <span className="muted">{a.error}</span>}
          </li>
        ))}
      </ol>
    </div>
  )
}

/** One sentence on where the schedule stands; while another attempt is due, a live countdown to it. */
function RetryStatus({ progress }: { progress: DeliverySummary }): React.JSX.Element {
  const { attempt, nextAttemptAt, retry } = progress
  const waiting = retry?.outcome === 'will-retry' && nextAttemptAt !== null
  const now = useNow(waiting, 100)
  const of = retry ? ` of ${retry.maxAttempts}` : ''
  let text: string
  let tone = 'muted'
  switch (retry?.outcome) {
    case 'will-retry': {
      const left = (nextAttemptAt ?? now) - now
      text =
        left > 0
          ? `Attempt ${attempt}${of} failed. Attempt ${attempt + 1} in ${formatCountdown(left)} (at ${formatClock(nextAttemptAt!)}).`
          : `Attempt ${attempt}${of} failed. Sending attempt ${attempt + 1}…`
      tone = 'warn'
      break
    }
    case 'delivered':
      text = `Delivered on attempt ${attempt}${of}.`
      tone = 'good'
      break
    case 'gave-up':
      text = `Gave up after ${attempt} attempts: the provider's schedule has no retry left.`
      tone = 'bad'
      break
    case 'stopped':
      text = `Stopped after attempt ${attempt}${of}: redelivery was switched off (see the forwarding rule).`
      tone = 'bad'
      break
    default:
      text = ''
  }
  return (
    <div className={`retry-status ${tone}`} role="status" data-testid="retry-status" data-outcome={retry?.outcome}>
      {text}
    </div>
  )
}

function formatCountdown(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.ceil(ms / 1000)
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}
