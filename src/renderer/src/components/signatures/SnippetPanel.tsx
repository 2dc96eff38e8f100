import { useEffect, useState } from 'react'
import type { EndpointInfo } from '../../../../shared/api/signatures'
import { useStore } from '../../store'
import { CopyButton } from '../tunnel/CopyButton'

/** A short, correct receiving handler for one provider (Node/Express and Python/Flask), copyable. */
export function SnippetPanel({ provider, generic }: { provider: string; generic?: EndpointInfo['generic'] }): React.JSX.Element {
  const snippet = useStore((s) => s.snippet)
  const loadSnippet = useStore((s) => s.loadSnippet)
  const [lang, setLang] = useState<'node' | 'python'>('node')
  useEffect(() => {
    void loadSnippet(provider, generic)
  }, [provider, generic, loadSnippet])
  if (!snippet || snippet.provider !== provider) return <div className="muted">Loading snippet…</div>
  const code = snippet[lang]
  return (
    <div className="sig-snippet" data-testid="verification-snippet">
      <div className="sig-snippet-bar">
        <div className="seg" role="tablist">
          <button type="button" role="tab" aria-selected={lang === 'node'} className={lang === 'node' ? 'on' : ''} onClick={() => setLang('node')} data-testid="snippet-node">
            Node (Express)
          </button>
          <button type="button" role="tab" aria-selected={lang === 'python'} className={lang === 'python' ? 'on' : ''} onClick={() => setLang('python')} data-testid="snippet-python">
            Python (Flask)
          </button>
        </div>
        <CopyButton text={code} testId="snippet-copy" />
      </div>
      <pre className="sig-code" data-testid="snippet-code">{code}</pre>
      <ul className="sig-notes">
        {snippet.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  )
}
