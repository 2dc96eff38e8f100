import { useStore } from '../store'
import { activeFilters } from '../store/requests-slice'
import { ExportImport } from './outbound/ExportImport'

/** "N requests" as the list knows it: exact once every match is loaded, "N+" while older ones may match. */
export function countText(n: number, more: boolean): string {
  return `${n.toLocaleString()}${more ? '+' : ''} ${n === 1 && !more ? 'request' : 'requests'}`
}

/** Export and import beside the list, saying exactly what they act on: the filtered matches, or everything. */
export function ListActions(): React.JSX.Element {
  const filters = useStore((s) => s.filters)
  const shown = useStore((s) => s.requests.length)
  const hasMore = useStore((s) => s.hasMore)
  const total = useStore((s) => s.totalCount)
  const active = activeFilters(filters)
  const filtered = Object.keys(active).length > 0
  const label = filtered ? `Export ${countText(shown, hasMore).replace(/requests?$/, (w) => `filtered ${w}`)}:` : `Export all ${countText(total, false)}:`
  return (
    <div className="list-actions">
      <ExportImport selection={{ filters: active }} label={label} disabled={filtered ? shown === 0 : total === 0} allowImport />
    </div>
  )
}
