import { useCallback, useEffect, useState } from 'react'
import { headersText, textToHeaders } from '../../lib/outbound-form'
import { useStore } from '../../store'
import { CodeEditor } from './CodeEditor'
import { DeliveryPanel } from './DeliveryPanel'
import { RetryOptions, TargetPicker, type RetryChoice } from './TargetPicker'
import './outbound.css'
import { localError, type ErrorInfo } from '../../lib/errors'
import { newCancelKey } from '../../lib/cancel-key'

/** Compose: a provider's catalog event as a fresh sample, edited, signed and sent (like `stripe trigger`). */
export function SendView(): React.JSX.Element {
  const catalog = useStore((s) => s.catalog)
  const sent = useStore((s) => s.sent)
  const loadOutbound = useStore((s) => s.loadOutbound)
  const loadSent = useStore((s) => s.loadSent)
  const sample = useStore((s) => s.sample)
  const sendEvent = useStore((s) => s.sendEvent)
  const cancelOutbound = useStore((s) => s.cancelOutbound)
  const [providerId, setProviderId] = useState('callpaymin')
  const [event, setEvent] = useState('')
  const [method, setMethod] = useState('POST')
  const [headers, setHeaders] = useState('')
  const [body, setBody] = useState('')
  const [url, setUrl] = useState(() => useStore.getState().sendTarget)
  const [sign, setSign] = useState(true)
  const [secret, setSecret] = useState('')
  const [retry, setRetry] = useState<RetryChoice | null>(null)
  /** Set while a send waits for its answer: the key that cancels it. */
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [shownId, setShownId] = useState<number | null>(null)

  useEffect(() => {
    void loadOutbound()
    void loadSent()
  }, [loadOutbound, loadSent])

  const provider = catalog.find((p) => p.id === providerId)
  const events = provider?.events ?? []
  const bodyLanguage = provider && /x-www-form-urlencoded/i.test(provider.contentType) ? 'text' : 'json'

  const fresh = useCallback(
    (p: string, e: string): Promise<void> =>
      sample(p, e).then((s) => {
        if (!s) return
        setMethod(s.method)
        setHeaders(headersText(s.headers))
        setBody(s.bodyText)
      }),
    [sample]
  )
  // An event the provider does not have becomes its first one (adjusted while rendering).
  const known = events.find((x) => x.type === event)?.type ?? events[0]?.type
  if (known !== undefined && known !== event) setEvent(known)
  // A new provider or event starts from a fresh sample.
  useEffect(() => {
    if (provider?.events.some((x) => x.type === event)) void fresh(providerId, event)
  }, [providerId, event, provider, fresh])

  const send = async (): Promise<void> => {
    setError(null)
    const parsed = textToHeaders(headers)
    if (!parsed.ok) return setError(localError('invalid_input', parsed.error))
    const cancelKey = newCancelKey()
    setBusy(cancelKey)
    useStore.getState().setSendTarget(url)
    const outcome = await sendEvent({
      provider: providerId,
      event,
      url: url.trim(),
      method,
      headers: parsed.headers,
      bodyText: body,
      sign,
      secret: secret || undefined,
      retry: retry ?? undefined,
      cancelKey
    })
    setBusy(null)
    if (outcome.ok) setShownId(outcome.delivery.id)
    else setError(outcome.error)
  }

  return (
    <main className="send-view" data-testid="send-view">
      <h3>Send a sample event</h3>
      <div className="compose-row">
        <select value={providerId} onChange={(e) => setProviderId(e.target.value)} data-testid="send-provider" aria-label="Provider">
          {catalog.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select value={event} onChange={(e) => setEvent(e.target.value)} data-testid="send-event" aria-label="Event">
          {events.map((e) => (
            <option key={e.type} value={e.type} title={e.description}>
              {e.type}
            </option>
          ))}
        </select>
        <button className="ghost" onClick={() => void fresh(providerId, event)} data-testid="send-resample" title="New ids and timestamps">
          New sample
        </button>
        <input className="narrow mono" value={method} onChange={(e) => setMethod(e.target.value)} aria-label="Method" data-testid="send-method" />
        <TargetPicker value={url} onChange={setUrl} />
      </div>
      <textarea className="mono" rows={3} value={headers} onChange={(e) => setHeaders(e.target.value)} aria-label="Headers" data-testid="send-headers" spellCheck={false} />
      {/* Form-posting providers (Twilio) get their body as name=value pairs, not JSON. */}
      <CodeEditor key={bodyLanguage} language={bodyLanguage} value={body} onChange={setBody} testId="send-body" minHeight={200} />
      <div className="compose-row">
        <label>
          <input type="checkbox" checked={sign && !!provider?.signs} disabled={!provider?.signs} onChange={(e) => setSign(e.target.checked)} data-testid="send-sign" />{' '}
          {provider?.signs ? `Sign as ${provider.name}` : `${provider?.name ?? 'This provider'} does not sign`}
        </label>
        <input type="password" className="grow" placeholder="signing secret" value={secret} onChange={(e) => setSecret(e.target.value)} disabled={!sign || !provider?.signs} data-testid="send-secret" autoComplete="off" />
        <RetryOptions value={retry} onChange={setRetry} />
        <button className="primary" disabled={!!busy || !url.trim() || !event} onClick={() => void send()} data-testid="send-submit">
          {busy ? 'Waiting for the answer…' : 'Send'}
        </button>
        {busy && (
          <button className="ghost" onClick={() => void cancelOutbound(busy)} data-testid="send-cancel">
            Cancel
          </button>
        )}
      </div>
      <DeliveryPanel error={error} errorTestId="send-error" deliveries={sent} shownId={shownId} newestByDefault={false} onOpen={setShownId} title="Sent" />
    </main>
  )
}
