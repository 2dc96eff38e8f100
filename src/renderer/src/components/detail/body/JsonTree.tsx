// A JSON tree built from React elements (captured content is always text, never HTML). Large and deep
// nodes start collapsed and long child lists render in pages, so a 10 MB body opens at once.
import { createContext, memo, useContext, useState } from 'react'

const PAGE = 100
/** Nodes above this depth, or with more children than this, start collapsed. */
const OPEN_DEPTH = 3
const OPEN_MAX_CHILDREN = 50

type Container = Record<string, unknown> | unknown[]

/** 'auto': small and shallow nodes open; 'expand': all open (to a depth cap); 'collapse': only the root. */
export type TreeMode = 'auto' | 'expand' | 'collapse'
const Mode = createContext<TreeMode>('auto')
const EXPAND_DEPTH_CAP = 8

function childCount(value: Container): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length
}

function entries(value: Container, from: number, to: number): [string, unknown][] {
  if (Array.isArray(value)) return value.slice(from, to).map((v, i) => [String(from + i), v])
  return Object.keys(value)
    .slice(from, to)
    .map((k) => [k, value[k]])
}

function Scalar({ value }: { value: unknown }): React.JSX.Element {
  if (value === null) return <span className="j-null">null</span>
  if (typeof value === 'string') return <span className="j-str">{JSON.stringify(value)}</span>
  if (typeof value === 'number') return <span className="j-num">{String(value)}</span>
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

interface NodeProps {
  name: string | null
  value: unknown
  depth: number
  inArray: boolean
  last: boolean
}

const JsonNode = memo(function JsonNode({ name, value, depth, inArray, last }: NodeProps): React.JSX.Element {
  const mode = useContext(Mode)
  const container = value !== null && typeof value === 'object' ? (value as Container) : null
  const count = container ? childCount(container) : 0
  const [open, setOpen] = useState(
    mode === 'expand' ? depth < EXPAND_DEPTH_CAP : mode === 'collapse' ? depth === 0 : depth < OPEN_DEPTH && count <= OPEN_MAX_CHILDREN
  )
  const [shown, setShown] = useState(PAGE)
  const comma = last ? '' : ','
  if (!container) {
    return (
      <div className="j-line" style={{ paddingLeft: depth * 14 + 14 }}>
        <Key name={name} index={inArray} />
        <Scalar value={value} />
        {comma}
      </div>
    )
  }
  const isArray = Array.isArray(container)
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
  const visible = Math.min(shown, count)
  return (
    <>
      <div className="j-line" style={{ paddingLeft: depth * 14 }}>
        {toggle}
        <Key name={name} index={inArray} />
        <span className="j-punct">{openBr}</span>
        <span className="j-count"> {summary}</span>
      </div>
      {entries(container, 0, visible).map(([k, v], i) => (
        <JsonNode key={k} name={k} value={v} depth={depth + 1} inArray={isArray} last={i === count - 1} />
      ))}
      {visible < count && (
        <div className="j-line" style={{ paddingLeft: (depth + 1) * 14 + 14 }}>
          <button className="link" data-testid="json-more" onClick={() => setShown(shown + PAGE * 10)}>
            show {Math.min(PAGE * 10, count - visible).toLocaleString()} more of {(count - visible).toLocaleString()}
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
export function JsonTree({ value, generation, mode }: { value: unknown; generation: number; mode: TreeMode }): React.JSX.Element {
  return (
    <div className="json-tree" data-testid="json-tree">
      <Mode.Provider value={mode}>
        <JsonNode key={generation} name={null} value={value} depth={0} inArray={false} last />
      </Mode.Provider>
    </div>
  )
}
