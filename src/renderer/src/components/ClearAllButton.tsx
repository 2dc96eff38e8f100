import { useState } from 'react'
import { useStore } from '../store'

/** Deleting every capture cannot be undone, so it asks first (inline, no native dialog). */
export function ClearAllButton(): React.JSX.Element {
  const [asking, setAsking] = useState(false)
  const clearRequests = useStore((s) => s.clearRequests)
  const empty = useStore((s) => s.requests.length === 0)
  if (!asking) {
    return (
      <button className="danger-ghost" disabled={empty} onClick={() => setAsking(true)} data-testid="clear-all">
        Clear all
      </button>
    )
  }
  return (
    <span className="confirm" role="alertdialog" aria-label="Confirm clear all" data-testid="clear-confirm">
      Delete every capture?
      <button
        className="danger"
        autoFocus
        data-testid="clear-confirm-yes"
        onClick={() => {
          setAsking(false)
          void clearRequests()
        }}
      >
        Delete all
      </button>
      <button onClick={() => setAsking(false)} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        Cancel
      </button>
    </span>
  )
}
