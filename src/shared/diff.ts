// What changed between two captures: JSON bodies by path, other text bodies by line, headers by name.
// Pure and bounded (bodies can be megabytes): the engine runs it, the renderer only shows the result.
import type { BodyDiffEntry, DiffChange, HeaderDiffEntry, RequestDiff } from './api/calls'
import type { Header } from './types'

export interface DiffSide {
  id: number
  method: string
  path: string
  headers: Header[]
  /** The decoded body as text, or null when it is binary (not UTF-8). */
  text: string | null
  size: number
  sha256: string
}

export interface DiffBounds {
  /** Entries reported per part (body, headers) before the diff says it stopped. */
  maxEntries: number
  /** Lines of the differing middle of two text bodies compared line by line (beyond: one block). */
  maxLines: number
  /** A value longer than this (as JSON) is shown as a summary rather than in full. */
  maxValueChars: number
  /** JSON nested deeper than this is compared as a whole at that depth. */
  maxDepth: number
}

export const DEFAULT_DIFF_BOUNDS: DiffBounds = { maxEntries: 2000, maxLines: 2000, maxValueChars: 4000, maxDepth: 64 }

export function diffRequests(a: DiffSide, b: DiffSide, bounds: DiffBounds = DEFAULT_DIFF_BOUNDS): RequestDiff {
  const out = new Collector(bounds)
  const headers = diffHeaders(a.headers, b.headers, bounds)
  let bodyMode: RequestDiff['bodyMode'] = 'binary'
  if (a.text !== null && b.text !== null) {
    const ja = parseJson(a.text)
    const jb = parseJson(b.text)
    if (ja.ok && jb.ok) {
      bodyMode = 'json'
      diffJson(ja.value, jb.value, '$', 0, out)
    } else {
      bodyMode = 'text'
      diffLines(a.text, b.text, out)
    }
  } else if (a.sha256 !== b.sha256) {
    out.push({ path: 'body', change: 'changed', a: `${a.size} bytes, sha256 ${a.sha256}`, b: `${b.size} bytes, sha256 ${b.sha256}` })
  }
  const truncated = [out.stopped && 'body', headers.truncated && 'headers'].filter(Boolean).join(' and ')
  return {
    a: a.id,
    b: b.id,
    bodyMode,
    body: out.entries,
    headers: headers.entries,
    ...(a.method !== b.method ? { method: { a: a.method, b: b.method } } : {}),
    ...(a.path !== b.path ? { path: { a: a.path, b: b.path } } : {}),
    ...(truncated ? { truncated: `Stopped after ${bounds.maxEntries} differences in the ${truncated}.` } : {})
  }
}

class Collector {
  readonly entries: BodyDiffEntry[] = []
  stopped = false
  constructor(readonly bounds: DiffBounds) {}
  get full(): boolean {
    return this.stopped
  }
  push(entry: BodyDiffEntry): void {
    if (this.entries.length >= this.bounds.maxEntries) {
      this.stopped = true
      return
    }
    this.entries.push(entry)
  }
  value(v: unknown): unknown {
    if (typeof v === 'string') return v.length > this.bounds.maxValueChars ? v.slice(0, this.bounds.maxValueChars) + '…' : v
    if (v === null || typeof v !== 'object') return v
    const json = JSON.stringify(v)
    if (json.length <= this.bounds.maxValueChars) return v
    const kind = Array.isArray(v) ? `array of ${v.length} items` : `object with ${Object.keys(v).length} keys`
    return `(${kind}, ${json.length} characters as JSON)`
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function diffJson(a: unknown, b: unknown, path: string, depth: number, out: Collector): void {
  if (out.full) return
  if (a === b) return
  const bothArrays = Array.isArray(a) && Array.isArray(b)
  const bothObjects = isObject(a) && isObject(b)
  if ((!bothArrays && !bothObjects) || depth >= out.bounds.maxDepth) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, change: 'changed', a: out.value(a), b: out.value(b) })
    return
  }
  if (bothArrays) {
    const x = a as unknown[]
    const y = b as unknown[]
    for (let i = 0; i < Math.max(x.length, y.length) && !out.full; i++) {
      const p = childPath(path, i)
      if (i >= y.length) out.push({ path: p, change: 'removed', a: out.value(x[i]) })
      else if (i >= x.length) out.push({ path: p, change: 'added', b: out.value(y[i]) })
      else diffJson(x[i], y[i], p, depth + 1, out)
    }
    return
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)
  for (const key of Object.keys(x)) {
    if (out.full) return
    const p = childPath(path, key)
    if (!has(y, key)) out.push({ path: p, change: 'removed', a: out.value(x[key]) })
    else diffJson(x[key], y[key], p, depth + 1, out)
  }
  for (const key of Object.keys(y)) {
    if (out.full) return
    if (!has(x, key)) out.push({ path: childPath(path, key), change: 'added', b: out.value(y[key]) })
  }
}

/** Line diff: common head and tail skipped, the middle by LCS when it is small enough, else as one block. */
function diffLines(aText: string, bText: string, out: Collector): void {
  if (aText === bText) return
  const a = aText.split('\n')
  const b = bText.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const am = a.slice(head, a.length - tail)
  const bm = b.slice(head, b.length - tail)
  if (am.length > out.bounds.maxLines || bm.length > out.bounds.maxLines) {
    out.push({ path: `lines ${head + 1}-${head + am.length}`, change: 'changed', a: out.value(am.join('\n')), b: out.value(bm.join('\n')) })
    return
  }
  const ops = lcsOps(am, bm)
  // Pair a run of removals with the run of additions that follows it: those lines changed.
  let i = 0
  let ai = head
  let bi = head
  while (i < ops.length && !out.full) {
    if (ops[i] === '=') {
      ai++
      bi++
      i++
      continue
    }
    const removed: string[] = []
    const added: string[] = []
    const startA = ai
    const startB = bi
    for (; i < ops.length && ops[i] === '-'; i++) removed.push(a[ai++])
    for (; i < ops.length && ops[i] === '+'; i++) added.push(b[bi++])
    const n = Math.max(removed.length, added.length)
    for (let k = 0; k < n && !out.full; k++) {
      const change: DiffChange = k < removed.length && k < added.length ? 'changed' : k < removed.length ? 'removed' : 'added'
      const lineA = startA + k + 1
      const lineB = startB + k + 1
      const path = change === 'added' ? `line ${lineB}` : change === 'changed' && lineA !== lineB ? `line ${lineA}→${lineB}` : `line ${lineA}`
      out.push({
        path,
        change,
        ...(k < removed.length ? { a: out.value(removed[k]) } : {}),
        ...(k < added.length ? { b: out.value(added[k]) } : {})
      })
    }
  }
}

function lcsOps(a: string[], b: string[]): ('=' | '-' | '+')[] {
  const n = a.length
  const m = b.length
  const w = m + 1
  const table = new Uint32Array((n + 1) * w)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = a[i] === b[j] ? table[(i + 1) * w + j + 1] + 1 : Math.max(table[(i + 1) * w + j], table[i * w + j + 1])
    }
  }
  const ops: ('=' | '-' | '+')[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('=')
      i++
      j++
    } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) {
      ops.push('-')
      i++
    } else {
      ops.push('+')
      j++
    }
  }
  while (i++ < n) ops.push('-')
  while (j++ < m) ops.push('+')
  return ops
}

function diffHeaders(a: Header[], b: Header[], bounds: DiffBounds): { entries: HeaderDiffEntry[]; truncated: boolean } {
  const group = (headers: Header[]): Map<string, { name: string; values: string[] }> => {
    const map = new Map<string, { name: string; values: string[] }>()
    for (const [name, value] of headers) {
      const key = name.toLowerCase()
      const entry = map.get(key)
      if (entry) entry.values.push(value)
      else map.set(key, { name, values: [value] })
    }
    return map
  }
  const ga = group(a)
  const gb = group(b)
  const entries: HeaderDiffEntry[] = []
  for (const [key, x] of ga) {
    const y = gb.get(key)
    const av = x.values.join(', ')
    if (!y) entries.push({ name: x.name, change: 'removed', a: av })
    else if (av !== y.values.join(', ')) entries.push({ name: x.name, change: 'changed', a: av, b: y.values.join(', ') })
  }
  for (const [key, y] of gb) if (!ga.has(key)) entries.push({ name: y.name, change: 'added', b: y.values.join(', ') })
  return { entries: entries.slice(0, bounds.maxEntries), truncated: entries.length > bounds.maxEntries }
}
