import { parseQuery } from '../../lib/body-analysis'
import { PairsTable } from './body/PairsTable'
import type { DetailTabProps } from './tabs'

export function QueryTab({ request }: DetailTabProps): React.JSX.Element {
  const pairs = parseQuery(request.path)
  if (pairs.length === 0) return <div className="empty">This request has no query string.</div>
  return (
    <div className="body-scroll">
      <PairsTable pairs={pairs} testId="query-view" nameLabel="Parameter" />
    </div>
  )
}
