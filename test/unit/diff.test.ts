import { describe, expect, test } from 'vitest'
import { diffRequests, type DiffSide } from '../../src/shared/diff'
import type { Header } from '../../src/shared/types'

const side = (id: number, text: string | null, headers: Header[] = [], extra: Partial<DiffSide> = {}): DiffSide => ({
  id,
  method: 'POST',
  path: '/hooks',
  headers,
  text,
  size: text?.length ?? 0,
  sha256: `sha-${id}`,
  ...extra
})

describe('diff of two captures', () => {
  test('JSON bodies are compared by path: added, removed and changed with both values', () => {
    const a = side(1, JSON.stringify({ id: 'evt_1', data: { status: 'ringing', tags: ['a', 'b'], gone: 1, 'odd key': true } }))
    const b = side(2, JSON.stringify({ id: 'evt_1', data: { status: 'completed', tags: ['a'], extra: { n: 2 }, 'odd key': false } }))
    const d = diffRequests(a, b)
    expect(d.bodyMode).toBe('json')
    expect(d.body).toEqual([
      { path: '$.data.status', change: 'changed', a: 'ringing', b: 'completed' },
      { path: '$.data.tags[1]', change: 'removed', a: 'b' },
      { path: '$.data.gone', change: 'removed', a: 1 },
      { path: '$.data["odd key"]', change: 'changed', a: true, b: false },
      { path: '$.data.extra', change: 'added', b: { n: 2 } }
    ])
    expect(d.method).toBeUndefined()
    expect(d.path).toBeUndefined()
  })

  test('a JSON value that changes type is one change at its path; equal bodies formatted differently have none', () => {
    expect(diffRequests(side(1, '{"a":{"b":1}}'), side(2, '{"a":[1]}')).body).toEqual([{ path: '$.a', change: 'changed', a: { b: 1 }, b: [1] }])
    expect(diffRequests(side(1, '{"a": 1, "b": [1, 2]}'), side(2, '{\n  "a":1,"b":[1,2]\n}')).body).toEqual([])
  })

  test('headers are compared by name, case-insensitively, duplicates joined; method and path when they differ', () => {
    const d = diffRequests(
      side(1, '', [['X-Attempt', '1'], ['Content-Type', 'application/json'], ['X-Old', 'x'], ['Via', 'a']]),
      side(2, '', [['x-attempt', '2'], ['content-type', 'application/json'], ['X-New', 'y'], ['Via', 'a'], ['Via', 'b']], { method: 'PUT', path: '/hooks?retry=1' })
    )
    expect(d.headers).toEqual([
      { name: 'X-Attempt', change: 'changed', a: '1', b: '2' },
      { name: 'X-Old', change: 'removed', a: 'x' },
      { name: 'Via', change: 'changed', a: 'a', b: 'a, b' },
      { name: 'X-New', change: 'added', b: 'y' }
    ])
    expect(d.method).toEqual({ a: 'POST', b: 'PUT' })
    expect(d.path).toEqual({ a: '/hooks', b: '/hooks?retry=1' })
  })

  test('other text bodies are compared by line', () => {
    const a = side(1, '<Response>\n  <Say>Hello</Say>\n  <Hangup/>\n</Response>')
    const b = side(2, '<Response>\n  <Say>Goodbye</Say>\n  <Pause/>\n  <Hangup/>\n</Response>')
    const d = diffRequests(a, b)
    expect(d.bodyMode).toBe('text')
    expect(d.body).toEqual([
      { path: 'line 2', change: 'changed', a: '  <Say>Hello</Say>', b: '  <Say>Goodbye</Say>' },
      { path: 'line 3', change: 'added', b: '  <Pause/>' }
    ])
  })

  test('binary bodies are compared by hash; bounds stop huge diffs and say so', () => {
    expect(diffRequests(side(1, null, [], { size: 3 }), side(2, null, [], { size: 4 })).body).toEqual([
      { path: 'body', change: 'changed', a: '3 bytes, sha256 sha-1', b: '4 bytes, sha256 sha-2' }
    ])
    const many = (n: number, v: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, v])))
    const d = diffRequests(side(1, many(50, 1)), side(2, many(50, 2)), { maxEntries: 10, maxLines: 100, maxValueChars: 100, maxDepth: 8 })
    expect(d.body).toHaveLength(10)
    expect(d.truncated).toContain('10 differences in the body')
    const big = 'x'.repeat(500)
    expect(diffRequests(side(1, JSON.stringify({ s: big })), side(2, '{}'), { maxEntries: 10, maxLines: 10, maxValueChars: 100, maxDepth: 8 }).body[0].a).toBe('x'.repeat(100) + '…')
    const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join('\n')
    const block = diffRequests(side(1, lines(300, 'a')), side(2, lines(300, 'b')), { maxEntries: 10, maxLines: 100, maxValueChars: 20, maxDepth: 8 })
    expect(block.body).toHaveLength(1)
    expect(block.body[0].path).toBe('lines 1-300')
  })

  test('hostile keys are data: __proto__ in a body is compared as a key, not followed', () => {
    const d = diffRequests(side(1, '{"__proto__":{"x":1}}'), side(2, '{"__proto__":{"x":2}}'))
    expect(d.body).toEqual([{ path: '$.__proto__.x', change: 'changed', a: 1, b: 2 }])
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})
