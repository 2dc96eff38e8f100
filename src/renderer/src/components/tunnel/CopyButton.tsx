import { useCopy } from '../../hooks/useCopy'

/** Copies a text to the clipboard and says so for a moment (the failure reason goes in the tooltip). */
export function CopyButton({ text, testId, label = 'Copy' }: { text: string; testId: string; label?: string }): React.JSX.Element {
  const { status, copy } = useCopy()
  const copied = status?.startsWith('Copied') ?? false
  return (
    <button
      type="button"
      className="copy"
      data-testid={testId}
      data-copied={copied ? 'true' : undefined}
      title={status ?? undefined}
      onClick={() => void copy('the URL', () => text)}
    >
      {status === null ? label : copied ? 'Copied' : 'Copy failed'}
    </button>
  )
}
