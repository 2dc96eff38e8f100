import { useInspectorKeys } from '../hooks/useInspectorKeys'
import { useStore } from '../store'
import { RequestDetail } from './detail/RequestDetail'
import { DiffView } from './diff/DiffView'
import { FilterBar } from './FilterBar'
import { RequestList } from './RequestList'

export function InspectorView(): React.JSX.Element {
  useInspectorKeys()
  const diffing = useStore((s) => s.diff !== null)
  return (
    <main className="panes">
      <section className="list-pane">
        <FilterBar />
        <RequestList />
      </section>
      {diffing ? <DiffView /> : <RequestDetail />}
    </main>
  )
}
