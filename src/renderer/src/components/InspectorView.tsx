import { useInspectorKeys } from '../hooks/useInspectorKeys'
import { useStore } from '../store'
import { RequestDetail } from './detail/RequestDetail'
import { DiffView } from './diff/DiffView'
import { FilterBar } from './FilterBar'
import { ListActions } from './ListActions'
import { RequestList } from './RequestList'
import { Splitter, useListWidth } from './Splitter'

export function InspectorView(): React.JSX.Element {
  useInspectorKeys()
  const [width, setWidth] = useListWidth()
  const style = width === null ? undefined : ({ '--list-width': `${width}px` } as React.CSSProperties)
  const diffing = useStore((s) => s.diff !== null)
  return (
    <main className="panes" style={style}>
      <section className="list-pane" data-testid="list-pane">
        <FilterBar />
        <ListActions />
        <RequestList />
      </section>
      <Splitter width={width} onChange={setWidth} />
      {diffing ? <DiffView /> : <RequestDetail />}
    </main>
  )
}
