import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { useStore } from '../store'
import { formatBytes, formatTime } from '../lib/format'
import { TunnelTag } from './tunnel/TunnelTag'

const ROW_HEIGHT = 28

export function RequestList(): React.JSX.Element {
  const requests = useStore((s) => s.requests)
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  const hasMore = useStore((s) => s.hasMore)
  const loadMore = useStore((s) => s.loadMore)
  const parentRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: requests.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20
  })
  const items = virtualizer.getVirtualItems()
  const last = items[items.length - 1]

  useEffect(() => {
    if (last && hasMore && last.index >= requests.length - 50) void loadMore()
  }, [last?.index, hasMore, requests.length, loadMore])

  return (
    <div className="request-list" data-testid="request-list" role="listbox" aria-label="Captured requests">
      <div className="request-list-header">
        <span className="col-method">Method</span>
        <span className="col-path">Path</span>
        <span className="col-size">Size</span>
        <span className="col-time">Time</span>
      </div>
      <div className="request-list-scroll" ref={parentRef}>
        {requests.length === 0 && <div className="empty">No requests yet. Send one to the receiver URL above.</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = requests[item.index]
            return (
              <div
                key={r.id}
                role="option"
                aria-selected={r.id === selectedId}
                data-testid="request-row"
                data-id={r.id}
                className={'request-row' + (r.id === selectedId ? ' selected' : '')}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => void select(r.id)}
              >
                <span className={`col-method method-${r.method.toLowerCase()}`}>{r.method}</span>
                <span className="col-path" title={r.path}>
                  <TunnelTag via={r.viaTunnel} />
                  {r.path}
                </span>
                <span className="col-size">{formatBytes(r.bodySize)}</span>
                <span className="col-time">{formatTime(r.receivedAt)}</span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
