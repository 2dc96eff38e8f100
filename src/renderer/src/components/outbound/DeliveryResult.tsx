import type { DeliveryRecord } from '../../../../shared/api/outbound'
import { formatMs } from '../../../../shared/format'
import { formatListTime, statusTone } from '../../lib/format'
import { base64Text, headersText, languageOf, prettyIfJson } from '../../lib/outbound-form'
import { CodeEditor } from './CodeEditor'

/** What was sent and what came back, side by side; a failed attempt says why in plain words. */
export function DeliveryResult({ delivery }: { delivery: DeliveryRecord }): React.JSX.Element {
  const sent = base64Text(delivery.bodyBase64)
  const answer = base64Text(delivery.responseBodyBase64)
  return (
    <div className="delivery-result" data-testid="delivery-result">
      <section className="delivery-side">
        <h4>
          Sent <span className="muted">{delivery.method}</span> <span className="mono">{delivery.targetUrl}</span>
        </h4>
        <pre className="delivery-headers" data-testid="delivery-sent-headers">{headersText(delivery.headers)}</pre>
        <CodeEditor value={sent} language={languageOf(sent)} readOnly testId="delivery-sent-body" minHeight={80} />
      </section>
      <section className="delivery-side">
        {delivery.error ? (
          <div className="inline-error" data-testid="delivery-error">
            <strong>No answer.</strong> {delivery.error}
          </div>
        ) : (
          <>
            <h4>
              Answer{' '}
              <span className={`badge badge-${statusTone(delivery.responseStatus, 'bad')}`} data-testid="delivery-status">
                {delivery.responseStatus}
              </span>{' '}
              <span className="muted">{formatMs(delivery.durationMs)}</span>
            </h4>
            <pre className="delivery-headers" data-testid="delivery-answer-headers">{headersText(delivery.responseHeaders)}</pre>
            <CodeEditor value={prettyIfJson(answer)} language={languageOf(answer)} readOnly testId="delivery-answer-body" minHeight={80} />
          </>
        )}
      </section>
    </div>
  )
}

/** One line per delivery (history, attempts); clicking shows it in full. */
export function DeliveryRow({ delivery, onOpen, active }: { delivery: DeliveryRecord; onOpen: () => void; active: boolean }): React.JSX.Element {
  return (
    <button className={`delivery-row${active ? ' active' : ''}`} onClick={onOpen} data-testid="delivery-row">
      <span className="muted" data-testid="delivery-time">{formatListTime(delivery.createdAt)}</span>
      <span>{delivery.kind}{delivery.attempt > 1 ? ` #${delivery.attempt}` : ''}</span>
      <span className={`badge badge-${statusTone(delivery.responseStatus, 'bad')}`}>{delivery.responseStatus ?? delivery.errorKind ?? 'error'}</span>
      <span className="mono ellipsis" title={delivery.targetUrl} data-testid="delivery-row-url">
        {delivery.targetUrl}
      </span>
      <span className="muted">{delivery.label ?? ''}</span>
      <span className="muted">{formatMs(delivery.durationMs)}</span>
    </button>
  )
}
