import { useEffect } from 'react'
import { useStore } from '../../store'
import { formatMs, statusTone } from '../../lib/outbound-form'

/** The attempts of one simulated-retry group, with the offset of each from the first. */
export function Timeline({ groupId }: { groupId: string }): React.JSX.Element | null {
  const attempts = useStore((s) => s.timelines[groupId])
  const loadTimeline = useStore((s) => s.loadTimeline)
  useEffect(() => {
    void loadTimeline(groupId)
  }, [groupId, loadTimeline])
  if (!attempts?.length) return null
  const start = attempts[0].createdAt
  return (
    <ol className="timeline" data-testid="retry-timeline">
      {attempts.map((a) => (
        <li key={a.id} data-testid="retry-attempt">
          <span className="mono">#{a.attempt}</span>
          <span className="muted">+{formatMs(a.createdAt - start)}</span>
          <span className={`badge badge-${statusTone(a.responseStatus)}`}>{a.responseStatus ?? a.errorKind}</span>
          {a.error && <span className="muted">{a.error}</span>}
        </li>
      ))}
    </ol>
  )
}
