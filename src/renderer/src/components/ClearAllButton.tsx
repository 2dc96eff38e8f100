import { useState } from 'react'
import { useStore } from '../store'
import { activeFilters } from '../store/requests-slice'
import { countText } from './ListActions'

/**
 * Deleting cannot be undone, so it asks first (inline, no native dialog). With a filter on it deletes
 * only what the filters match, and says so; without one, every capture, with the real total.
 */
export function ClearAllButton(): React.JSX.Element {
  const [asking, setAsking] = useState(false)
  const clearRequests = useStore((s) => s.clearRequests)
  const deleteFiltered = useStore((s) => s.deleteFiltered)
  const filtered = useStore((s) => Object.keys(activeFilters(s.filters)).length > 0)
  const shown = useStore((s) => s.requests.length)
  const hasMore = useStore((s) => s.hasMore)
  const total = useStore((s) => s.totalCount)
  const empty = filtered ? shown === 0 : total === 0
  if (!asking) {
    return (
      <button className="danger-ghost" disabled={empty} onClick={() => setAsking(true)} data-testid="clear-all">
        {filtered ? 'Delete filtered' : 'Clear all'}
      </button>
    )
  }
  const question = filtered
    ? `Delete the ${countText(shown, hasMore).replace(/requests?$/, (w) => `filtered ${w}`)}? Captures the filters hide stay.`
    : `Delete every capture (${countText(total, false)})?`
  return (
    <span className="confirm" role="alertdialog" aria-label={filtered ? 'Confirm delete filtered' : 'Confirm clear all'} data-testid="clear-confirm">
      {question}
      <button
        className="danger"
        autoFocus
        data-testid="clear-confirm-yes"
        onClick={() => {
          setAsking(false)
          void (filtered ? deleteFiltered() : clearRequests())
        }}
      >
        {filtered ? 'Delete filtered' : 'Delete all'}
      </button>
      <button onClick={() => setAsking(false)} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        Cancel
      </button>
    </span>
  )
}
