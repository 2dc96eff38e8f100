import { memo, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { RequestSummary } from '../../../shared/types'
import type { CallFlag, CallSummary } from '../../../shared/api/calls'
import { callKey, type CallKey } from '../store/calls-slice'
import { FlagBadges } from './calls/FlagBadges'
import { useStore } from '../store'
import { formatBytes } from '../../../shared/format'
import { formatListTime, statusTone } from '../lib/format'
import { TunnelTag } from './tunnel/TunnelTag'
import { EmptyList } from './EmptyList'
import { SearchNotice } from './SearchNotice'
import { VerdictBadge } from './VerdictBadge'

const ROW_HEIGHT = 26
const OVERSCAN = 12

/**
 * One row; memoized on its data and selection only. Rows sit in normal flow inside a window that is
 * moved as a whole, so a live arrival (which shifts every row's index) re-renders none of them.
 */
const Row = memo(function Row({ r, selected, call }: { r: RequestSummary; selected: boolean; call: CallSummary | null | undefined }): React.JSX.Element {
  return (
    <div
      role="option"
      aria-selected={selected}
      data-testid="request-row"
      data-id={r.id}
      className={'request-row' + (selected ? ' selected' : '')}
      onClick={(e) => rowClicked(r.id, e.shiftKey)}
    >
      <PinToggle id={r.id} pinned={r.pinned} />
      <span className={`col-method method method-${r.method.toLowerCase()}`}>{r.method}</span>
      <span className="col-path" title={`#${r.id} ${r.path}`}>
        <TunnelTag via={r.viaTunnel} />
        {r.path}
      </span>
      <span className="col-provider">{r.provider ?? '-'}</span>
      <span className="col-event" title={r.eventType ?? undefined}>
        {r.eventType ?? '-'}
      </span>
      <span className="col-call" data-testid="request-call">
        {r.callId !== null && (
          <span className="call-id-text" title={`Call ${r.callId}`}>
            {shortCallId(r.callId)}
          </span>
        )}
        <FlagBadges flags={rowFlags(r, call)} compact />
        {r.callId !== null && (
          // A small target at the column's end: a click anywhere else on the row still selects it.
          <button
            className="call-open"
            title={`Open the timeline of call ${r.callId}`}
            aria-label="Open the call's timeline"
            data-testid="open-call"
            onClick={(e) => {
              e.stopPropagation()
              useStore.getState().openCall({ provider: r.provider ?? '', callId: r.callId as string })
            }}
          >
            ↗
          </button>
        )}
      </span>
      <span className="col-verdict">
        <VerdictBadge verdict={r.verdict} />
      </span>
      <span className={`col-status status ${statusTone(r.responseStatus, 'muted')}`}>{r.responseStatus ?? '-'}</span>
      <span className="col-size">{formatBytes(r.bodySize, 'cell')}</span>
      <span className="col-time" title={new Date(r.receivedAt).toISOString()}>
        {formatListTime(r.receivedAt)}
      </span>
    </div>
  )
})

/** A click selects; with a capture picked for comparison (or with Shift), it opens the diff instead. */
function rowClicked(id: number, shift: boolean): void {
  const s = useStore.getState()
  const from = s.compareFrom ?? (shift ? s.selectedId : null)
  if (from !== null && from !== id) {
    void s.compare(from, id)
    return
  }
  if (s.diff) s.closeDiff()
  void s.select(id)
}

function shortCallId(id: string): string {
  return id.length > 9 ? '…' + id.slice(-7) : id
}

/** The flags of this delivery within its call, and the call's missing-final on its last delivery. */
function rowFlags(r: RequestSummary, call: CallSummary | null | undefined): CallFlag[] {
  if (!call) return []
  const d = call.deliveries.find((x) => x.id === r.id)
  const flags = d ? [...d.flags] : []
  if (call.flags.includes('missing-final') && call.deliveries[call.deliveries.length - 1]?.id === r.id) flags.push('missing-final')
  return flags
}

/** Pinned captures are kept whatever the retention caps. */
export function PinToggle({ id, pinned }: { id: number; pinned: boolean }): React.JSX.Element {
  return (
    <button
      className={'pin-toggle' + (pinned ? ' on' : '')}
      data-testid="pin-toggle"
      aria-pressed={pinned}
      aria-label={pinned ? 'Unpin' : 'Pin'}
      title={pinned ? 'Pinned: retention keeps it. Click to unpin.' : 'Pin: retention will never prune it'}
      onClick={(e) => {
        e.stopPropagation()
        void useStore.getState().pinRequest(id, !pinned)
      }}
    >
      {pinned ? '★' : '☆'}
    </button>
  )
}

export function RequestList(): React.JSX.Element {
  const requests = useStore((s) => s.requests)
  const selectedId = useStore((s) => s.selectedId)
  const hasMore = useStore((s) => s.hasMore)
  const loadMore = useStore((s) => s.loadMore)
  const callCache = useStore((s) => s.callCache)
  const compareFrom = useStore((s) => s.compareFrom)
  // The banner names the first pick by what the list shows, since the list shows no ids.
  const compareWith = compareFrom === null ? undefined : requests.find((r) => r.id === compareFrom)
  const parentRef = useRef<HTMLDivElement>(null)
  // Rows have one fixed height, so the visible window is arithmetic on the scroll offset: no per-row
  // measurement, which with 100k rows cost O(rows) on every live batch.
  const [view, setView] = useState({ top: 0, height: 0 })
  const readView = (): void => {
    const el = parentRef.current
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }))
  }
  useLayoutEffect(() => {
    const el = parentRef.current!
    readView()
    // Scrolling renders the new window before the frame paints, so a fast scroll never shows blank rows.
    const onScroll = (): void => flushSync(readView)
    el.addEventListener('scroll', onScroll, { passive: true })
    const resize = new ResizeObserver(readView)
    resize.observe(el)
    return () => {
      el.removeEventListener('scroll', onScroll)
      resize.disconnect()
    }
  }, [])

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN)
  const end = Math.min(requests.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN)

  useEffect(() => {
    if (end > 0 && hasMore && end > requests.length - 50) void loadMore()
  }, [end, hasMore, requests.length, loadMore])

  // Live arrivals go on top; when the user has scrolled down, keep what they are reading in place.
  // The window follows at once (before paint), so the rows never blink while the scroll event is due.
  const firstId = useRef<number | null>(null)
  useLayoutEffect(() => {
    const el = parentRef.current
    const previous = firstId.current
    firstId.current = requests[0]?.id ?? null
    if (!el || previous === null || requests[0]?.id === previous || el.scrollTop === 0) return
    const added = requests.findIndex((r) => r.id === previous)
    if (added <= 0) return
    el.scrollTop += added * ROW_HEIGHT
    readView()
  }, [requests])

  // Keyboard navigation moves the selection; keep it on screen (when the selection moves, not the list).
  const scrollToSelected = useEffectEvent((id: number | null) => {
    const el = parentRef.current
    if (id === null || !el) return
    const index = requests.findIndex((r) => r.id === id)
    if (index < 0) return
    const top = index * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight
  })
  useEffect(() => {
    scrollToSelected(selectedId)
  }, [selectedId])

  // The calls of the rows on screen, for their flags (fetched once, refreshed as their deliveries arrive).
  useEffect(() => {
    const keys: CallKey[] = []
    for (let i = first; i < end; i++) {
      const r = requests[i]
      if (r?.callId) keys.push({ provider: r.provider ?? '', callId: r.callId })
    }
    if (keys.length) useStore.getState().ensureCalls(keys)
  }, [first, end, requests])

  const rows: React.JSX.Element[] = []
  for (let i = first; i < end; i++) {
    const r = requests[i]
    const call = r.callId === null ? null : callCache[callKey(r.provider, r.callId)]
    rows.push(<Row key={r.id} r={r} selected={r.id === selectedId} call={call} />)
  }
  return (
    <div className="request-list" data-testid="request-list" role="listbox" aria-label="Captured requests">
      <div className="request-list-header">
        <span className="col-pin" aria-label="Pinned" />
        <span className="col-method">Method</span>
        <span className="col-path">Path</span>
        <span className="col-provider">Provider</span>
        <span className="col-event">Event</span>
        <span className="col-call">Call</span>
        <span className="col-verdict">Verdict</span>
        <span className="col-status">Status</span>
        <span className="col-size">Size</span>
        <span className="col-time">Time</span>
      </div>
      <SearchNotice />
      {compareFrom !== null && (
        <div className="compare-banner" data-testid="compare-banner">
          Pick a capture to compare with #{compareFrom}
          {compareWith && ` (${compareWith.method} ${compareWith.path}${compareWith.eventType ? ` · ${compareWith.eventType}` : ''})`}
          <button className="link" onClick={() => useStore.getState().cancelCompare()}>
            Cancel
          </button>
        </div>
      )}
      <div className="request-list-scroll" ref={parentRef}>
        {requests.length === 0 && <EmptyList />}
        <div style={{ height: requests.length * ROW_HEIGHT, position: 'relative' }}>
          <div className="request-rows" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
            {rows}
          </div>
        </div>
      </div>
    </div>
  )
}
