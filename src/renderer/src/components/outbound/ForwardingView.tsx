import { useEffect, useState } from 'react'
import type { ForwardRule } from '../../../../shared/api/outbound'
import { useStore } from '../../store'
import { DeliveryPanel } from './DeliveryPanel'
import { RetryProviderSelect } from './TargetPicker'
import './outbound.css'

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
  const [error, setError] = useState<string | null>(null)
  const [shownId, setShownId] = useState<number | null>(null)
  useEffect(() => {
    void loadOutbound()
    void loadForwards()
  }, [loadOutbound, loadForwards])

  const add = async (): Promise<void> => {
    const problem = await saveRule({
      targetUrl: form.targetUrl.trim(),
      endpoint: form.endpoint.trim() || null,
      pathPrefix: form.pathPrefix.trim() || null,
      eventType: form.eventType.trim() || null,
      retryProvider: form.retryProvider || null,
      timeCompression: Math.max(1, Number(form.timeCompression) || 1)
    })
    setError(problem)
    if (!problem) setForm(EMPTY)
  }
  const toggle = (r: ForwardRule): void => {
    const { id, targetUrl, endpoint, pathPrefix, eventType, retryProvider, timeCompression } = r
    void saveRule({ id, targetUrl, endpoint, pathPrefix, eventType, retryProvider, timeCompression, enabled: !r.enabled })
  }
  const field = (key: keyof typeof EMPTY, label: string, placeholder: string): React.JSX.Element => (
    <label>
      {label}
      <input value={form[key]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`rule-${key}`} />
    </label>
  )

  return (
    <main className="forward-view" data-testid="forward-view">
      <h3>Live forwarding</h3>
      <p className="muted hint">
        Every delivery that matches a rule is also sent to its target, after Hookscope has answered the provider: a slow or dead handler never
        delays or fails a capture. Empty fields match anything.
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
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No rules yet: nothing is forwarded.
              </td>
            </tr>
          )}
          {rules.map((r) => (
            <tr key={r.id} className={r.enabled ? '' : 'off'} data-testid="rule-row">
              <td>
                {r.id < 0 ? 'serve' : <input type="checkbox" checked={r.enabled} onChange={() => toggle(r)} aria-label="Enabled" />}
              </td>
              <td className="mono">{r.targetUrl}</td>
              <td>{r.endpoint ?? 'any'}</td>
              <td className="mono">{r.pathPrefix ?? 'any'}</td>
              <td>{r.eventType ?? 'any'}</td>
              <td>
                {r.retryProvider ? `${r.retryProvider} ÷${r.timeCompression}` : 'none'}
                {r.disabledReason && <div className="inline-warn">{r.disabledReason}</div>}
              </td>
              <td>{r.id > 0 && <button className="danger-ghost" onClick={() => void deleteRule(r.id)}>Delete</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rule-form">
        {field('targetUrl', 'Target URL', 'http://localhost:3000/webhooks')}
        {field('endpoint', 'Endpoint', 'any')}
        {field('pathPrefix', 'Path prefix', '/callpaymin')}
        {field('eventType', 'Event type', 'call.ended')}
        <label>
          Retry like
          <RetryProviderSelect value={form.retryProvider} onChange={(retryProvider) => setForm({ ...form, retryProvider })} testId="rule-retryProvider" />
        </label>
        {field('timeCompression', 'Time ÷', '1')}
        <button className="primary" onClick={() => void add()} disabled={!form.targetUrl.trim()} data-testid="rule-add">
          Add rule
        </button>
      </div>
      <DeliveryPanel error={error} errorTestId="rule-error" deliveries={forwards} shownId={shownId} newestByDefault onOpen={setShownId} title="Recent forwards" />
    </main>
  )
}
