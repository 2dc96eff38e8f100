import { Fragment, useEffect, useState } from 'react'
import type { SignatureReport } from '../../../../shared/types'
import { useStore } from '../../store'
import { SnippetPanel } from '../signatures/SnippetPanel'
import { VerdictBadge } from '../VerdictBadge'
import type { DetailTabProps } from './tabs'
import '../signatures/signatures.css'

/** A secret's label in quotes, unless it already carries them (a secret stored elsewhere: `"old" (stored for ...)`). */
const quoted = (label: string): string => (label.startsWith('"') ? label : `"${label}"`)

/** Why a delivery is (or is not) trusted: provider, headers used, signed string, expected vs received, diagnostics. */
export function SignatureTab({ request }: DetailTabProps): React.JSX.Element {
  const providers = useStore((s) => s.providers)
  const loadSignatures = useStore((s) => s.loadSignatures)
  const fetchSignature = useStore((s) => s.fetchSignature)
  const setView = useStore((s) => s.setView)
  const [report, setReport] = useState<SignatureReport | null>(request.signature)
  const [showSnippet, setShowSnippet] = useState(false)

  useEffect(() => {
    if (providers.length === 0) void loadSignatures()
  }, [providers.length, loadSignatures])

  // A secret change re-verifies captures; the list pushes the new verdict, the report is fetched again.
  // Until it arrives the pushed report shows (set while rendering, when the pushed verdict changes).
  const pushed = { signature: request.signature, status: request.verdict.status, detail: request.verdict.detail }
  const [shownPush, setShownPush] = useState(pushed)
  if (pushed.signature !== shownPush.signature || pushed.status !== shownPush.status || pushed.detail !== shownPush.detail) {
    setShownPush(pushed)
    setReport(request.signature)
  }
  useEffect(() => {
    let live = true
    void fetchSignature(request.id).then((r) => live && setReport(r))
    return () => {
      live = false
    }
  }, [request.id, request.signature, request.verdict.status, request.verdict.detail, fetchSignature])

  const provider = providers.find((p) => p.id === (report?.provider ?? request.provider))
  const headerValue = (name: string): string | null => request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? null
  // The verdict sentence is already shown above; list only what it does not say.
  const diagnostics = (report?.diagnostics ?? []).filter((d) => d !== request.verdict.detail)
  const matches = report?.expected != null && report.received != null && report.expected === report.received

  return (
    <div className="body-scroll sig-tab" data-testid="signature-tab">
      <div className="sig-verdict">
        <VerdictBadge verdict={request.verdict} />
        <span data-testid="signature-detail">{request.verdict.detail}</span>
      </div>
      <dl className="sig-grid">
        <dt>Provider</dt>
        <dd data-testid="signature-provider">{provider ? `${provider.name} (${provider.id})` : request.provider ?? 'not recognised'}</dd>
        {request.endpoint && (
          <>
            <dt>Endpoint</dt>
            <dd className="mono">{request.endpoint}</dd>
          </>
        )}
        {provider?.scheme && (
          <>
            <dt>Scheme</dt>
            <dd>{provider.scheme}</dd>
          </>
        )}
        {report && report.headersUsed.length > 0 && (
          <>
            <dt>Headers used</dt>
            <dd>
              {report.headersUsed.map((h) => (
                <div key={h} className="mono sig-header">
                  <span className="sig-hname">{h}:</span> {headerValue(h) ?? ''}
                </div>
              ))}
            </dd>
          </>
        )}
        {report?.matchedSecret && (
          <>
            <dt>Matched secret</dt>
            <dd data-testid="signature-matched">{report.matchedSecret}</dd>
          </>
        )}
      </dl>

      {diagnostics.length > 0 && (
        <section>
          <h4>Diagnostics</h4>
          <ul className="sig-diagnostics" data-testid="signature-diagnostics">
            {diagnostics.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </section>
      )}

      {report && (report.expected || report.received || report.expectedBySecret) && (
        <section>
          <h4>Expected vs received</h4>
          {report.expectedSecret && (
            <p className="muted sig-expected-from" data-testid="signature-expected-secret">
              Expected: computed over the signed string below with secret {quoted(report.expectedSecret)}.
            </p>
          )}
          {report.expectedBySecret && report.expectedBySecret.length > 0 && (
            <p className="muted sig-expected-from">None of the secrets fits: each one&apos;s expected value over the signed string below.</p>
          )}
          <div className={`sig-compare ${matches ? 'same' : 'differ'}`}>
            {report.expectedBySecret && report.expectedBySecret.length > 0 ? (
              report.expectedBySecret.map((e) => (
                <Fragment key={e.secret}>
                  <span className="muted">expected with {quoted(e.secret)}</span>
                  <code data-testid="signature-expected">{e.value}</code>
                </Fragment>
              ))
            ) : (
              <>
                <span className="muted">expected</span>
                <code data-testid="signature-expected">{report.expected ?? '—'}</code>
              </>
            )}
            <span className="muted">received</span>
            <code data-testid="signature-received">{report.received ?? '—'}</code>
          </div>
        </section>
      )}

      {report?.signedPayloadPreview != null && (
        <section>
          <h4>Signed string <span className="muted">(the secret is never shown)</span></h4>
          <pre className="sig-code" data-testid="signature-signed">{report.signedPayloadPreview}</pre>
        </section>
      )}

      {request.verdict.status === 'no-secret' && (
        <p className="sig-hint">
          Add this provider&apos;s secret to an endpoint to check the signature; stored captures are re-verified.{' '}
          <button type="button" className="linkish" onClick={() => setView('endpoints')} data-testid="signature-goto-endpoints">
            Open Endpoints
          </button>
        </p>
      )}

      {provider && (
        <section>
          <button type="button" onClick={() => setShowSnippet((v) => !v)} data-testid="signature-snippet-toggle">
            {showSnippet ? 'Hide verification snippet' : 'Verification snippet'}
          </button>
          {showSnippet && <SnippetPanel provider={provider.id} />}
        </section>
      )}
    </div>
  )
}
