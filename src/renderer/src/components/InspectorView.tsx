import { useInspectorKeys } from '../hooks/useInspectorKeys'
import { RequestDetail } from './detail/RequestDetail'
import { FilterBar } from './FilterBar'
import { ListActions } from './ListActions'
import { RequestList } from './RequestList'

export function InspectorView(): React.JSX.Element {
  useInspectorKeys()
  return (
    <main className="panes">
      <section className="list-pane">
        <FilterBar />
        <ListActions />
        <RequestList />
      </section>
      <RequestDetail />
    </main>
  )
}
