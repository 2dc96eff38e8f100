import { useEffect, useState } from 'react'
import { formatListTime } from '../../lib/format'
import { useStore } from '../../store'
import { CALLS_PAGE, callKey } from '../../store/calls-slice'
import { Splitter, useListWidth } from '../Splitter'
import { CallTimeline } from './CallTimeline'
import { FlagBadges } from './FlagBadges'
import './calls.css'

/** missing-final depends on the clock, not only on arrivals. */
const CLOCK_REFRESH_MS = 30_000

/** Deliveries grouped by call, newest call first; the selected call's timeline beside the list. */
export function CallsView(): React.JSX.Element {
  const calls = useStore((s) => s.calls)
  const loaded = useStore((s) => s.callsLoaded)
  const hasMore = useStore((s) => s.callsHasMore)
  // The same list/detail divider as the inspector's (and the same remembered width).
  const [width, setWidth] = useListWidth()
  const style = width === null ? undefined : ({ '--list-width': `${width}px` } as React.CSSProperties)
  const provider = useStore((s) => s.callsProvider)
  const missingFinal = useStore((s) => s.missingFinalMinutes)
  const selected = useStore((s) => s.selectedCall)
  const cached = useStore((s) => (s.selectedCall ? s.callCache[callKey(s.selectedCall.provider, s.selectedCall.callId)] : null))
  const providers = useStore((s) => s.providers)
  // The providers whose definitions say where they keep a call id (engine: calls/call-id.ts).
  const withCalls = providers.filter((p) => p.callId.length > 0)
  useEffect(() => {
    if (providers.length === 0) void useStore.getState().loadSignatures()
  }, [providers.length])
  useEffect(() => {
    void useStore.getState().loadCalls()
    const timer = setInterval(() => void useStore.getState().loadCalls(), CLOCK_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])
  const current = (selected && calls.find((c) => c.provider === selected.provider && c.callId === selected.callId)) || cached || null
  useEffect(() => {
    // A call opened from the request list that is not among those loaded is fetched on its own.
    if (selected && loaded && !current) useStore.getState().ensureCalls([selected])
  }, [selected, loaded, current])

  return (
    <main className="panes calls-view" style={style} data-testid="calls-view">
      <section className="list-pane">
        <div className="filter-bar">
          <div className="filter-row">
            <select value={provider} onChange={(e) => useStore.getState().setCallsProvider(e.target.value)} aria-label="Provider" data-testid="calls-provider">
              <option value="">All providers</option>
              {withCalls.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <label className="muted small" title="A call with no terminal event this long after its last delivery is flagged missing-final">
              missing-final after{' '}
              <MinutesInput value={missingFinal} />{' '}
              min
            </label>
            <span className="spacer" />
            <span className="muted small" data-testid="calls-count">
              {calls.length}
              {hasMore ? '+' : ''} {calls.length === 1 && !hasMore ? 'call' : 'calls'} · live
            </span>
          </div>
        </div>
        {calls.length > 0 && (
          <div className="call-row call-list-header" aria-hidden="true" data-testid="call-list-header">
            <span>provider</span>
            <span>call</span>
            <span>state</span>
            <span title="deliveries">#</span>
            <span>flags</span>
            <span className="call-time">last</span>
          </div>
        )}
        <div className="call-list" role="listbox" aria-label="Calls" data-testid="call-list">
          {loaded && calls.length === 0 && (
            <div className="empty-state" data-testid="calls-empty">
              <h3>{provider ? `No ${provider} calls` : 'No calls yet'}</h3>
              <p className="muted">
                Deliveries from providers that keep a call id are grouped here by call{withCalls.length > 0 ? `: ${withCalls.map((p) => p.name).join(', ')}.` : '.'}
              </p>
              {provider && (
                <button onClick={() => useStore.getState().setCallsProvider('')} data-testid="calls-all-providers">
                  Show all providers
                </button>
              )}
            </div>
          )}
          {calls.map((c) => {
            const isSelected = selected?.provider === c.provider && selected.callId === c.callId
            return (
              <div
                key={callKey(c.provider, c.callId)}
                role="option"
                aria-selected={isSelected}
                className={'call-row' + (isSelected ? ' selected' : '')}
                data-testid="call-row"
                data-call={c.callId}
                onClick={() => useStore.getState().selectCall({ provider: c.provider, callId: c.callId })}
              >
                <span className="muted">{c.provider}</span>
                <span className="mono call-id" title={c.callId}>
                  {c.callId}
                </span>
                <span className="mono">{c.state ?? '-'}</span>
                <span className="muted">{c.deliveries.length}</span>
                <span>
                  <FlagBadges flags={c.flags} compact />
                </span>
                <span className="muted mono call-time">{formatListTime(c.lastAt)}</span>
              </div>
            )
          })}
          {hasMore && (
            <button className="ghost load-older" onClick={() => useStore.getState().showOlderCalls()} data-testid="calls-older">
              Show {CALLS_PAGE} older calls
            </button>
          )}
        </div>
      </section>
      {/* .panes has three columns (list, splitter, detail): without the splitter the timeline fell into the 5 px one. */}
      <Splitter width={width} onChange={setWidth} />
      {current ? (
        <section className="detail">
          <CallTimeline call={current} />
        </section>
      ) : (
        <section className="detail detail-empty">
          <p>{selected ? 'Loading the call…' : 'Select a call to see its timeline.'}</p>
        </section>
      )}
    </main>
  )
}

/**
 * The missing-final threshold as typed: the field may be emptied on the way to another number (a field
 * that snapped back to the last valid value turned "30" typed over "10" into "130"); valid values apply
 * as typed, and leaving the field shows the value in force.
 */
function MinutesInput({ value }: { value: number }): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <input
      type="number"
      min={1}
      max={1440}
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value)
        const n = Math.round(Number(e.target.value))
        if (e.target.value.trim() !== '' && n >= 1 && n <= 1440) useStore.getState().setMissingFinalMinutes(n)
      }}
      onBlur={() => setDraft(null)}
      aria-label="Minutes before missing-final"
      data-testid="missing-final-minutes"
      style={{ width: 56 }}
    />
  )
}
