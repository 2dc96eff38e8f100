import { useState } from 'react'
import type { TunnelState } from '../../../../shared/types'
import { useStore } from '../../store'
import { DEFAULT_TUNNEL_HOST } from '../../../../shared/api/tunnel'
import { hostFieldValue, tunnelStartOptions } from '../../lib/tunnel-options'
import { webhookUrl } from '../../store/tunnel-slice'
import { CopyButton } from './CopyButton'
import { retryText, STATUS_LABEL } from './status'
import { ErrorNote } from '../ErrorNote'
import { useNow } from '../../hooks/useNow'

export function TunnelPanel(): React.JSX.Element {
  const tunnel = useStore((s) => s.tunnel)
  const busy = useStore((s) => s.tunnelBusy)
  const error = useStore((s) => s.tunnelError)
  const start = useStore((s) => s.startTunnel)
  const stop = useStore((s) => s.stopTunnel)
  const [subdomain, setSubdomain] = useState(tunnel?.requestedSubdomain ?? '')
  const [host, setHost] = useState(hostFieldValue(tunnel?.host))
  const running = tunnel !== null && tunnel.status !== 'stopped'

  return (
    <div className="tunnel-panel" data-testid="tunnel-panel" role="dialog" aria-label="Tunnel">
      {tunnel?.url && running && (
        <div className="tunnel-public">
          <div className="muted">Public URL</div>
          <div className="tunnel-url-big" data-testid="tunnel-url-big">
            {tunnel.url}
          </div>
        </div>
      )}
      {tunnel && <TunnelStatusLine state={tunnel} />}
      {tunnel?.urlChanged && <UrlChanged previous={tunnel.urlChanged.previous} current={tunnel.urlChanged.current} />}
      {tunnel?.url && running && <WebhookUrl publicUrl={tunnel.url} />}

      <form
        className="tunnel-form"
        onSubmit={(e) => {
          e.preventDefault()
          void start(tunnelStartOptions(subdomain, host))
        }}
      >
        <label>
          Subdomain
          <input data-testid="tunnel-subdomain" value={subdomain} onChange={(e) => setSubdomain(e.target.value)} spellCheck={false} />
        </label>
        <label>
          Tunnel server
          <span className="tunnel-host-row">
            <input
              data-testid="tunnel-host"
              value={host}
              placeholder={`${DEFAULT_TUNNEL_HOST} (default)`}
              onChange={(e) => setHost(e.target.value)}
              spellCheck={false}
            />
            {host.trim() !== '' && (
              <button type="button" className="ghost" onClick={() => setHost('')} data-testid="tunnel-host-default">
                Use default
              </button>
            )}
          </span>
          <span className="field-hint">Empty: the public server {DEFAULT_TUNNEL_HOST}.</span>
        </label>
        <div className="tunnel-actions">
          <button type="submit" data-testid="tunnel-start" disabled={busy}>
            {running ? 'Restart tunnel' : 'Start tunnel'}
          </button>
          <button type="button" data-testid="tunnel-stop" disabled={busy || !running} onClick={() => void stop()}>
            Stop
          </button>
        </div>
        <ErrorNote error={error} testId="tunnel-error" />
      </form>
      <p className="tunnel-note muted">
        Only the receiver (port {tunnel?.localPort ?? '…'}) is exposed; this inspector is not reachable through the tunnel. The
        subdomain is kept across restarts, so the URL stays the same when the server grants it.
      </p>
      <details className="tunnel-note" data-testid="tunnel-interstitial">
        <summary>A browser shows a “tunnel password” page?</summary>
        The public localtunnel server puts a reminder page in front of requests whose User-Agent looks like a browser. It asks for
        a “tunnel password”: that is this machine’s public IP address. Provider
        webhook deliveries are not affected unless they send a browser-like User-Agent. A client you control can skip the page by
        sending the header <code>bypass-tunnel-reminder</code> (any value) or a non-browser User-Agent. To see the password, run <code>curl https://loca.lt/mytunnelpassword</code> on this machine.
      </details>
    </div>
  )
}

function TunnelStatusLine({ state }: { state: TunnelState }): React.JSX.Element {
  const now = useNow(state.nextRetryAt !== null)
  const retry = retryText(state, now)
  return (
    <div className="tunnel-state" data-testid="tunnel-state" data-status={state.status}>
      <strong>{STATUS_LABEL[state.status]}</strong>
      {retry && (
        <span className="muted" data-testid="tunnel-retry">
          {' '}
          — {retry}
        </span>
      )}
      {state.message && (
        <div className="tunnel-message" data-testid="tunnel-message">
          {state.message}
        </div>
      )}
    </div>
  )
}

function UrlChanged({ previous, current }: { previous: string; current: string }): React.JSX.Element {
  const dismiss = useStore((s) => s.dismissTunnelUrlChange)
  return (
    <div className="tunnel-warning" role="alert" data-testid="tunnel-url-changed">
      <strong>The public URL changed.</strong> Update the webhook URL in the provider’s dashboard, or deliveries go to the old
      address.
      <div className="tunnel-change">
        <span className="muted">Old</span> <s data-testid="tunnel-url-old">{previous}</s>
      </div>
      <div className="tunnel-change">
        <span className="muted">New</span> <span data-testid="tunnel-url-new">{current}</span>{' '}
        <CopyButton text={current} testId="tunnel-copy-new" label="Copy new URL" />
      </div>
      <button type="button" data-testid="tunnel-dismiss-change" onClick={() => void dismiss()}>
        I have updated the provider
      </button>
    </div>
  )
}

function WebhookUrl({ publicUrl }: { publicUrl: string }): React.JSX.Element {
  const path = useStore((s) => s.webhookPath)
  const setPath = useStore((s) => s.setWebhookPath)
  const selectedPath = useStore((s) => s.selected?.path.split('?')[0] ?? null)
  const full = webhookUrl(publicUrl, path)
  return (
    <div className="tunnel-webhook">
      <label>
        Webhook path
        <input data-testid="tunnel-path" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
      </label>
      {selectedPath && selectedPath !== path && (
        <button type="button" data-testid="tunnel-use-selected" onClick={() => setPath(selectedPath)}>
          Use {selectedPath}
        </button>
      )}
      <div className="tunnel-webhook-url">
        <span data-testid="tunnel-webhook-url">{full}</span> <CopyButton text={full} testId="tunnel-copy-webhook" />
      </div>
    </div>
  )
}
