import { RequestDetail } from './detail/RequestDetail'
import { RequestList } from './RequestList'

export function InspectorView(): React.JSX.Element {
  return (
    <main className="panes">
      <RequestList />
      <RequestDetail />
    </main>
  )
}
