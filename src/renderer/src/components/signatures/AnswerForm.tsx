import { useState } from 'react'
import type { EndpointInfo } from '../../../../shared/api/signatures'
import { useStore } from '../../store'

/** The endpoint's own answer (status, JSON body, delay), or the global one when cleared. */
export function AnswerForm({ endpoint }: { endpoint: EndpointInfo }): React.JSX.Element {
  const updateEndpoint = useStore((s) => s.updateEndpoint)
  const r = endpoint.response
  const [status, setStatus] = useState(String(r?.status ?? 200))
  const [body, setBody] = useState(r?.body ?? '{"received":true}')
  const [delay, setDelay] = useState(String(r?.delayMs ?? 0))
  const save = (e: React.FormEvent): void => {
    e.preventDefault()
    const headers = r?.headers ?? [['Content-Type', 'application/json']]
    void updateEndpoint({ id: endpoint.id, response: { status: Number(status), headers, body, delayMs: Number(delay) || 0 } })
  }
  return (
    <form className="ep-form" onSubmit={save} data-testid="endpoint-answer-form">
      <span className="ep-meta">This endpoint answers</span>
      <label className="ep-field">
        <span>Status</span>
        <input value={status} onChange={(e) => setStatus(e.target.value.replace(/\D/g, '').slice(0, 3))} data-testid="endpoint-answer-status" style={{ width: 60, minWidth: 0 }} />
      </label>
      <label className="ep-field">
        <span>Delay (ms)</span>
        <input value={delay} onChange={(e) => setDelay(e.target.value.replace(/\D/g, '').slice(0, 6))} data-testid="endpoint-answer-delay" style={{ width: 80, minWidth: 0 }} />
      </label>
      <label className="ep-field ep-field-grow">
        <span>Body</span>
        <input value={body} onChange={(e) => setBody(e.target.value)} data-testid="endpoint-answer-body" />
      </label>
      <button type="submit" data-testid="endpoint-answer-save">
        Save answer
      </button>
      {r && (
        <button type="button" onClick={() => void updateEndpoint({ id: endpoint.id, response: null })}>
          Use global answer
        </button>
      )}
    </form>
  )
}
