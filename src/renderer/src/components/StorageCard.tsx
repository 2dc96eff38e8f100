import { useEffect, useState } from 'react'
import { formatBytes } from '../../../shared/format'
import { fromLimitsForm, toLimitsForm, type LimitsForm } from '../lib/limits-form'
import { useStore } from '../store'
import { OutcomeNote, type Outcome } from './ErrorNote'
import { localError } from '../lib/errors'

const REFRESH_MS = 2000

function NumberField({ label, hint, value, onChange, testId }: { label: string; hint: string; value: string; onChange: (v: string) => void; testId: string }): React.JSX.Element {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} inputMode="numeric" />
      <span className="field-hint">{hint}</span>
    </label>
  )
}

/** Retention caps, the free-disk guard and flood limits, with what the database holds against them. */
export function StorageCard(): React.JSX.Element | null {
  const settings = useStore((s) => s.settings)
  const storage = useStore((s) => s.storage)
  const refreshStorage = useStore((s) => s.refreshStorage)
  const updateSettings = useStore((s) => s.updateSettings)
  const [form, setForm] = useState<LimitsForm | null>(settings ? toLimitsForm(settings) : null)
  const [message, setMessage] = useState<Outcome | null>(null)
  useEffect(() => {
    void refreshStorage()
    const timer = setInterval(() => void refreshStorage(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [refreshStorage])
  // Settings that arrive after the first render seed the form once, while rendering (no effect round trip).
  if (settings && !form) setForm(toLimitsForm(settings))
  if (!form) return null
  const edit = (patch: Partial<LimitsForm>): void => {
    setForm({ ...form, ...patch })
    setMessage(null)
  }
  const save = async (): Promise<void> => {
    const parsed = fromLimitsForm(form)
    if (!parsed.ok) return setMessage({ ok: false, error: localError('invalid_input', parsed.error) })
    const error = await updateSettings(parsed.settings)
    if (error) return setMessage({ ok: false, error })
    void refreshStorage()
    setMessage({ ok: true, text: 'Saved. Caps and limits apply now.' })
  }
  const cap = (storage?.retention.maxSizeMb ?? 0) * 1024 * 1024
  const share = storage && cap > 0 ? Math.min(1, storage.usedBytes / cap) : 0

  return (
    <section className="settings-card" data-testid="storage-card">
      <h2>Storage and limits</h2>
      <p className="muted">The oldest captures are pruned in the background to stay within the caps; pinned (★) ones are always kept.</p>
      {storage && (
        <>
          <div className={'storage-meter' + (share >= 1 ? ' full' : '')} aria-hidden="true">
            <div style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
          <dl className="facts" data-testid="storage-facts">
            <dt>Used</dt>
            <dd data-testid="storage-used">
              {formatBytes(storage.usedBytes, 'cell')}
              {cap > 0 ? ` of ${formatBytes(cap, 'cell')}` : ' (no size cap)'}
              {storage.retention.maxAgeDays > 0 ? ` · captures older than ${storage.retention.maxAgeDays} days are pruned` : ' · no age cap'}
            </dd>
            <dt>On disk</dt>
            <dd data-testid="storage-file">
              {formatBytes(storage.fileBytes, 'cell')} + {formatBytes(storage.walBytes, 'cell')} write-ahead log
              {!storage.shrinks && ' · this database was made before retention: freed space is reused, the file does not shrink'}
            </dd>
            <dt>Pinned / pruned</dt>
            <dd data-testid="storage-pruned">
              {storage.pinnedCount.toLocaleString()} pinned · {storage.prunedCount.toLocaleString()} pruned since start
            </dd>
            <dt>Free disk</dt>
            <dd data-testid="storage-disk" className={storage.diskLow ? 'inline-error' : undefined}>
              {storage.diskFreeBytes === null ? 'unknown' : formatBytes(storage.diskFreeBytes, 'cell')}
              {storage.diskLow && ` · under ${storage.minFreeDiskMb} MB: deliveries are answered 503 and not stored`}
            </dd>
            <dt>Refused</dt>
            <dd data-testid="storage-refused">
              {storage.refused.rateLimited.toLocaleString()} over the rate limit (429) · {storage.refused.diskLow.toLocaleString()} for lack of disk (503), not stored
            </dd>
          </dl>
        </>
      )}
      <div className="field-row">
        <NumberField label="Size cap (MB)" hint="0 = no cap" value={form.maxSizeMb} onChange={(v) => edit({ maxSizeMb: v })} testId="settings-max-size" />
        <NumberField label="Age cap (days)" hint="0 = keep forever" value={form.maxAgeDays} onChange={(v) => edit({ maxAgeDays: v })} testId="settings-max-age" />
        <NumberField label="Min. free disk (MB)" hint="Below it: 503" value={form.minFreeDiskMb} onChange={(v) => edit({ minFreeDiskMb: v })} testId="settings-min-free" />
      </div>
      <div className="field-row">
        <NumberField label="Tunnel rate (req/s)" hint="Per client; 0 = off; beyond: 429" value={form.tunnelPerSecond} onChange={(v) => edit({ tunnelPerSecond: v })} testId="settings-rate-tunnel" />
        <NumberField label="Local rate (req/s)" hint="Per client; 0 = off (default)" value={form.localPerSecond} onChange={(v) => edit({ localPerSecond: v })} testId="settings-rate-local" />
      </div>
      <div className="row">
        <button className="primary" onClick={() => void save()} data-testid="storage-save">
          Save
        </button>
        <OutcomeNote outcome={message} testId="storage-message" />
      </div>
    </section>
  )
}
