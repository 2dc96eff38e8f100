import type { ForgeCheckResult, ForgeExchange, ForgeOutcome, ForgeReport } from '../../../../shared/api/forge'
import { groupRepeatedErrors, type CheckGroup } from '../../../../shared/forge-groups'
import { useCopy } from '../../hooks/useCopy'
import { useStore } from '../../store'

const BADGE: Record<ForgeOutcome, { label: string; cls: string }> = {
  pass: { label: 'pass', cls: 'badge-good' },
  fail: { label: 'fail', cls: 'badge-bad' },
  warn: { label: 'warn', cls: 'badge-warn' },
  error: { label: 'no answer', cls: 'badge-bad' },
  skip: { label: 'skipped', cls: 'badge-quiet' }
}

const grade = (score: number): string => (score >= 90 ? 'good' : score >= 60 ? 'warn' : 'bad')

export function ForgeReportCard({ report }: { report: ForgeReport }): React.JSX.Element {
  const exportForge = useStore((s) => s.exportForge)
  const reportText = useStore((s) => s.forgeReportText)
  const { status, copy } = useCopy()
  const c = report.counts
  return (
    <section className="forge-card" data-testid="forge-report">
      <header className="forge-card-head">
        <div className={`forge-score forge-score-${grade(report.score)}`} data-testid="forge-score">
          {report.score}
          <small>/100</small>
        </div>
        <div className="forge-card-title">
          <div className="mono">{report.targetUrl}</div>
          <div className="muted">
            {report.providerName} · {c.pass} passed · {c.fail} failed · {c.warn} {c.warn === 1 ? 'warning' : 'warnings'} · {c.error} unanswered · {c.skip} skipped ·{' '}
            {new Date(report.startedAt).toLocaleString()}
          </div>
          {report.error && (
            <div className="forge-error">
              {report.status === 'cancelled' ? report.error : `The run did not finish: ${report.error}`}
            </div>
          )}
        </div>
        <span className="spacer" />
        {status && (
          <span className="muted" role="status">
            {status}
          </span>
        )}
        <button className="ghost" onClick={() => void copy('the report as Markdown', () => reportText('markdown'))} data-testid="forge-copy-md">
          Copy Markdown
        </button>
        <button className="ghost" onClick={() => void exportForge('json')} data-testid="forge-export-json">
          Export JSON
        </button>
        <button className="ghost" onClick={() => void exportForge('markdown')} data-testid="forge-export-md">
          Export Markdown
        </button>
      </header>
      {report.headline && (
        <div className="forge-headline" role="alert" data-testid="forge-headline">
          {report.headline}
        </div>
      )}
      <div className="forge-checks">
        {groupRepeatedErrors(report.checks).map((group) =>
          group.checks.length === 1 ? <CheckRow key={group.checks[0].id} check={group.checks[0]} /> : <GroupRow key={group.checks[0].id} group={group} />
        )}
      </div>
    </section>
  )
}

function CheckRow({ check }: { check: ForgeCheckResult }): React.JSX.Element {
  const badge = BADGE[check.outcome]
  return (
    <details className={`forge-check forge-o-${check.outcome}`} data-testid="forge-check" data-check-id={check.id} data-outcome={check.outcome}>
      <summary>
        <span className={`badge ${badge.cls}`}>{badge.label}</span>
        <span className="forge-check-title">{check.title}</span>
        <span className="forge-check-io">
          {check.outcome === 'skip' ? (
            <span className="muted">not run</span>
          ) : (
            <>
              <span className="muted">expected</span> {check.expected} <span className="muted">· got</span> <span className="mono">{check.observed}</span>
            </>
          )}
        </span>
        {check.advice && (
          <span className="forge-advice" data-testid="forge-advice">
            {check.advice}
          </span>
        )}
      </summary>
      {check.exchanges.length === 0 ? (
        <div className="muted forge-exchange">Nothing was sent for this check.</div>
      ) : (
        check.exchanges.map((e, i) => <Exchange key={i} exchange={e} />)
      )}
    </details>
  )
}

/** Several checks that all got the same "no answer": said once, with the checks it hit listed inside. */
function GroupRow({ group }: { group: CheckGroup }): React.JSX.Element {
  const first = group.checks[0]
  return (
    <details className="forge-check forge-o-error" data-testid="forge-check-group" data-count={group.checks.length}>
      <summary>
        <span className={`badge ${BADGE.error.cls}`}>{BADGE.error.label}</span>
        <span className="forge-check-title">{group.checks.length} checks</span>
        <span className="forge-check-io mono">{first.observed}</span>
        {first.advice && <span className="forge-advice">{first.advice}</span>}
      </summary>
      {group.checks.map((check) => (
        <CheckRow key={check.id} check={check} />
      ))}
    </details>
  )
}

const headerText = (headers: [string, string][]): string => headers.map(([n, v]) => `${n}: ${v}`).join('\n')

function Exchange({ exchange: e }: { exchange: ForgeExchange }): React.JSX.Element {
  const open = useStore((s) => s.openForgeDelivery)
  return (
    <div className="forge-exchange" data-testid="forge-exchange">
      <div className="forge-exchange-head">
        <strong>{e.label}</strong>
        <span className="muted">
          {e.sent.method} · {e.received.status ?? e.received.error} · {Math.round(e.received.durationMs)} ms
        </span>
        {e.deliveryId !== null && (
          <button className="ghost" onClick={() => void open(e.deliveryId)} data-testid="forge-open-delivery">
            Open delivery #{e.deliveryId}
          </button>
        )}
      </div>
      <div className="forge-exchange-body">
        <pre className="mono" data-testid="forge-sent">{`${e.sent.method} ${e.sent.url}\n${headerText(e.sent.headers)}\n\n${e.sent.body}`}</pre>
        <pre className="mono" data-testid="forge-received">
          {e.received.status !== null ? `HTTP ${e.received.status}\n${headerText(e.received.headers)}\n\n${e.received.body}` : e.received.error}
        </pre>
      </div>
    </div>
  )
}
