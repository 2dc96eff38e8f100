import { useEffect, useState } from 'react'
import { useStore } from '../../store'
import { EndpointCard, ProviderSelect } from './EndpointCard'
import { SecretForm } from './SecretForm'
import './signatures.css'
import { ErrorNote } from '../ErrorNote'

/** Named receiver paths with a provider, secrets (rotation) and their own answer; plus where secrets are kept. */
export function EndpointsView(): React.JSX.Element {
  const providers = useStore((s) => s.providers)
  const all = useStore((s) => s.endpoints)
  const pending = useStore((s) => s.pendingEndpointDeletes)
  // An endpoint waiting out its Undo window is already gone as far as the user is concerned.
  const endpoints = all.filter((e) => !pending.some((p) => p.id === e.id))
  const storage = useStore((s) => s.secretStorage)
  const error = useStore((s) => s.endpointsError)
  const notice = useStore((s) => s.endpointsNotice)
  const load = useStore((s) => s.loadSignatures)
  const createEndpoint = useStore((s) => s.createEndpoint)
  const addSecret = useStore((s) => s.addSecret)
  const removeSecret = useStore((s) => s.removeSecret)
  const [path, setPath] = useState('')
  const [provider, setProvider] = useState('')
  const [status, setStatus] = useState('')
  const [globalProvider, setGlobalProvider] = useState('callpaymin')
  const globalInfo = providers.find((p) => p.id === globalProvider)

  useEffect(() => {
    void load()
  }, [load])

  const create = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    const code = Number(status)
    const response = status ? { status: code, headers: [['Content-Type', 'application/json']] as [string, string][], body: '{"received":true}', delayMs: 0 } : null
    const ok = await createEndpoint({
      path: path.trim().startsWith('/') ? path.trim() : `/${path.trim()}`,
      provider: (provider || null) as never,
      response
    })
    if (ok) {
      setPath('')
      setStatus('')
    }
  }

  return (
    <div className="endpoints-view" data-testid="endpoints-view">
      {storage?.backend === 'basic_text' && (
        <div className="storage-warning" data-testid="storage-warning">
          <strong>Secrets are not really protected on this system.</strong> {storage.warning}
        </div>
      )}
      {storage && storage.backend !== 'basic_text' && storage.warning && (
        <div className="storage-note" data-testid="storage-note">
          {storage.warning}
        </div>
      )}
      {storage?.loadError && <div className="ep-error">{storage.loadError}</div>}

      <section>
        <h4>New endpoint</h4>
        <form className="ep-form" onSubmit={create} data-testid="endpoint-form">
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/callpaymin" aria-label="Endpoint path" data-testid="endpoint-path" />
          <ProviderSelect value={provider} onChange={setProvider} providers={providers} testId="endpoint-new-provider" />
          <input value={status} onChange={(e) => setStatus(e.target.value.replace(/\D/g, '').slice(0, 3))} placeholder="answer status (optional)" aria-label="Answer status" />
          <button type="submit" disabled={!path.trim()} data-testid="endpoint-create">
            Add endpoint
          </button>
        </form>
        <p className="storage-note">Requests to other paths are still captured and their provider detected.</p>
      </section>

      <ErrorNote error={error} testId="endpoints-error" />
      {notice && (
        <div className="ep-notice" data-testid="endpoints-notice">
          {notice}
        </div>
      )}

      <section>
        <h4>Endpoints</h4>
        {endpoints.length === 0 && <p className="muted">No endpoints yet.</p>}
        {endpoints.map((e) => (
          <EndpointCard key={e.id} endpoint={e} providers={providers} />
        ))}
      </section>

      <section>
        <h4>Secrets for a provider on any path</h4>
        {storage?.providerSecrets.map((g) =>
          g.secrets.map((s) => (
            <div key={s.id} className="ep-secret">
              <span>{g.provider}</span>
              <code>{s.hint}</code>
              <span>{s.label}</span>
              {s.session ? <span className="muted">this run only (--secret)</span> : <button type="button" onClick={() => void removeSecret(s.id)}>Remove</button>}
            </div>
          ))
        )}
        <div className="ep-form">
          <ProviderSelect value={globalProvider} onChange={(v) => setGlobalProvider(v || 'callpaymin')} providers={providers} testId="global-secret-provider" />
          <SecretForm testId="global-secret-form" secretFormat={globalInfo?.secretFormat} hint={globalInfo?.secretHint} onAdd={(label, value) => addSecret({ provider: globalProvider as never, label: label || undefined, value })} />
        </div>
      </section>

      <section>
        <h4>Providers</h4>
        <table className="provider-table" data-testid="provider-table">
          <thead>
            <tr>
              <th>Provider</th>
              <th>Signature</th>
              <th>Retries</th>
              <th>Events</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.name} <span className="muted">{p.id}</span>
                </td>
                <td>{p.scheme}</td>
                <td>{p.retry.description}</td>
                <td>{p.events.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
