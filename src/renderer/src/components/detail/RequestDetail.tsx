import { useState } from 'react'
import { toBase64, toCurl } from '../../../../shared/curl'
import { loadBody } from '../../hooks/useBody'
import { useCopy } from '../../hooks/useCopy'
import { headersText } from '../../lib/http-text'
import { useStore } from '../../store'
import { SummaryStrip } from './SummaryStrip'
import { DETAIL_TABS } from './tabs'
import { ErrorNote } from '../ErrorNote'

export function RequestDetail(): React.JSX.Element {
  const selected = useStore((s) => s.selected)
  const selectedId = useStore((s) => s.selectedId)
  const error = useStore((s) => s.selectedError)
  const receiverUrl = useStore((s) => s.info?.receiverUrl ?? '')
  const deleteRequest = useStore((s) => s.deleteRequest)
  const pinRequest = useStore((s) => s.pinRequest)
  const previousMissing = useStore((s) => s.previousMissing)
  const [tabId, setTabId] = useState(DETAIL_TABS[0].id)
  const { status, copy } = useCopy()
  if (error) {
    return (
      <div className="detail empty">
        <ErrorNote error={error} testId="detail-error" />
      </div>
    )
  }
  // While the next request loads, the previous one stays (dimmed) rather than flashing an empty pane.
  const stale = selectedId !== null && selected?.id !== selectedId
  if (stale && !selected) {
    return (
      <div className="detail detail-empty" data-testid="detail-loading">
        <p>Loading request {selectedId}…</p>
      </div>
    )
  }
  if (!selected) {
    return (
      <div className="detail detail-empty" data-testid="detail-empty">
        <p>Select a request to inspect it.</p>
        <p className="muted">
          <kbd>↑</kbd> <kbd>↓</kbd> move through the list · <kbd>/</kbd> search · <kbd>Del</kbd> delete
        </p>
      </div>
    )
  }
  const tab = DETAIL_TABS.find((t) => t.id === tabId) ?? DETAIL_TABS[0]
  const Tab = tab.component
  const request = selected

  const copyBody = async (): Promise<string> => {
    const body = await loadBody(request, 'wire')
    return body.text ?? toBase64(body.bytes)
  }
  const copyCurl = async (): Promise<string> => {
    const body = await loadBody(request, 'wire')
    return toCurl({ method: request.method, url: receiverUrl + request.path, headers: request.headers, body: body.bytes })
  }

  return (
    <div className={stale ? 'detail stale' : 'detail'} data-testid="request-detail" data-id={request.id}>
      <div className="detail-title">
        <span className={`method method-${request.method.toLowerCase()}`}>{request.method}</span>
        <span className="detail-path" title={request.path}>
          {request.path}
        </span>
        <span className="spacer" />
        {status && (
          <span className="copy-status" data-testid="copy-status" role="status">
            {status}
          </span>
        )}
        <div className="segmented" role="group" aria-label="Copy">
          <button onClick={() => void copy('body', copyBody)} data-testid="copy-body" title="Copy the body (base64 when binary)">
            Copy body
          </button>
          <button onClick={() => void copy('headers', () => headersText(request.headers))} data-testid="copy-headers">
            Headers
          </button>
          <button onClick={() => void copy('as cURL', copyCurl)} data-testid="copy-curl" title="A cURL command that resends it to the receiver">
            cURL
          </button>
        </div>
        <div className="segmented" role="group" aria-label="Compare">
          <button onClick={() => useStore.getState().startCompare(request.id)} data-testid="compare-with" title="Then click another capture (or Shift-click one in the list)">
            Compare with…
          </button>
          {request.eventId && (
            <button onClick={() => void useStore.getState().compareWithPrevious(request.id)} data-testid="compare-previous" title="The latest earlier delivery of this event">
              Previous delivery
            </button>
          )}
        </div>
        {previousMissing === request.id && (
          <span className="muted" role="status" data-testid="previous-none">
            No earlier delivery of this event.
          </span>
        )}
        <button
          className={request.pinned ? 'ghost pinned' : 'ghost'}
          onClick={() => void pinRequest(request.id, !request.pinned)}
          data-testid="pin-request"
          aria-pressed={request.pinned}
          title={request.pinned ? 'Retention keeps this capture whatever the caps. Click to unpin.' : 'Keep this capture whatever the retention caps'}
        >
          {request.pinned ? '★ Pinned' : '☆ Pin'}
        </button>
        <button className="danger-ghost" onClick={() => void deleteRequest(request.id)} data-testid="delete-request" title="Delete (Del)">
          Delete
        </button>
      </div>
      <SummaryStrip request={request} />
      <div className="tabs" role="tablist">
        {DETAIL_TABS.map((t) => {
          const badge = t.badge?.(request) ?? null
          return (
            <button key={t.id} role="tab" aria-selected={tab.id === t.id} data-testid={`tab-${t.id}`} onClick={() => setTabId(t.id)}>
              {t.label}
              {badge !== null && <span className="tab-badge">{badge}</span>}
            </button>
          )
        })}
      </div>
      <div className="tab-panel" role="tabpanel">
        <Tab key={request.id} request={request} />
      </div>
    </div>
  )
}
