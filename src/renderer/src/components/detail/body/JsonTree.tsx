// A JSON tree built from React elements (captured content is always text, never HTML). Large and deep
// nodes start collapsed and long child lists come in pages; a big document's children are fetched
// from the body worker as nodes open, so a 10 MB body opens at once.
import { createContext, memo, useContext, useEffect, useEffectEvent, useState } from 'react'
import type { JsonEntry, JsonNodeInfo, JsonSource } from '../../../lib/json-source'

const PAGE = 100
const MORE = 1000
/** Nodes this deep, with more children than this, or among more siblings than this, start collapsed. */
const OPEN_DEPTH = 3
const OPEN_MAX_CHILDREN = 50
const EXPAND_DEPTH_CAP = 8

/** 'auto': small and shallow nodes open; 'expand': all open (to a depth cap); 'collapse': only the root. */
export type TreeMode = 'auto' | 'expand' | 'collapse'
const Mode = createContext<TreeMode>('auto')
const Source = createContext<JsonSource>({ root: { t: 'scalar', v: null } })

function Scalar({ value, raw }: { value: string | number | boolean | null; raw?: string }): React.JSX.Element {
  if (value === null) return <span className="j-null">null</span>
  if (typeof value === 'string') return <span className="j-str">{JSON.stringify(value)}</span>
  if (typeof value === 'number') {
    return (
      <span className="j-num" title={raw !== undefined ? `JavaScript reads this as ${String(value)}` : undefined}>
        {raw ?? String(value)}
      </span>
    )
  }
  return <span className="j-bool">{String(value)}</span>
}

function Key({ name, index }: { name: string | null; index: boolean }): React.JSX.Element | null {
  if (name === null) return null
  return (
    <>
      <span className={index ? 'j-index' : 'j-key'}>{index ? name : JSON.stringify(name)}</span>
      <span className="j-punct">: </span>
    </>
  )
}

/** The first `upto` children of an open node: computed in place for a small document, fetched for a big one. */
function useChildren(path: string[], open: boolean, upto: number): { entries: JsonEntry[] | null; error: string | null } {
  const source = useContext(Source)
  const [fetched, setFetched] = useState<JsonEntry[]>([])
  const [error, setError] = useState<string | null>(null)
  const have = fetched.length
  // A node's path never changes, only the array holding it (a new one each render): read, not watched.
  const currentPath = useEffectEvent(() => path)
  useEffect(() => {
    if (!open || !source.fetch || have >= upto) return
    let live = true
    source.fetch(currentPath(), have, upto).then(
      (more) => live && setFetched((prev) => (prev.length === have ? prev.concat(more) : prev)),
      (e: Error) => live && setError(e.message)
    )
    return () => {
      live = false
    }
  }, [open, upto, have, source])
  if (!open) return { entries: null, error: null }
  if (source.sync) return { entries: source.sync(path, 0, upto), error: null }
  return { entries: have > 0 || upto === 0 ? fetched : null, error }
}

interface NodeProps {
  name: string | null
  info: JsonNodeInfo
  path: string[]
  depth: number
  inArray: boolean
  last: boolean
  /** The parent has many children: each starts as one line, like rows of a table. */
  crowded: boolean
}

const JsonNode = memo(function JsonNode({ name, info, path, depth, inArray, last, crowded }: NodeProps): React.JSX.Element {
  const mode = useContext(Mode)
  const count = info.t === 'scalar' ? 0 : info.n
  const [open, setOpen] = useState(
    mode === 'expand' ? depth < EXPAND_DEPTH_CAP : mode === 'collapse' ? depth === 0 : depth < OPEN_DEPTH && count <= OPEN_MAX_CHILDREN && !crowded
  )
  const [shown, setShown] = useState(PAGE)
  const visible = Math.min(shown, count)
  const { entries, error } = useChildren(path, open && count > 0, visible)
  const comma = last ? '' : ','
  if (info.t === 'scalar') {
    return (
      <div className="j-line" style={{ paddingLeft: depth * 14 + 14 }}>
        <Key name={name} index={inArray} />
        <Scalar value={info.v} raw={info.raw} />
        {comma}
      </div>
    )
  }
  const isArray = info.t === 'array'
  const [openBr, closeBr] = isArray ? ['[', ']'] : ['{', '}']
  const summary = `${count} ${isArray ? (count === 1 ? 'item' : 'items') : count === 1 ? 'key' : 'keys'}`
  const toggle = (
    <button className="j-toggle" aria-expanded={open} data-testid="json-toggle" onClick={() => setOpen(!open)} disabled={count === 0}>
      {count === 0 ? '' : open ? '▾' : '▸'}
    </button>
  )
  if (!open || count === 0) {
    return (
      <div className="j-line" style={{ paddingLeft: depth * 14 }}>
        {toggle}
        <Key name={name} index={inArray} />
        <span className="j-punct">{openBr}</span>
        {count > 0 && (
          <span className="j-summary" onClick={() => setOpen(true)}>
            {' '}
            {summary}{' '}
          </span>
        )}
        <span className="j-punct">{closeBr}</span>
        {comma}
      </div>
    )
  }
  const inner = (depth + 1) * 14 + 14
  return (
    <>
      <div className="j-line" style={{ paddingLeft: depth * 14 }}>
        {toggle}
        <Key name={name} index={inArray} />
        <span className="j-punct">{openBr}</span>
        <span className="j-count"> {summary}</span>
      </div>
      {entries?.map(([k, child], i) => (
        <JsonNode
          key={k}
          name={k}
          info={child}
          path={[...path, k]}
          depth={depth + 1}
          inArray={isArray}
          last={i === count - 1}
          crowded={count > OPEN_MAX_CHILDREN}
        />
      ))}
      {error && (
        <div className="j-line inline-error" style={{ paddingLeft: inner }}>
          {error}
        </div>
      )}
      {(!entries || entries.length < visible) && !error && (
        <div className="j-line muted" style={{ paddingLeft: inner }}>
          loading…
        </div>
      )}
      {entries && entries.length >= visible && visible < count && (
        <div className="j-line" style={{ paddingLeft: inner }}>
          <button className="link" data-testid="json-more" onClick={() => setShown(shown + MORE)}>
            show {Math.min(MORE, count - visible).toLocaleString()} more of {(count - visible).toLocaleString()}
          </button>
        </div>
      )}
      <div className="j-line" style={{ paddingLeft: depth * 14 + 14 }}>
        <span className="j-punct">{closeBr}</span>
        {comma}
      </div>
    </>
  )
})

/** `generation` remounts the tree so a new mode (expand all / collapse all) applies to every node. */
export function JsonTree({ source, generation, mode }: { source: JsonSource; generation: number; mode: TreeMode }): React.JSX.Element {
  return (
    <div className="json-tree" data-testid="json-tree">
      <Source.Provider value={source}>
        <Mode.Provider value={mode}>
          <JsonNode key={generation} name={null} info={source.root} path={[]} depth={0} inArray={false} last crowded={false} />
        </Mode.Provider>
      </Source.Provider>
    </div>
  )
}
