import { useStore } from '../store'

/**
 * A text search is answered by the engine's full-text index, so deliveries arriving after it ran are
 * not added to the list live; this says how many there are (and how many the index has not reached
 * yet during a flood) and re-runs the search on request.
 */
export function SearchNotice(): React.JSX.Element | null {
  const search = useStore((s) => s.filters.search)
  const arrived = useStore((s) => s.newDuringSearch)
  const unindexed = useStore((s) => s.unindexed)
  const loadRequests = useStore((s) => s.loadRequests)
  if (!search || (arrived === 0 && unindexed === 0)) return null
  const parts: string[] = []
  if (arrived > 0) parts.push(`${arrived.toLocaleString()} new ${arrived === 1 ? 'delivery' : 'deliveries'} since this search`)
  if (unindexed > 0) parts.push(`the newest ${unindexed.toLocaleString()} are still being indexed and not searched yet`)
  const text = parts.join('; ')
  return (
    <div className="search-notice" role="status" data-testid="search-notice">
      <span>{text.charAt(0).toUpperCase() + text.slice(1)}.</span>
      <button className="link" onClick={() => void loadRequests()} data-testid="search-refresh">
        Search again
      </button>
    </div>
  )
}
