import type { BodyDiffEntry } from '../../../../shared/api/calls'
import { useStore } from '../../store'
import { ErrorNote } from '../ErrorNote'

const TONE = { added: 'good', removed: 'bad', changed: 'warn' } as const

/** A diff value as text: strings as they are, everything else as JSON (never as HTML). */
function show(v: unknown): string {
  if (v === undefined) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}

interface DiffRow {
  key: string
  /** The row's own data attribute (data-path or data-name), for tests and for finding a row. */
  attr: Record<string, string>
  change: BodyDiffEntry['change']
  a: unknown
  b: unknown
}

/** One table of differences (body paths or lines, or header names): key, change, both values. */
function DiffTable(props: { testId: string; rowTestId: string; keyLabel: string; a: number; b: number; rows: DiffRow[] }): React.JSX.Element {
  return (
    <table className="diff-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.keyLabel}</th>
          <th>Change</th>
          <th>A (#{props.a})</th>
          <th>B (#{props.b})</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={i} data-testid={props.rowTestId} data-change={r.change} {...r.attr}>
            <td className="diff-path">{r.key}</td>
            <Cells change={r.change} a={r.a} b={r.b} />
          </tr>
        ))}
      </tbody>
    </table>
  )
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
            <DiffTable
              testId="diff-body"
              rowTestId="diff-body-row"
              keyLabel={result.bodyMode === 'text' ? 'Line' : 'Path'}
              a={a}
              b={b}
              rows={result.body.map((e) => ({ key: e.path, attr: { 'data-path': e.path }, change: e.change, a: e.a, b: e.b }))}
            />
          )}
          <div className="section-title">
            Headers · {result.headers.length === 0 ? 'same' : `${result.headers.length} difference${result.headers.length === 1 ? '' : 's'}`}
          </div>
          {result.headers.length > 0 && (
            <DiffTable
              testId="diff-headers"
              rowTestId="diff-header-row"
              keyLabel="Name"
              a={a}
              b={b}
              rows={result.headers.map((e) => ({ key: e.name, attr: { 'data-name': e.name }, change: e.change, a: e.a, b: e.b }))}
            />
          )}
        </div>
      )}
    </div>
  )
}
