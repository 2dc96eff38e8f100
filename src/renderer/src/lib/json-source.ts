// A JSON document seen one page of children at a time. A big document stays inside the body worker
// (copying a 10 MB object graph back to the page would block it as long as parsing it there); the
// tree asks for the children it shows. Small documents answer the same questions synchronously.

/** `raw`: the number's text as it arrived, when its double value would print differently. */
export type JsonNodeInfo =
  | { t: 'scalar'; v: string | number | boolean | null; raw?: string }
  | { t: 'array' | 'object'; n: number }
import { rawNumberText } from './json-numbers'

export type JsonEntry = [key: string, info: JsonNodeInfo]

export function describeJson(value: unknown): JsonNodeInfo {
  if (Array.isArray(value)) return { t: 'array', n: value.length }
  const raw = rawNumberText(value)
  if (raw !== null) return { t: 'scalar', v: Number(raw), raw }
  if (value !== null && typeof value === 'object') return { t: 'object', n: Object.keys(value).length }
  return { t: 'scalar', v: value as string | number | boolean | null }
}

/** Children [from, to) of the node at `path` (keys; array indices as strings). */
export function childrenAt(root: unknown, path: string[], from: number, to: number): JsonEntry[] {
  let node = root
  for (const key of path) node = Array.isArray(node) ? node[Number(key)] : (node as Record<string, unknown>)[key]
  if (Array.isArray(node)) return node.slice(from, to).map((v, i) => [String(from + i), describeJson(v)])
  if (node === null || typeof node !== 'object') return []
  const record = node as Record<string, unknown>
  return Object.keys(record)
    .slice(from, to)
    .map((k) => [k, describeJson(record[k])])
}

/** Where the tree gets children: synchronously for an in-page value, or asynchronously from the worker. */
export interface JsonSource {
  root: JsonNodeInfo
  sync?: (path: string[], from: number, to: number) => JsonEntry[]
  fetch?: (path: string[], from: number, to: number) => Promise<JsonEntry[]>
}

export function memorySource(value: unknown): JsonSource {
  return { root: describeJson(value), sync: (path, from, to) => childrenAt(value, path, from, to) }
}
