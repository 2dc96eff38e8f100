import type { ErrorInfo } from '../../../shared/errors'

/**
 * The one way the window shows an error: its message as text (never HTML), its code for tests and
 * styling. `className` only places it (the app-wide banner, a panel); the look is `.error-note`.
 */
export function ErrorNote({ error, testId, className }: { error: ErrorInfo | null; testId: string; className?: string }): React.JSX.Element | null {
  if (!error) return null
  return (
    <div className={className ? `error-note ${className}` : 'error-note'} role="alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </div>
  )
}
