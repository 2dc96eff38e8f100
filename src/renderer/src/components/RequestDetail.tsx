import { useState } from 'react'
import { useStore } from '../store'
import { base64ToBytes, formatBytes } from '../lib/format'

type Tab = 'body' | 'headers'

export function RequestDetail(): React.JSX.Element {
  const selected = useStore((s) => s.selected)
  const error = useStore((s) => s.selectedError)
  const [tab, setTab] = useState<Tab>('body')
  if (error) return <div className="detail empty">{error}</div>
  if (!selected) return <div className="detail empty">Select a request to inspect it.</div>
  const bytes = base64ToBytes(selected.bodyBase64)
  let text = new TextDecoder().decode(bytes)
  try {
    text = JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    /* not JSON: shown as text */
  }
  return (
    <div className="detail" data-testid="request-detail">
      <div className="detail-title">
        <span className={`method-${selected.method.toLowerCase()}`}>{selected.method}</span> {selected.path}
        <span className="muted"> · {formatBytes(selected.bodySize)}</span>
      </div>
      <div className="tabs" role="tablist">
        {(['body', 'headers'] as Tab[]).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} data-testid={`tab-${t}`} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      {tab === 'body' && (
        <pre className="body-text" data-testid="body-view">
          {text}
        </pre>
      )}
      {tab === 'headers' && (
        <table className="headers" data-testid="headers-view">
          <tbody>
            {selected.headers.map(([name, value], i) => (
              <tr key={i}>
                <td className="header-name">{name}</td>
                <td className="header-value">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
