import { useNow } from '../../hooks/useNow'
import { useStore } from '../../store'

/** Endpoints deleted a moment ago, each with Undo while the window lasts (shown whatever the view). */
export function UndoDeleteToast(): React.JSX.Element | null {
  const pending = useStore((s) => s.pendingEndpointDeletes)
  const undo = useStore((s) => s.undoDeleteEndpoint)
  const commit = useStore((s) => s.commitDeleteEndpoint)
  const now = useNow(pending.length > 0, 250)
  if (pending.length === 0) return null
  return (
    <div className="toasts" role="status" aria-live="polite">
      {pending.map((p) => (
        <div key={p.id} className="toast" data-testid="undo-toast" data-endpoint={p.path}>
          <span>
            Endpoint <code>{p.path}</code>
            {p.secrets > 0 ? ` and its ${p.secrets === 1 ? 'secret' : `${p.secrets} secrets`}` : ''} will be deleted in{' '}
            <span data-testid="undo-countdown">{Math.max(0, Math.ceil((p.dueAt - now) / 1000))} s</span>.
          </span>
          <button type="button" className="primary" onClick={() => undo(p.id)} data-testid="undo-delete">
            Undo
          </button>
          <button type="button" className="ghost" onClick={() => void commit(p.id)} data-testid="delete-now">
            Delete now
          </button>
        </div>
      ))}
    </div>
  )
}
