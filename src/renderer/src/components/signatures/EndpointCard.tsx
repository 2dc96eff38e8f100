import { useState } from 'react'
import type { EndpointInfo, ProviderInfo } from '../../../../shared/api/signatures'
import { useStore } from '../../store'
import { webhookUrl } from '../../store/tunnel-slice'
import { CopyButton } from '../tunnel/CopyButton'
import { AnswerForm } from './AnswerForm'
import { GenericSchemeForm } from './GenericSchemeForm'
import { SecretForm } from './SecretForm'
import { SnippetPanel } from './SnippetPanel'

export function ProviderSelect({ value, onChange, providers, testId }: { value: string; onChange: (v: string) => void; providers: ProviderInfo[]; testId: string }): React.JSX.Element {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Provider" data-testid={testId}>
      <option value="">Auto-detect</option>
      {providers.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  )
}

export function EndpointCard({ endpoint, providers }: { endpoint: EndpointInfo; providers: ProviderInfo[] }): React.JSX.Element {
  const updateEndpoint = useStore((s) => s.updateEndpoint)
  const deleteEndpoint = useStore((s) => s.deleteEndpoint)
  const addSecret = useStore((s) => s.addSecret)
  const removeSecret = useStore((s) => s.removeSecret)
  const [snippet, setSnippet] = useState(false)
  const [editAnswer, setEditAnswer] = useState(false)
  const provider = providers.find((p) => p.id === endpoint.provider)
  const answer = endpoint.response ? answerText(endpoint.response) : 'answers with the global response'

  return (
    <div className="ep-card" data-testid="endpoint-card" data-path={endpoint.path}>
      <div className="ep-head">
        <span className="ep-path">{endpoint.path}</span>
        {endpoint.name !== endpoint.path && <span>{endpoint.name}</span>}
        <span className="ep-meta" data-testid="endpoint-meta">
          {endpoint.requestCount} capture{endpoint.requestCount === 1 ? '' : 's'} · {answer}
        </span>
        <span className="spacer" />
        <ProviderSelect
          value={endpoint.provider ?? ''}
          providers={providers}
          testId="endpoint-provider"
          onChange={(v) => void updateEndpoint({ id: endpoint.id, provider: (v || null) as never })}
        />
        <button type="button" onClick={() => setEditAnswer((v) => !v)} data-testid="endpoint-answer-toggle">
          Answer…
        </button>
        <button type="button" onClick={() => setSnippet((s) => !s)} disabled={!provider} title={provider ? '' : 'Choose a provider first'}>
          {snippet ? 'Hide snippet' : 'Snippet'}
        </button>
        <button type="button" className="danger" onClick={() => deleteEndpoint(endpoint.id)} data-testid="endpoint-delete">
          Delete
        </button>
      </div>
      <EndpointUrl path={endpoint.path} />
      {provider && provider.id !== 'generic' && <div className="ep-meta">{provider.scheme}</div>}
      {endpoint.provider === 'generic' && <GenericSchemeForm endpoint={endpoint} />}
      {editAnswer && <AnswerForm endpoint={endpoint} />}
      <div className="ep-secrets" data-testid="endpoint-secrets">
        {endpoint.secrets.length === 0 && provider?.signs !== false && (
          <span className="muted">No secret yet: signed deliveries get the verdict “no-secret”.</span>
        )}
        {endpoint.secrets.map((s, i) => (
          <div key={s.id} className="ep-secret">
            <code data-testid="secret-hint">{s.hint}</code>
            <span>{s.label}</span>
            {i === 0 && endpoint.secrets.length > 1 && <span className="badge badge-info">tried first</span>}
            <button type="button" onClick={() => void removeSecret(s.id)} data-testid="secret-remove">
              Remove
            </button>
          </div>
        ))}
      </div>
      <SecretForm testId="endpoint-secret-form" secretFormat={provider?.secretFormat} hint={provider?.secretHint} onAdd={(label, value) => addSecret({ endpointId: endpoint.id, label: label || undefined, value })} />
      {snippet && provider && <SnippetPanel provider={provider.id} generic={endpoint.generic} />}
    </div>
  )
}

function answerText(r: NonNullable<EndpointInfo['response']>): string {
  return `answers ${r.status}` + (r.delayMs > 0 ? ` after a ${r.delayMs.toLocaleString()} ms delay` : '')
}

/**
 * The whole URL to paste into the provider's dashboard: the public one while the tunnel is online (a
 * cloud provider cannot reach 127.0.0.1), the local one otherwise, and which it is.
 */
function EndpointUrl({ path }: { path: string }): React.JSX.Element | null {
  const tunnel = useStore((s) => s.tunnel)
  const receiverUrl = useStore((s) => s.info?.receiverUrl)
  const setPanelOpen = useStore((s) => s.setTunnelPanelOpen)
  const online = tunnel?.status === 'online' && tunnel.url
  const base = online ? tunnel.url! : receiverUrl
  if (!base) return null
  const full = webhookUrl(base, path)
  return (
    <div className="ep-url" data-testid="endpoint-url-row">
      <span className="ep-url-kind">{online ? 'Public URL' : 'Local URL'}</span>
      <code data-testid="endpoint-url">{full}</code>
      <CopyButton text={full} testId="endpoint-url-copy" />
      {!online && (
        <span className="muted small">
          Cloud providers cannot reach this machine:{' '}
          <button type="button" className="link" onClick={() => setPanelOpen(true)} data-testid="endpoint-open-tunnel">
            start the tunnel
          </button>{' '}
          for a public URL.
        </span>
      )}
    </div>
  )
}
