import type { CallDelivery, CallSummary } from '../../../../shared/api/calls'
import { formatDateTime, formatDuration, statusTone } from '../../lib/format'
import { useStore } from '../../store'
import { FlagBadges } from './FlagBadges'

function offset(ms: number): string {
  return ms < 1000 ? `+${Math.round(ms)} ms` : ms < 120_000 ? `+${(ms / 1000).toFixed(1)} s` : `+${Math.round(ms / 60_000)} min`
}

/** The answer time against the provider's deadline, as a bar: full width is the deadline. */
function AnswerBar({ d, deadlineMs }: { d: CallDelivery; deadlineMs: number | null }): React.JSX.Element {
  if (d.answerMs === null) return <span className="muted">no answer</span>
  const share = deadlineMs ? Math.min(1, d.answerMs / deadlineMs) : 0
  const late = d.flags.includes('late-answer')
  return (
    <span className="answer-time" title={deadlineMs ? `Answered in ${formatDuration(d.answerMs)}; the provider waits ${formatDuration(deadlineMs)}.` : undefined}>
      <span className={late ? 'bad' : ''}>{formatDuration(d.answerMs)}</span>
      {deadlineMs !== null && (
        <>
          <span className="muted"> / {formatDuration(deadlineMs)}</span>
          <span className="deadline-bar">
            <span className={late ? 'deadline-fill late' : 'deadline-fill'} style={{ width: `${Math.max(2, share * 100)}%` }} />
          </span>
        </>
      )}
    </span>
  )
}

/** One call's deliveries in arrival order: state, answer and deadline, repeats linked to the first. */
export function CallTimeline({ call }: { call: CallSummary }): React.JSX.Element {
  const openRequest = (id: number): void => {
    useStore.getState().setView('inspector')
    void useStore.getState().select(id)
  }
  return (
    <div className="call-timeline" data-testid="call-timeline" data-call={call.callId}>
      <div className="call-head">
        <div>
          <div className="call-title">
            <span className="muted">{call.provider}</span> <span className="mono">{call.callId}</span>
          </div>
          <div className="muted small">
            {formatDateTime(call.firstAt)} · {call.deliveries.length} {call.deliveries.length === 1 ? 'delivery' : 'deliveries'} · state <strong data-testid="call-state">{call.state ?? '-'}</strong>
            {call.ended ? ' (ended)' : ''}
            {call.deadlineMs !== null && ` · provider waits ${formatDuration(call.deadlineMs)} for an answer`}
          </div>
        </div>
        <span className="spacer" />
        <FlagBadges flags={call.flags} />
      </div>
      {call.truncated && <div className="inline-warn">This call has more deliveries than are shown here (the first 1,000).</div>}
      <ol className="call-events">
        {call.deliveries.map((d) => (
          <li key={d.id} className={d.repeatOf ? 'call-event repeat' : 'call-event'} data-testid="call-delivery" data-id={d.id}>
            <span className="call-dot" data-tone={d.flags.length ? 'flagged' : 'ok'} />
            <span className="call-offset mono">{offset(d.receivedAt - call.firstAt)}</span>
            <span className="call-event-type mono">{d.eventType ?? '(no event type)'}</span>
            <span className={`badge badge-${statusTone(d.responseStatus, 'quiet')}`}>{d.responseStatus ?? '-'}</span>
            <AnswerBar d={d} deadlineMs={call.deadlineMs} />
            <FlagBadges flags={d.flags} />
            {d.repeatOf !== null && (
              <span className="muted small call-repeat" data-testid="call-repeat">
                {d.repeat} of{' '}
                <button className="link" onClick={() => openRequest(d.repeatOf as number)}>
                  #{d.repeatOf}
                </button>
              </span>
            )}
            <span className="call-actions">
              {d.repeatOf !== null && (
                <button
                  className="ghost"
                  data-testid="call-compare-first"
                  onClick={() => {
                    useStore.getState().setView('inspector')
                    void useStore.getState().select(d.id)
                    void useStore.getState().compare(d.repeatOf as number, d.id)
                  }}
                >
                  Compare with #{d.repeatOf}
                </button>
              )}
              <button className="ghost" data-testid="call-open-request" onClick={() => openRequest(d.id)}>
                Open #{d.id}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
