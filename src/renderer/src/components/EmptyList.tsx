import { useCopy } from '../hooks/useCopy'
import { useStore } from '../store'

/** What to do when the list is empty: a ready-to-run command, or a way out of the filters. */
export function EmptyList(): React.JSX.Element {
  const receiverUrl = useStore((s) => s.info?.receiverUrl)
  const filtered = useStore((s) => Object.values(s.filters).some((v) => v !== undefined && v !== ''))
  const loading = useStore((s) => s.loading)
  const scanning = useStore((s) => s.scanning)
  const resetFilters = useStore((s) => s.resetFilters)
  const tunnel = useStore((s) => s.tunnel)
  const openTunnel = useStore((s) => s.setTunnelPanelOpen)
  const { status, copy } = useCopy()
  if (scanning) {
    return (
      <div className="empty" data-testid="list-scanning">
        Looking through older requests for matches…
      </div>
    )
  }
  if (loading) return <div className="empty">Loading…</div>
  if (filtered) {
    return (
      <div className="empty-state" data-testid="empty-filtered">
        <h3>No captures match these filters</h3>
        <button onClick={resetFilters}>Clear filters</button>
      </div>
    )
  }
  const command = `curl -X POST ${receiverUrl ?? 'http://127.0.0.1:4747'}/webhooks/test -H 'Content-Type: application/json' -d '{"type":"call.ended","data":{"duration":42}}'`
  return (
    <div className="empty-state" data-testid="empty-list">
      <h3>Waiting for the first delivery</h3>
      <p>Point your provider's webhook URL at the receiver, or send a test request:</p>
      <pre className="command" data-testid="empty-curl">
        {command}
      </pre>
      <div className="row">
        <button onClick={() => void copy('command', () => command)} data-testid="copy-empty-curl">
          Copy command
        </button>
        {status && <span className="copy-status">{status}</span>}
      </div>
      <p className="muted">Any method, any path. Deliveries appear here the moment they are stored.</p>
      {tunnel?.status === 'online' && tunnel.url ? (
        <p data-testid="empty-tunnel-hint">
          Cloud providers deliver to the public URL <code className="mono">{tunnel.url}</code> (plus any path).
        </p>
      ) : (
        <div className="tunnel-hint" data-testid="empty-tunnel-hint">
          <strong>Cloud providers need the tunnel.</strong> CallPayMin, TopCalls and the others deliver from the internet, and
          cannot reach {receiverUrl ?? 'this machine'}. Start the tunnel for a public URL to paste into the provider's dashboard.
          <div>
            <button className="primary" onClick={() => openTunnel(true)} data-testid="empty-open-tunnel">
              Open the tunnel
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
