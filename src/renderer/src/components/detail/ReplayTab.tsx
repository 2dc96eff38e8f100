import { useEffect, useState } from 'react'
import type { CapturedRequest } from '../../../../shared/types'
import { base64Text, headersText, languageOf, prettyIfJson, textToHeaders } from '../../lib/outbound-form'
import { fetchWireBody } from '../../services/bodies'
import { useStore } from '../../store'
import { CodeEditor } from '../outbound/CodeEditor'
import { DeliveryPanel } from '../outbound/DeliveryPanel'
import { ExportImport } from '../outbound/ExportImport'
import { RetryOptions, TargetPicker, type RetryChoice } from '../outbound/TargetPicker'
import '../outbound/outbound.css'
import type { DetailTabProps } from './tabs'
import { errorInfo, localError, type ErrorInfo } from '../../lib/errors'
import { newCancelKey } from '../../lib/cancel-key'

const RECOMPUTED = ['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']

interface EditForm {
  method: string
  path: string
  headers: string
  body: string
}

function editFormOf(r: CapturedRequest, url: string, bodyBase64 = r.bodyBase64): EditForm {
  let path: string
  try {
    const u = new URL(url)
    path = u.pathname === '/' && !url.endsWith('/') ? r.path : u.pathname + u.search
  } catch {
    path = r.path
  }
  // Connection-level headers are recomputed on send; compressed bodies are edited as text and sent
  // uncompressed, so their Content-Encoding goes too.
  const drop = new Set([...RECOMPUTED, ...(r.contentEncoding ? ['content-encoding'] : [])])
  const headers = r.headers.filter(([n]) => !drop.has(n.toLowerCase()))
  return { method: r.method, path, headers: headersText(headers), body: prettyIfJson(base64Text(bodyBase64)) }
}

/** Replay a capture to the user's handler (exact bytes), or edit and resend it, re-signed or not. */
export function ReplayTab({ request }: DetailTabProps): React.JSX.Element {
  const loadOutbound = useStore((s) => s.loadOutbound)
  const loadHistory = useStore((s) => s.loadHistory)
  const replay = useStore((s) => s.replay)
  const cancelOutbound = useStore((s) => s.cancelOutbound)
  const catalog = useStore((s) => s.catalog)
  const history = useStore((s) => s.history[request.id])
  const [url, setUrl] = useState(() => useStore.getState().replayTarget)
  const [editing, setEditing] = useState(false)
  const [form, setForm] = useState<EditForm>(() => editFormOf(request, url))
  const [bodyLanguage, setBodyLanguage] = useState<'json' | 'text'>('json')
  const [resign, setResign] = useState(request.provider !== null)
  const [provider, setProvider] = useState(request.provider ?? 'callpaymin')
  const [secret, setSecret] = useState('')
  const [retry, setRetry] = useState<RetryChoice | null>(null)
  /** The cancel key of the replay waiting for its answer, if any. */
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [shownId, setShownId] = useState<number | null>(null)

  useEffect(() => {
    void loadOutbound()
  }, [loadOutbound])
  // The detail pane keys each tab by the request's id, so another request starts this tab afresh.
  useEffect(() => {
    void loadHistory(request.id)
  }, [request.id, loadHistory])

  const startEdit = async (): Promise<void> => {
    try {
      const next = editFormOf(request, url, await fetchWireBody(request))
      setForm(next)
      // Chosen once per edit: a language that flipped with a half-typed edit would rebuild the editor.
      setBodyLanguage(languageOf(next.body))
      setEditing(true)
    } catch (e) {
      setError(errorInfo(e))
    }
  }

  const run = async (): Promise<void> => {
    setError(null)
    let edit
    if (editing) {
      const parsed = textToHeaders(form.headers)
      if (!parsed.ok) return setError(localError('invalid_input', parsed.error))
      edit = { method: form.method, path: form.path || '/', headers: parsed.headers, bodyText: form.body }
    }
    const cancelKey = newCancelKey()
    setBusy(cancelKey)
    useStore.getState().setReplayTarget(url)
    const outcome = await replay({
      id: request.id,
      url: url.trim(),
      edit,
      resign: editing && resign ? { provider, secret: secret || undefined } : undefined,
      retry: retry ?? undefined,
      cancelKey
    })
    setBusy(null)
    if (outcome.ok) setShownId(outcome.delivery.id)
    else setError(outcome.error)
  }

  const signers = catalog.filter((p) => p.signs)
  return (
    <div className="replay-tab" data-testid="replay-tab">
      <div className="outbound-bar">
        <TargetPicker value={url} onChange={setUrl} />
        <button className="primary" disabled={!!busy || !url.trim()} onClick={() => void run()} data-testid="replay-send">
          {busy ? 'Waiting for the answer…' : editing ? 'Send edited' : 'Replay'}
        </button>
        {busy && (
          <button className="ghost" onClick={() => void cancelOutbound(busy)} data-testid="replay-cancel">
            Cancel
          </button>
        )}
        {editing ? (
          <button className="ghost" onClick={() => setEditing(false)} data-testid="replay-exact">
            Back to exact replay
          </button>
        ) : (
          <button className="ghost" onClick={startEdit} data-testid="replay-edit">
            Edit and resend
          </button>
        )}
      </div>
      <p className="muted hint">
        {editing
          ? 'Edits are sent as shown. With re-sign on, the signature (and timestamp) is recomputed so the edited payload verifies.'
          : 'Sends the exact bytes and headers captured (Host rewritten, hop-by-hop headers dropped). A target without a path gets the captured path.'}
      </p>
      {editing && (
        <div className="edit-form" data-testid="replay-edit-form">
          <div className="row">
            <input className="narrow mono" value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} aria-label="Method" data-testid="edit-method" />
            <input className="grow mono" value={form.path} onChange={(e) => setForm({ ...form, path: e.target.value })} aria-label="Path" data-testid="edit-path" />
          </div>
          <textarea className="mono" rows={Math.min(8, form.headers.split('\n').length + 1)} value={form.headers} onChange={(e) => setForm({ ...form, headers: e.target.value })} aria-label="Headers" data-testid="edit-headers" spellCheck={false} />
          <CodeEditor value={form.body} language={bodyLanguage} onChange={(body) => setForm((f) => ({ ...f, body }))} testId="edit-body" />
          <div className="row">
            <label>
              <input type="checkbox" checked={resign} onChange={(e) => setResign(e.target.checked)} data-testid="edit-resign" /> Re-sign as
            </label>
            <select value={provider} onChange={(e) => setProvider(e.target.value)} disabled={!resign} data-testid="edit-resign-provider">
              {signers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <input type="password" placeholder="signing secret (uses the endpoint's if empty)" value={secret} onChange={(e) => setSecret(e.target.value)} disabled={!resign} className="grow" data-testid="edit-secret" autoComplete="off" />
          </div>
        </div>
      )}
      <RetryOptions value={retry} onChange={setRetry} />
      <DeliveryPanel error={error} errorTestId="replay-error" deliveries={history ?? []} shownId={shownId} newestByDefault onOpen={setShownId} title="History">
        <ExportImport selection={{ ids: [request.id] }} label="Export this capture:" />
      </DeliveryPanel>
    </div>
  )
}
