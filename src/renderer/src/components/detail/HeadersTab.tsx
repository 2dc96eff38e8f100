import { duplicateNames } from '../../lib/http-text'
import { PairsTable } from './body/PairsTable'
import type { DetailTabProps } from './tabs'

/** Headers exactly as they arrived: original case, order, and duplicates (marked). */
export function HeadersTab({ request }: DetailTabProps): React.JSX.Element {
  const response = request.response
  return (
    <div className="body-scroll">
      <PairsTable pairs={request.headers} testId="headers-view" duplicates={duplicateNames(request.headers)} />
      {response && (
        <>
          <h4 className="section-title">Hookscope answered {response.status}</h4>
          <PairsTable pairs={response.headers} testId="response-headers-view" />
        </>
      )}
    </div>
  )
}
