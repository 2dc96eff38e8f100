// The tunnel in the top bar: state at a glance, the public URL big with a copy button, and a panel
// with everything else (options, webhook URL, retries, URL-changed warning).
import { useEffect, useRef } from 'react'
import { useStore } from '../../store'
import { CopyButton } from './CopyButton'
import { STATUS_LABEL } from './status'
import { TunnelPanel } from './TunnelPanel'

export function TunnelBar(): React.JSX.Element {
  const tunnel = useStore((s) => s.tunnel)
  const open = useStore((s) => s.tunnelPanelOpen)
  const setOpen = useStore((s) => s.setTunnelPanelOpen)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open, setOpen])

  const status = tunnel?.status ?? 'stopped'
  const showUrl = tunnel?.url && status !== 'stopped'
  return (
    <div className="tunnel" ref={root} data-testid="tunnel">
      <button
        type="button"
        className="tunnel-chip"
        data-testid="tunnel-toggle"
        data-status={status}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Public URL through a localtunnel server"
      >
        <span className="tunnel-dot" aria-hidden="true" />
        <span data-testid="tunnel-status">{STATUS_LABEL[status]}</span>
        {tunnel?.urlChanged && <span className="tunnel-flag">URL changed</span>}
      </button>
      {showUrl && (
        <>
          <span className={`tunnel-url${status === 'online' ? '' : ' stale'}`} data-testid="tunnel-url" title={tunnel.url ?? undefined}>
            {tunnel.url}
          </span>
          <CopyButton text={tunnel.url!} testId="tunnel-copy" />
        </>
      )}
      {open && <TunnelPanel />}
    </div>
  )
}
