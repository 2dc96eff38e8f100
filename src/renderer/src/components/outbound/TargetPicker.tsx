import { formatMs } from '../../../../shared/format'
import { useStore } from '../../store'

/** A target URL: typed, or picked from the saved ones; "Save" keeps it for next time. */
export function TargetPicker({ value, onChange }: { value: string; onChange: (url: string) => void }): React.JSX.Element {
  const targets = useStore((s) => s.targets)
  const saveTarget = useStore((s) => s.saveTarget)
  const deleteTarget = useStore((s) => s.deleteTarget)
  const saved = targets.find((t) => t.url === value)
  return (
    <div className="target-picker">
      <input
        className="grow mono"
        list="hookscope-targets"
        placeholder="http://localhost:3000/webhooks"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="target-url"
        aria-label="Target URL"
      />
      <datalist id="hookscope-targets">
        {targets.map((t) => (
          <option key={t.id} value={t.url}>
            {t.name}
          </option>
        ))}
      </datalist>
      {saved ? (
        <button className="ghost" onClick={() => void deleteTarget(saved.id)} title="Forget this saved target" data-testid="target-forget">
          Forget
        </button>
      ) : (
        <button className="ghost" disabled={!/^https?:\/\/\S+/.test(value)} onClick={() => void saveTarget(value)} data-testid="target-save">
          Save target
        </button>
      )}
    </div>
  )
}

export interface RetryChoice {
  provider: string
  timeCompression: number
}

/** Providers that retry, by name; '' is "no retries". */
export function RetryProviderSelect({ value, onChange, testId }: { value: string; onChange: (id: string) => void; testId: string }): React.JSX.Element {
  const catalog = useStore((s) => s.catalog)
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">no retries</option>
      {catalog
        .filter((p) => p.retry.delaysMs.length > 0)
        .map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
    </select>
  )
}

/** Optional provider retry simulation: redeliver on that provider's schedule while the target fails. */
export function RetryOptions({ value, onChange }: { value: RetryChoice | null; onChange: (v: RetryChoice | null) => void }): React.JSX.Element {
  const catalog = useStore((s) => s.catalog)
  const policy = catalog.find((p) => p.id === value?.provider)?.retry
  return (
    <div className="retry-options">
      <label>
        Retry like{' '}
        <RetryProviderSelect
          value={value?.provider ?? ''}
          onChange={(provider) => onChange(provider ? { provider, timeCompression: value?.timeCompression ?? 60 } : null)}
          testId="retry-provider"
        />
      </label>
      {value && (
        <label title="The provider's retry delays are divided by this: 60 turns a 1-minute wait into 1 second">
          speed-up ×{' '}
          <input
            className="narrow"
            inputMode="numeric"
            value={value.timeCompression}
            onChange={(e) => onChange({ ...value, timeCompression: Math.max(1, Number(e.target.value) || 1) })}
            data-testid="retry-compression"
          />
        </label>
      )}
      {policy && (
        <span className="muted" data-testid="retry-schedule">
          {policy.delaysMs.map((d) => formatMs(d / (value?.timeCompression ?? 1))).join(' → ')}
        </span>
      )}
    </div>
  )
}
