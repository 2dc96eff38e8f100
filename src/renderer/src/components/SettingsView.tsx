import { useEffect, useState } from 'react'
import { fromForm, toForm, type SettingsForm } from '../lib/settings-form'
import { isDesktop } from '../services/api'
import { useStore } from '../store'
import { StorageCard } from './StorageCard'
import { OutcomeNote, type Outcome } from './ErrorNote'
import { localError } from '../lib/errors'

function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  )
}

/** The receiver's answer to every delivery, the body limit, and where things live. */
export function SettingsView(): React.JSX.Element {
  const settings = useStore((s) => s.settings)
  const info = useStore((s) => s.info)
  // Kept live from pushed events (info's count is read once, when the view opens).
  const stored = useStore((s) => s.totalCount)
  const updateSettings = useStore((s) => s.updateSettings)
  const setNotice = useStore((s) => s.setNotice)
  const refreshInfo = useStore((s) => s.refreshInfo)
  const [form, setForm] = useState<SettingsForm | null>(settings ? toForm(settings) : null)
  const [message, setMessage] = useState<Outcome | null>(null)
  // The box follows the click at once; the saved setting takes over when the engine has answered.
  const [notifyPending, setNotifyPending] = useState<boolean | null>(null)
  const notifyOn = notifyPending ?? settings?.notifyFailedVerification ?? false
  useEffect(() => {
    void refreshInfo()
  }, [refreshInfo])
  // Settings that arrive after the first render seed the form once, while rendering (no effect round trip).
  if (settings && !form) setForm(toForm(settings))
  if (!form) return <main className="settings empty">Loading settings…</main>
  const edit = (patch: Partial<SettingsForm>): void => {
    setForm({ ...form, ...patch })
    setMessage(null)
  }
  const toggleNotify = async (on: boolean): Promise<void> => {
    setNotifyPending(on)
    const error = await updateSettings({ notifyFailedVerification: on })
    if (error) setNotice(error)
    setNotifyPending(null)
  }
  const save = async (): Promise<void> => {
    const parsed = fromForm(form)
    if (!parsed.ok) return setMessage({ ok: false, error: localError('invalid_input', parsed.error) })
    // Rules by event type are edited per endpoint; keep any the global answer already has.
    const rules = settings?.response.rules
    const error = await updateSettings(rules ? { ...parsed.settings, response: { ...parsed.settings.response, rules } } : parsed.settings)
    setMessage(error ? { ok: false, error } : { ok: true, text: 'Saved. The next delivery gets this answer.' })
  }

  return (
    <main className="settings" data-testid="settings-view">
      <section className="settings-card">
        <h2>Receiver</h2>
        <dl className="facts">
          <dt>Receiver URL</dt>
          <dd data-testid="settings-receiver">{info?.receiverUrl ?? '-'}</dd>
          <dt>Database</dt>
          <dd data-testid="settings-db">{info?.dbPath ?? '-'}</dd>
          <dt>Stored requests</dt>
          <dd data-testid="settings-stored">{info ? stored.toLocaleString() : '-'}</dd>
          <dt>Version</dt>
          <dd>{info?.version ?? '-'}</dd>
        </dl>
      </section>
      <section className="settings-card">
        <h2>Notifications</h2>
        <label className="check-row">
          <input
            type="checkbox"
            checked={notifyOn}
            onChange={(e) => void toggleNotify(e.target.checked)}
            data-testid="settings-notify-failed"
            data-saved={notifyPending === null ? String(settings?.notifyFailedVerification ?? false) : 'pending'}
          />
          Notify me when a delivery fails verification (invalid signature or stale timestamp) while the window is in the background
        </label>
        <p className="muted" data-testid="settings-notify-hint">
          {isDesktop()
            ? 'One system notification at most per minute, however many fail; clicking it brings the window forward.'
            : 'Desktop app only: the browser UI shows no system notifications.'}
        </p>
      </section>
      <section className="settings-card">
        <h2>Answer to every delivery</h2>
        <p className="muted">Make the provider see an error or a timeout and watch it retry.</p>
        <div className="field-row">
          <Field label="Status">
            <input value={form.status} onChange={(e) => edit({ status: e.target.value })} data-testid="settings-status" inputMode="numeric" />
          </Field>
          <Field label="Delay (ms)" hint="Wait before answering">
            <input value={form.delayMs} onChange={(e) => edit({ delayMs: e.target.value })} data-testid="settings-delay" inputMode="numeric" />
          </Field>
          <Field label="Body limit (MiB)" hint="Larger bodies get 413">
            <input value={form.bodyLimitMiB} onChange={(e) => edit({ bodyLimitMiB: e.target.value })} data-testid="settings-limit" />
          </Field>
        </div>
        <Field label="Headers" hint="One per line: Name: value">
          <textarea rows={3} value={form.headers} onChange={(e) => edit({ headers: e.target.value })} data-testid="settings-headers" spellCheck={false} />
        </Field>
        <Field label="Body">
          <textarea rows={5} value={form.body} onChange={(e) => edit({ body: e.target.value })} data-testid="settings-body" spellCheck={false} />
        </Field>
        <label className="row muted">
          <input type="checkbox" checked={form.template} onChange={(e) => edit({ template: e.target.checked })} data-testid="settings-template" style={{ height: 'auto' }} />
          Template: the body and header values read the request ({'{{body.data.call_id}}'}, {'{{header.x-request-id}}'}, {'{{query.x}}'}), escaped for the Content-Type
        </label>
        <div className="row">
          <button className="primary" onClick={() => void save()} data-testid="settings-save">
            Save
          </button>
          <button className="ghost" onClick={() => settings && edit(toForm(settings))}>
            Revert
          </button>
          <OutcomeNote outcome={message} testId="settings-message" />
        </div>
      </section>
      <StorageCard />
    </main>
  )
}
