import { useEffect, useState } from 'react'
import type { ForwardRule } from '../../../../shared/api/outbound'
import { useStore } from '../../store'
import { DeliveryPanel } from './DeliveryPanel'
import { RetryProviderSelect } from './TargetPicker'
import './outbound.css'
import { type ErrorInfo } from '../../lib/errors'

/** "12 s ago", "3 min ago": when a rule last matched, at a glance (the exact time is the tooltip). */
function ago(at: number): string {
  const s = Math.max(0, Math.round((Date.now() - at) / 1000))
  if (s < 60) return `${s} s ago`
  if (s < 3600) return `${Math.round(s / 60)} min ago`
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`
  return new Date(at).toLocaleDateString()
}

const EMPTY = { targetUrl: '', endpoint: '', pathPrefix: '', eventType: '', retryProvider: '', timeCompression: '1' }

/** Live forwarding rules (endpoint / path prefix / event type -> target) and the handler's recent answers. */
export function ForwardingView(): React.JSX.Element {
  const rules = useStore((s) => s.rules)
  const forwards = useStore((s) => s.forwards)
  const loadOutbound = useStore((s) => s.loadOutbound)
  const loadForwards = useStore((s) => s.loadForwards)
  const saveRule = useStore((s) => s.saveRule)
  const deleteRule = useStore((s) => s.deleteRule)
  const [form, setForm] = useState(EMPTY)
  const endpoints = useStore((s) => s.endpoints)
  // Endpoints arrive with the providers (one load): until then, no rule is said to lack its endpoint.
  const endpointsLoaded = useStore((s) => s.providers.length > 0)
  const loadSignatures = useStore((s) => s.loadSignatures)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [warning, setWarning] = useState<string | null>(null)
  const [shownId, setShownId] = useState<number | null>(null)
  useEffect(() => {
    void loadOutbound()
    void loadForwards()
    void loadSignatures()
  }, [loadOutbound, loadForwards, loadSignatures])

  const add = async (): Promise<void> => {
    const outcome = await saveRule({
      targetUrl: form.targetUrl.trim(),
      endpoint: form.endpoint.trim() || null,
      pathPrefix: form.pathPrefix.trim() || null,
      eventType: form.eventType.trim() || null,
      retryProvider: form.retryProvider || null,
      timeCompression: Math.max(1, Number(form.timeCompression) || 1)
    })
    setError('error' in outcome ? outcome.error : null)
    setWarning('warning' in outcome ? outcome.warning : null)
    if (!('error' in outcome)) setForm(EMPTY)
  }
  const toggle = async (r: ForwardRule): Promise<void> => {
    const { id, targetUrl, endpoint, pathPrefix, eventType, retryProvider, timeCompression } = r
    const outcome = await saveRule({ id, targetUrl, endpoint, pathPrefix, eventType, retryProvider, timeCompression, enabled: !r.enabled })
    setError('error' in outcome ? outcome.error : null)
  }
  const field = (key: keyof typeof EMPTY, label: string, placeholder: string, title?: string): React.JSX.Element => (
    <label title={title}>
      {label}
      <input value={form[key]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`rule-${key}`} />
    </label>
  )

  return (
    <main className="forward-view" data-testid="forward-view">
      <h3>Live forwarding</h3>
      <p className="muted hint">
        Every delivery that matches a rule is also sent to its target, after Hookscope has answered the provider: a slow or dead handler never
        delays or fails a capture. Empty fields match anything; an event type is exact (<code>call.ended</code>) or a pattern where{' '}
        <code>*</code> stands for anything (<code>call.*</code>, <code>*</code>).
      </p>
      <table className="rules-table" data-testid="rules-table">
        <thead>
          <tr>
            <th>On</th>
            <th>Target</th>
            <th>Endpoint</th>
            <th>Path prefix</th>
            <th>Event type</th>
            <th>Retries</th>
            <th>Matched</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                No rules yet: nothing is forwarded.
              </td>
            </tr>
          )}
          {rules.map((r) => (
            <tr key={r.id} className={r.enabled ? '' : 'off'} data-testid="rule-row">
              <td>
                {r.id < 0 ? 'serve' : <input type="checkbox" checked={r.enabled} onChange={() => void toggle(r)} aria-label="Enabled" />}
              </td>
              <td className="mono">{r.targetUrl}</td>
              <td>
                {r.endpoint ?? 'any'}
                {endpointsLoaded && r.endpoint && !endpoints.some((e) => e.path === r.endpoint) && (
                  <div className="inline-warn" data-testid="rule-endpoint-gone">
                    This endpoint no longer exists: the rule matches nothing.
                  </div>
                )}
              </td>
              <td className="mono">{r.pathPrefix ?? 'any'}</td>
              <td className="mono">{r.eventType ?? 'any'}</td>
              <td>
                {r.retryProvider ? `${r.retryProvider} ÷${r.timeCompression}` : 'none'}
                {r.disabledReason && <div className="inline-warn">{r.disabledReason}</div>}
              </td>
              <td data-testid="rule-matched" title={r.lastMatchedAt ? new Date(r.lastMatchedAt).toLocaleString() : undefined}>
                {r.matchedCount === 0 ? (
                  <span className="muted">never</span>
                ) : (
                  <>
                    {r.matchedCount.toLocaleString()} <span className="muted">· last {r.lastMatchedAt ? ago(r.lastMatchedAt) : '—'}</span>
                  </>
                )}
              </td>
              <td>{r.id > 0 && <button className="danger-ghost" onClick={() => void deleteRule(r.id)}>Delete</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rule-form">
        {field('targetUrl', 'Target URL', 'http://localhost:3000/webhooks')}
        <label>
          Endpoint
          <select value={form.endpoint} onChange={(e) => setForm({ ...form, endpoint: e.target.value })} data-testid="rule-endpoint">
            <option value="">any</option>
            {endpoints.map((e) => (
              <option key={e.id} value={e.path}>
                {e.name && e.name !== e.path ? `${e.name} (${e.path})` : e.path}
              </option>
            ))}
          </select>
        </label>
        {field('pathPrefix', 'Path prefix', '/callpaymin')}
        {field('eventType', 'Event type', 'call.* or call.ended')}
        <label>
          Retry like
          <RetryProviderSelect value={form.retryProvider} onChange={(retryProvider) => setForm({ ...form, retryProvider })} testId="rule-retryProvider" />
        </label>
        {field('timeCompression', 'Retry speed-up', '1', "The provider's retry delays are divided by this: 60 turns a 1-minute wait into 1 second")}
        <button className="primary" onClick={() => void add()} disabled={!form.targetUrl.trim()} data-testid="rule-add">
          Add rule
        </button>
      </div>
      {warning && (
        <div className="inline-warn" role="status" data-testid="rule-warning">
          Saved. {warning}
        </div>
      )}
      <DeliveryPanel error={error} errorTestId="rule-error" deliveries={forwards} shownId={shownId} newestByDefault onOpen={setShownId} title="Recent forwards" />
    </main>
  )
}
