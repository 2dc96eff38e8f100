import { useInspectorKeys } from '../hooks/useInspectorKeys'
import { RequestDetail } from './detail/RequestDetail'
import { FilterBar } from './FilterBar'
import { RequestList } from './RequestList'

export function InspectorView(): React.JSX.Element {
  useInspectorKeys()
  return (
    <main className="panes">
      <section className="list-pane">
        <FilterBar />
        <RequestList />
      </section>
      <RequestDetail />
    </main>
  )
}
