import { useState } from 'react'
import { useStore } from '../../store'
import { formatBytes } from '../../lib/format'
import { DETAIL_TABS } from './tabs'

export function RequestDetail(): React.JSX.Element {
  const selected = useStore((s) => s.selected)
  const error = useStore((s) => s.selectedError)
  const [tabId, setTabId] = useState(DETAIL_TABS[0].id)
  if (error) return <div className="detail empty">{error}</div>
  if (!selected) return <div className="detail empty">Select a request to inspect it.</div>
  const tab = DETAIL_TABS.find((t) => t.id === tabId) ?? DETAIL_TABS[0]
  const Tab = tab.component
  return (
    <div className="detail" data-testid="request-detail">
      <div className="detail-title">
        <span className={`method-${selected.method.toLowerCase()}`}>{selected.method}</span> {selected.path}
        <span className="muted"> · {formatBytes(selected.bodySize)}</span>
      </div>
      <div className="tabs" role="tablist">
        {DETAIL_TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab.id === t.id} data-testid={`tab-${t.id}`} onClick={() => setTabId(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <Tab request={selected} />
    </div>
  )
}
