import type { Verdict, VerdictStatus } from '../../../shared/types'

const TONE: Record<VerdictStatus, string> = {
  valid: 'good',
  invalid: 'bad',
  missing: 'bad',
  stale: 'warn',
  unsigned: 'neutral',
  'no-secret': 'info',
  unknown: 'quiet'
}

/** The signature verdict as a small coloured badge; its detail sentence is the tooltip. */
export function VerdictBadge({ verdict }: { verdict: Verdict | null | undefined }): React.JSX.Element {
  if (!verdict) return <span className="muted">-</span>
  const tone = TONE[verdict.status] ?? 'quiet'
  return (
    <span className={`badge badge-${tone}`} title={verdict.detail} data-testid="verdict-badge" data-status={verdict.status}>
      {verdict.status}
    </span>
  )
}
