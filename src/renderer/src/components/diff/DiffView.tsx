import type { BodyDiffEntry, HeaderDiffEntry } from '../../../../shared/api/calls'
import { useStore } from '../../store'
import { ErrorNote } from '../ErrorNote'

const TONE = { added: 'good', removed: 'bad', changed: 'warn' } as const

/** A diff value as text: strings as they are, everything else as JSON (never as HTML). */
function show(v: unknown): string {
  if (v === undefined) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}

function Cells({ change, a, b }: { change: BodyDiffEntry['change']; a: unknown; b: unknown }): React.JSX.Element {
  return (
    <>
      <td className="diff-change">
        <span className={`badge badge-${TONE[change]}`}>{change}</span>
      </td>
      <td className={change === 'added' ? 'diff-none' : 'diff-a'}>{change === 'added' ? '—' : show(a)}</td>
      <td className={change === 'removed' ? 'diff-none' : 'diff-b'}>{change === 'removed' ? '—' : show(b)}</td>
    </>
  )
}

/** What changed from capture A to capture B: method, path, body by JSON path or line, headers by name. */
export function DiffView(): React.JSX.Element | null {
  const diff = useStore((s) => s.diff)
  if (!diff) return null
  const { a, b, result, error } = diff
  const open = (id: number): void => {
    useStore.getState().closeDiff()
    void useStore.getState().select(id)
  }
  return (
    <div className="detail" data-testid="diff-view" data-a={a} data-b={b}>
      <div className="detail-title">
        <span>
          Diff{' '}
          <button className="link" onClick={() => open(a)}>
            #{a}
          </button>{' '}
          →{' '}
          <button className="link" onClick={() => open(b)}>
            #{b}
          </button>
        </span>
        <span className="spacer" />
        <button onClick={() => void useStore.getState().compare(b, a)} title="Swap A and B">
          Swap
        </button>
        <button onClick={() => useStore.getState().closeDiff()} data-testid="diff-close">
          Close
        </button>
      </div>
      <ErrorNote error={error} testId="diff-error" />
      {!result && !error && <div className="empty">Comparing…</div>}
      {result && (
        <div className="diff-view">
          <div className="diff-meta">
            {result.method && (
              <span data-testid="diff-method">
                method: {result.method.a} → {result.method.b}
              </span>
            )}
            {result.path && (
              <span data-testid="diff-path">
                path: {result.path.a} → {result.path.b}
              </span>
            )}
            {result.truncated && <span className="warn">{result.truncated}</span>}
          </div>
          <div className="section-title">
            Body ({result.bodyMode === 'json' ? 'JSON, by path' : result.bodyMode === 'text' ? 'text, by line' : 'binary'}) ·{' '}
            {result.body.length === 0 ? 'same' : `${result.body.length} difference${result.body.length === 1 ? '' : 's'}`}
          </div>
          {result.body.length > 0 && (
            <table className="diff-table" data-testid="diff-body">
              <thead>
                <tr>
                  <th>{result.bodyMode === 'text' ? 'Line' : 'Path'}</th>
                  <th>Change</th>
                  <th>A (#{a})</th>
                  <th>B (#{b})</th>
                </tr>
              </thead>
              <tbody>
                {result.body.map((e: BodyDiffEntry, i) => (
                  <tr key={i} data-testid="diff-body-row" data-path={e.path} data-change={e.change}>
                    <td className="diff-path">{e.path}</td>
                    <Cells change={e.change} a={e.a} b={e.b} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="section-title">
            Headers · {result.headers.length === 0 ? 'same' : `${result.headers.length} difference${result.headers.length === 1 ? '' : 's'}`}
          </div>
          {result.headers.length > 0 && (
            <table className="diff-table" data-testid="diff-headers">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Change</th>
                  <th>A (#{a})</th>
                  <th>B (#{b})</th>
                </tr>
              </thead>
              <tbody>
                {result.headers.map((e: HeaderDiffEntry, i) => (
                  <tr key={i} data-testid="diff-header-row" data-name={e.name} data-change={e.change}>
                    <td className="diff-path">{e.name}</td>
                    <Cells change={e.change} a={e.a} b={e.b} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  )
}
