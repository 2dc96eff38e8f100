import type { CallFlag } from '../../../../shared/api/calls'

const TONE: Record<CallFlag, string> = { 'out-of-order': 'warn', duplicate: 'info', 'missing-final': 'bad', 'late-answer': 'bad' }
const MEANING: Record<CallFlag, string> = {
  'out-of-order': 'An event arrived after one that belongs later in the call.',
  duplicate: 'The same event was delivered again.',
  'missing-final': 'No terminal event (ended, hung up, failed) arrived, long after the last delivery.',
  'late-answer': "Hookscope answered after the provider's deadline: the provider counts it as a failure."
}

/** A call's (or a delivery's) flags as small badges; the meaning is the tooltip. */
export function FlagBadges({ flags, compact = false }: { flags: CallFlag[]; compact?: boolean }): React.JSX.Element | null {
  if (flags.length === 0) return null
  return (
    <span className="call-flags">
      {flags.map((f) => (
        <span key={f} className={`badge badge-${TONE[f]}`} title={MEANING[f]} data-testid="call-flag" data-flag={f}>
          {compact ? SHORT[f] : f}
        </span>
      ))}
    </span>
  )
}

const SHORT: Record<CallFlag, string> = { 'out-of-order': 'order', duplicate: 'dup', 'missing-final': 'end?', 'late-answer': 'late' }
