import { useState } from 'react'
import { formatBytes } from '../../../../../shared/format'

/** Laying out megabytes of text freezes the page; the first part is shown and the rest on request. */
const PREVIEW_CHARS = 512 * 1024

export function TextView({ text, testId = 'text-view' }: { text: string; testId?: string }): React.JSX.Element {
  const [all, setAll] = useState(false)
  const cut = !all && text.length > PREVIEW_CHARS
  return (
    <div className="body-scroll">
      <pre className="body-text" data-testid={testId}>
        {cut ? text.slice(0, PREVIEW_CHARS) : text}
      </pre>
      {cut && (
        <div className="more-bar">
          Showing the first {formatBytes(PREVIEW_CHARS, 'cell')} of {formatBytes(text.length, 'cell')}.{' '}
          <button className="link" onClick={() => setAll(true)}>
            Show everything
          </button>
        </div>
      )}
    </div>
  )
}
