import { useEffect, useState } from 'react'
import { VERDICT_STATUSES, type VerdictStatus } from '../../../shared/types'
import { EVENT_TYPE_MAX_CHARS, SEARCH_MAX_CHARS } from '../../../shared/api/core'
import { useDebouncedEffect } from '../hooks/useDebounced'
import { useStore } from '../store'
import { ClearAllButton } from './ClearAllButton'
import { countText } from './ListActions'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']
const DEBOUNCE_MS = 200

/** Text search (full text in the engine) and exact filters above the request list. */
export function FilterBar(): React.JSX.Element {
  const filters = useStore((s) => s.filters)
  const setFilters = useStore((s) => s.setFilters)
  const count = useStore((s) => s.requests.length)
  const hasMore = useStore((s) => s.hasMore)
  const total = useStore((s) => s.totalCount)
  // Provider ids come from the engine's registry (80+ presets), loaded once with the signatures data.
  const providers = useStore((s) => s.providers)
  const loadSignatures = useStore((s) => s.loadSignatures)
  useEffect(() => {
    if (providers.length === 0) void loadSignatures()
  }, [providers.length, loadSignatures])
  const [search, setSearch] = useState(filters.search ?? '')
  const [eventType, setEventType] = useState(filters.eventType ?? '')
  const [status, setStatus] = useState(filters.responseStatus ? String(filters.responseStatus) : '')

  useDebouncedEffect(search, DEBOUNCE_MS, (v) => setFilters({ search: v.trim() || undefined }))
  useDebouncedEffect(eventType, DEBOUNCE_MS, (v) => setFilters({ eventType: v.trim() || undefined }))
  useDebouncedEffect(status, DEBOUNCE_MS, (v) => {
    const n = Number(v)
    setFilters({ responseStatus: Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined })
  })

  const active = Object.values(filters).some((v) => v !== undefined && v !== '')
  // An explicit reset (here or the empty list's button) empties the inputs. Deriving this from "no
  // filter is active" raced with typing: clearing the search made the filters empty 200 ms later, which
  // wiped whatever had been typed meanwhile into another input ("call.ended" became "all.ended").
  // The inputs are adjusted while rendering (React's "adjust state when a prop changes"), not in an effect.
  const resets = useStore((s) => s.filtersResetCount)
  const [seenResets, setSeenResets] = useState(resets)
  if (resets !== seenResets) {
    setSeenResets(resets)
    setSearch('')
    setEventType('')
    setStatus('')
  }
  const reset = (): void => useStore.getState().resetFilters()

  return (
    <div className="filter-bar" data-testid="filter-bar">
      <div className="filter-row">
        <input
          id="search"
          className="search"
          type="search"
          placeholder="Search bodies, headers, paths   /"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          maxLength={SEARCH_MAX_CHARS}
          onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLInputElement).blur()}
          data-testid="search"
          aria-label="Search"
          spellCheck={false}
        />
        <span className="muted small nowrap" data-testid="request-count">
          {active ? `${countText(count, hasMore)} ${count === 1 && !hasMore ? 'matches' : 'match'}` : countText(total, false)}
        </span>
        <ClearAllButton />
      </div>
      <div className="filter-row">
        <select value={filters.method ?? ''} onChange={(e) => setFilters({ method: e.target.value || undefined })} data-testid="filter-method" aria-label="Method">
          <option value="">Any method</option>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          className="status-input"
          inputMode="numeric"
          placeholder="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value.replace(/\D/g, '').slice(0, 3))}
          data-testid="filter-status"
          aria-label="Answer status"
        />
        <select
          value={filters.verdict ?? ''}
          onChange={(e) => setFilters({ verdict: (e.target.value || undefined) as VerdictStatus | undefined })}
          data-testid="filter-verdict"
          aria-label="Verdict"
        >
          <option value="">Any verdict</option>
          {VERDICT_STATUSES.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        <select value={filters.provider ?? ''} onChange={(e) => setFilters({ provider: e.target.value || undefined })} data-testid="filter-provider" aria-label="Provider">
          <option value="">Any provider</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
            </option>
          ))}
        </select>
        <input
          className="event-input"
          placeholder="Event type starts with…"
          title="Shows captures whose event type starts with this text (call. finds call.started and call.ended)"
          value={eventType}
          onChange={(e) => setEventType(e.target.value)}
          maxLength={EVENT_TYPE_MAX_CHARS}
          data-testid="filter-event"
          aria-label="Event type prefix"
          spellCheck={false}
        />
        {active && (
          <button className="ghost" onClick={reset} data-testid="filter-reset">
            Reset
          </button>
        )}
      </div>
    </div>
  )
}
