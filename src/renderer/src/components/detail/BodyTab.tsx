import { base64ToBytes } from '../../lib/format'
import type { DetailTabProps } from './tabs'

export function BodyTab({ request }: DetailTabProps): React.JSX.Element {
  const bytes = base64ToBytes(request.bodyBase64)
  let text = new TextDecoder().decode(bytes)
  try {
    text = JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    /* not JSON: shown as text */
  }
  return (
    <pre className="body-text" data-testid="body-view">
      {text}
    </pre>
  )
}
