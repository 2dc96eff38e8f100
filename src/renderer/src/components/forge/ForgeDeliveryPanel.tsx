import type { DeliveryRecord } from '../../../../shared/api/outbound'
import { useStore } from '../../store'

const decode = (base64: string): string => new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))
const headerText = (headers: [string, string][]): string => headers.map(([n, v]) => `${n}: ${v}`).join('\n')

/** One delivery the suite sent, in full, as text (the answer came from the user's handler: never HTML). */
export function ForgeDeliveryPanel({ delivery: d }: { delivery: DeliveryRecord }): React.JSX.Element {
  const close = useStore((s) => s.openForgeDelivery)
  return (
    <div className="forge-delivery" role="dialog" aria-label={`Delivery ${d.id}`} data-testid="forge-delivery">
      <header>
        <strong>
          Delivery #{d.id} · {d.label}
        </strong>
        <span className="muted">{new Date(d.createdAt).toLocaleString()}</span>
        <span className="spacer" />
        <button className="ghost" onClick={() => void close(null)} data-testid="forge-delivery-close">
          Close
        </button>
      </header>
      <div className="forge-exchange-body">
        <pre className="mono">{`${d.method} ${d.targetUrl}\n${headerText(d.headers)}\n\n${decode(d.bodyBase64)}`}</pre>
        <pre className="mono">
          {d.responseStatus !== null
            ? `HTTP ${d.responseStatus} (${Math.round(d.durationMs ?? 0)} ms)\n${headerText(d.responseHeaders)}\n\n${decode(d.responseBodyBase64)}`
            : d.error}
        </pre>
      </div>
    </div>
  )
}
