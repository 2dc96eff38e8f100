import { useEffect, useState } from 'react'

/** Copies a text to the clipboard and says so for a moment. */
export function CopyButton({ text, testId, label = 'Copy' }: { text: string; testId: string; label?: string }): React.JSX.Element {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed')
    )
  }
  return (
    <button type="button" className="copy" data-testid={testId} data-copied={state === 'copied' ? 'true' : undefined} onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  )
}
