import type { CapturedRequest } from '../../../../shared/types'
import { formatBytes } from '../../../../shared/format'
import { formatDateTime, formatDuration } from '../../lib/format'
import { VerdictBadge } from '../VerdictBadge'

function Item({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }): React.JSX.Element {
  return (
    <div className="summary-item" data-testid={testId}>
      <span className="summary-label">{label}</span>
      <span className="summary-value">{children}</span>
    </div>
  )
}

function statusClass(status: number | null): string {
  if (status === null) return ''
  return status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'good'
}

/** The facts about a delivery at a glance, above the tabs. */
export function SummaryStrip({ request }: { request: CapturedRequest }): React.JSX.Element {
  const from = request.forwardedFor ?? request.remoteAddress ?? '-'
  return (
    <div className="summary-strip" data-testid="summary-strip">
      <Item label="Provider · event" testId="summary-provider">
        {request.provider || request.eventType ? `${request.provider ?? '-'} · ${request.eventType ?? '-'}` : '-'}
      </Item>
      <Item label="Signature" testId="summary-verdict">
        <VerdictBadge verdict={request.verdict} />
      </Item>
      <Item label="Answered" testId="summary-status">
        <span className={`status ${statusClass(request.responseStatus)}`}>{request.responseStatus ?? '-'}</span>
        {/* The time the sender waited for the answer, the configured delay included. */}
        <span className="muted" data-testid="summary-duration" title="How long the sender waited for this answer, from its request to the answer">
          {' '}
          in {formatDuration(request.durationMs)}
          {request.response && request.response.delayMs > 0 ? ` (${formatDuration(request.response.delayMs)} delay)` : ''}
        </span>
      </Item>
      <Item label="From">
        {from}
        {request.viaTunnel && <span className="pill">via tunnel</span>}
      </Item>
      <Item label="Received">{formatDateTime(request.receivedAt)}</Item>
      <Item label="Size">
        {formatBytes(request.bodySize, 'cell')}
        {request.contentEncoding && <span className="muted"> {request.contentEncoding}</span>}
      </Item>
      <Item label="SHA-256">
        <span className="hash" title={request.bodySha256}>
          {request.bodySha256.slice(0, 16)}…
        </span>
      </Item>
      {request.note && (
        <div className="summary-note" data-testid="summary-note">
          {request.note}
        </div>
      )}
    </div>
  )
}
