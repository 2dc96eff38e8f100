import { useState } from 'react'
import { useBody } from '../../hooks/useBody'
import { formatBytes } from '../../../../shared/format'
import { rawRequest } from '../../lib/http-text'
import type { DetailTabProps } from './tabs'
import { ErrorNote } from '../ErrorNote'

/** The request as it came on the wire: request line, headers, blank line, body (text, or hex when binary). */
export function RawTab({ request }: DetailTabProps): React.JSX.Element {
  const { analysis, error } = useBody(request, 'wire')
  const [all, setAll] = useState(false)
  if (error) return <ErrorNote error={error} testId="raw-error" />
  if (!analysis) return <div className="empty">Formatting…</div>
  const raw = rawRequest(request, analysis, all ? Infinity : undefined)
  return (
    <div className="body-scroll">
      <pre className="body-text raw" data-testid="raw-view">
        {raw.text}
      </pre>
      {raw.omitted > 0 && (
        <div className="more-bar">
          {formatBytes(raw.omitted, 'cell')} more not shown.{' '}
          <button className="link" onClick={() => setAll(true)}>
            Show everything
          </button>
        </div>
      )}
    </div>
  )
}
