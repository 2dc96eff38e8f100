import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import type { RequestSummary } from '../../../shared/types'
import { useStore } from '../store'
import { formatBytes, formatTime } from '../lib/format'
import { TunnelTag } from './tunnel/TunnelTag'
import { EmptyList } from './EmptyList'
import { VerdictBadge } from './VerdictBadge'

const ROW_HEIGHT = 26
const rowHeight = (): number => ROW_HEIGHT

function statusTone(status: number | null): string {
  if (status === null) return 'muted'
  return status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'good'
}

/** One row; memoized so a live arrival re-renders only rows whose data or selection changed. */
const Row = memo(function Row({ r, selected, start }: { r: RequestSummary; selected: boolean; start: number }): React.JSX.Element {
  return (
    <div
      role="option"
      aria-selected={selected}
      data-testid="request-row"
      data-id={r.id}
      className={'request-row' + (selected ? ' selected' : '')}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => void useStore.getState().select(r.id)}
    >
      <span className={`col-method method method-${r.method.toLowerCase()}`}>{r.method}</span>
      <span className="col-path" title={r.path}>
        <TunnelTag via={r.viaTunnel} />
        {r.path}
      </span>
      <span className="col-provider">{r.provider ?? '-'}</span>
      <span className="col-event" title={r.eventType ?? undefined}>
        {r.eventType ?? '-'}
      </span>
      <span className="col-verdict">
        <VerdictBadge verdict={r.verdict} />
      </span>
      <span className={`col-status status ${statusTone(r.responseStatus)}`}>{r.responseStatus ?? '-'}</span>
      <span className="col-size">{formatBytes(r.bodySize)}</span>
      <span className="col-time" title={new Date(r.receivedAt).toISOString()}>
        {formatTime(r.receivedAt)}
      </span>
    </div>
  )
})

export function RequestList(): React.JSX.Element {
  const requests = useStore((s) => s.requests)
  const selectedId = useStore((s) => s.selectedId)
  const hasMore = useStore((s) => s.hasMore)
  const loadMore = useStore((s) => s.loadMore)
  const parentRef = useRef<HTMLDivElement>(null)
  // Stable callbacks: the virtualizer recomputes every row's offset when they change (O(rows) per render).
  const getItemKey = useCallback((index: number) => requests[index].id, [requests])
  const virtualizer = useVirtualizer({
    count: requests.length,
    getScrollElement: () => parentRef.current,
    estimateSize: rowHeight,
    getItemKey,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const last = items[items.length - 1]

  useEffect(() => {
    if (last && hasMore && last.index >= requests.length - 50) void loadMore()
  }, [last?.index, hasMore, requests.length, loadMore])

  // Live arrivals go on top; when the user has scrolled down, keep what they are reading in place.
  const firstId = useRef<number | null>(null)
  useLayoutEffect(() => {
    const el = parentRef.current
    const previous = firstId.current
    firstId.current = requests[0]?.id ?? null
    if (!el || previous === null || el.scrollTop === 0 || requests[0]?.id === previous) return
    const added = requests.findIndex((r) => r.id === previous)
    if (added > 0) el.scrollTop += added * ROW_HEIGHT
  }, [requests])

  // Keyboard navigation moves the selection; keep it on screen.
  useEffect(() => {
    if (selectedId === null) return
    const index = requests.findIndex((r) => r.id === selectedId)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedId]) // eslint-disable-line react-hooks/exhaustive-deps -- only when the selection moves

  return (
    <div className="request-list" data-testid="request-list" role="listbox" aria-label="Captured requests">
      <div className="request-list-header">
        <span className="col-method">Method</span>
        <span className="col-path">Path</span>
        <span className="col-provider">Provider</span>
        <span className="col-event">Event</span>
        <span className="col-verdict">Verdict</span>
        <span className="col-status">Status</span>
        <span className="col-size">Size</span>
        <span className="col-time">Time</span>
      </div>
      <div className="request-list-scroll" ref={parentRef}>
        {requests.length === 0 && <EmptyList />}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = requests[item.index]
            return <Row key={r.id} r={r} selected={r.id === selectedId} start={item.start} />
          })}
        </div>
      </div>
    </div>
  )
}
