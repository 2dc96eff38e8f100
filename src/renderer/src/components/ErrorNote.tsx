import type { ErrorInfo } from '../../../shared/errors'

/**
 * The one way the window shows an error: its message as text (never HTML), its code for tests and
 * styling. `className` only places it (the app-wide banner, a panel); the look is `.error-note`.
 */
export function ErrorNote({
  error,
  testId,
  className,
  onDismiss
}: {
  error: ErrorInfo | null
  testId: string
  className?: string
  /** A Dismiss button, for a note nothing else clears (the app-wide banner). */
  onDismiss?: () => void
}): React.JSX.Element | null {
  if (!error) return null
  return (
    <div className={className ? `error-note ${className}` : 'error-note'} role="alert" data-testid={testId} data-code={error.code}>
      {error.message}
      {onDismiss && (
        <button className="ghost dismiss" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
          Dismiss
        </button>
      )}
    </div>
  )
}

/** How a save or an import went: a quiet line when it worked, an ErrorNote when it did not. */
export type Outcome = { ok: true; text: string } | { ok: false; error: ErrorInfo }

export function OutcomeNote({ outcome, testId }: { outcome: Outcome | null; testId: string }): React.JSX.Element | null {
  if (!outcome) return null
  if (!outcome.ok) return <ErrorNote error={outcome.error} testId={testId} />
  return (
    <span className="muted" role="status" data-testid={testId}>
      {outcome.text}
    </span>
  )
}
