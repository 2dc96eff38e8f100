import { useEffect } from 'react'
import { useStore } from '../../store'
import { ForgeDeliveryPanel } from './ForgeDeliveryPanel'
import { ForgeReportCard } from './ForgeReportCard'
import './forge.css'
import { ErrorNote } from '../ErrorNote'
import { useNow } from '../../hooks/useNow'

/** "· waiting for an answer to 'valid' (12 s)": ticks once a second so a slow target is visibly slow. */
function WaitingFor({ label, since }: { label: string; since: number | null }): React.JSX.Element {
  const now = useNow(true)
  const seconds = since ? Math.floor((now - since) / 1000) : 0
  return (
    <span className="muted">
      {' '}
      · waiting for an answer to “{label}”{seconds >= 1 ? ` (${seconds} s)` : ''}
    </span>
  )
}

/** Forge test: the report card on whether the user's handler rejects forged deliveries and survives real ones. */
export function ForgeView(): React.JSX.Element {
  const providers = useStore((s) => s.forgeProviders)
  const form = useStore((s) => s.forgeForm)
  const live = useStore((s) => s.forgeLive)
  const report = useStore((s) => s.forgeReport)
  const history = useStore((s) => s.forgeHistory)
  const error = useStore((s) => s.forgeError)
  const delivery = useStore((s) => s.forgeDelivery)
  const loadForge = useStore((s) => s.loadForge)
  const setForm = useStore((s) => s.setForgeForm)
  const start = useStore((s) => s.startForge)
  const cancel = useStore((s) => s.cancelForge)
  const openRun = useStore((s) => s.openForgeRun)

  useEffect(() => {
    void loadForge()
  }, [loadForge])

  const provider = providers.find((p) => p.id === form.provider)
  const running = live !== null
  const targets = [...new Set(history.map((h) => h.targetUrl))]
  const runs = history.filter((h) => h.targetUrl === report?.targetUrl || h.targetUrl === form.targetUrl.trim())

  return (
    <div className="forge-view" data-testid="forge-view">
      <form
        className="forge-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!running) void start()
        }}
      >
        <label className="field forge-target">
          <span className="field-label">Your handler's URL</span>
          <input
            className="mono"
            list="forge-targets"
            placeholder="http://localhost:3000/webhooks"
            value={form.targetUrl}
            onChange={(e) => setForm({ targetUrl: e.target.value })}
            data-testid="forge-target"
          />
          <datalist id="forge-targets">
            {targets.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field-label">Provider</span>
          <select value={form.provider} onChange={(e) => setForm({ provider: e.target.value })} data-testid="forge-provider">
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Secret your handler verifies with</span>
          <input
            type="password"
            autoComplete="off"
            className="mono"
            disabled={provider ? !provider.signs : false}
            placeholder={provider && !provider.signs ? `${provider.name} does not sign` : 'empty: the secret stored for this provider'}
            value={form.secret}
            onChange={(e) => setForm({ secret: e.target.value })}
            data-testid="forge-secret"
          />
        </label>
        <button type="submit" className="primary forge-run" disabled={running || !form.targetUrl.trim()} data-testid="forge-run">
          {running ? 'Running…' : 'Run forge test'}
        </button>
        <p className="field-hint forge-hint">
          Sends real deliveries (valid, forged, tampered, malformed, stale, bursts) to this URL and judges each answer. Point it only at a
          handler you own.{provider ? ` ${provider.name} waits ${provider.retry.timeoutMs / 1000} s for an answer and sends ${provider.methods.join(', ')}.` : ''}
        </p>
      </form>

      <ErrorNote error={error} testId="forge-error" />

      {live && (
        <div className="forge-progress" data-testid="forge-progress">
          <progress max={live.total || 1} value={live.done} />
          <span data-testid="forge-current">
            {live.current ? (
              <>
                check {live.current.index} of {live.total}: <strong>{live.current.title}</strong>
                {live.current.delivery && <WaitingFor label={live.current.delivery} since={live.currentSince} />}
              </>
            ) : (
              `${live.done} / ${live.total || '…'} checks`
            )}
          </span>
          <button type="button" className="ghost" onClick={() => void cancel()} disabled={live.cancelling} data-testid="forge-cancel">
            {live.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
      {live && live.checks.length > 0 && (
        <ol className="forge-live" data-testid="forge-live">
          {live.checks.map((c) => (
            <li key={c.id} className={`forge-o-${c.outcome}`}>
              <span className="forge-live-outcome">{c.outcome}</span> {c.title} <span className="muted mono">{c.observed}</span>
            </li>
          ))}
        </ol>
      )}

      {report && <ForgeReportCard report={report} />}

      {runs.length > 1 && (
        <div className="forge-history" data-testid="forge-history">
          <span className="field-label">Earlier runs for this target</span>
          {runs.map((r) => (
            <button key={r.id} className={r.id === report?.id ? 'ghost current' : 'ghost'} onClick={() => void openRun(r.id)}>
              {new Date(r.startedAt).toLocaleString()} · {r.providerName} · {r.score}/100
            </button>
          ))}
        </div>
      )}

      {!report && !live && !error && (
        <div className="empty">Pick your handler's URL, the provider and the secret, then run the suite: every check says what it sent, what came back and how to fix it.</div>
      )}

      {delivery && <ForgeDeliveryPanel delivery={delivery} />}
    </div>
  )
}
