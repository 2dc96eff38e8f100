import { describe, expect, it } from 'vitest'
import { analyzeBody, decodeText, hexDump, hexLine, parseQuery, parseUrlEncoded } from '../../src/renderer/src/lib/body-analysis'
import { duplicateNames, headersText, rawRequest } from '../../src/renderer/src/lib/http-text'
import { childrenAt, describeJson, memorySource } from '../../src/renderer/src/lib/json-source'
import { fromForm, toForm } from '../../src/renderer/src/lib/settings-form'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('body analysis', () => {
  it('recognises JSON by content type or by its first character', () => {
    expect(analyzeBody(bytes('{"a":1}'), 'application/json').json).toEqual({ a: 1 })
    expect(analyzeBody(bytes(' [1,2]'), 'text/plain').kind).toBe('json')
    expect(analyzeBody(bytes('{"a":1}'), 'application/vnd.api+json; charset=utf-8').kind).toBe('json')
  })

  it('keeps a body labelled JSON that does not parse as text, saying why', () => {
    const a = analyzeBody(bytes('{"a":'), 'application/json')
    expect(a.kind).toBe('text')
    expect(a.jsonError).toMatch(/^Not valid JSON/)
  })

  it('treats NULs and invalid UTF-8 as binary, empty as empty', () => {
    expect(analyzeBody(new Uint8Array([0x41, 0, 0x42]), null).kind).toBe('binary')
    expect(analyzeBody(new Uint8Array([0xc3, 0x28]), 'text/plain').kind).toBe('binary')
    expect(analyzeBody(new Uint8Array(), 'application/json').kind).toBe('empty')
    expect(decodeText(bytes('héllo\r\n\tok'))).toBe('héllo\r\n\tok')
  })

  it('parses form bodies in order with duplicates, empty values and broken escapes kept', () => {
    expect(parseUrlEncoded('a=1&b=x+y%21&a=2&c=&d&e=%E0%A4%A')).toEqual([
      ['a', '1'],
      ['b', 'x y!'],
      ['a', '2'],
      ['c', ''],
      ['d', ''],
      ['e', '%E0%A4%A']
    ])
    expect(analyzeBody(bytes('a=1'), 'application/x-www-form-urlencoded; charset=utf-8').fields).toEqual([['a', '1']])
  })

  it('parses the query string of a path and ignores a fragment', () => {
    expect(parseQuery('/hook')).toEqual([])
    expect(parseQuery('/hook?x=1&y=%20z&x=2#frag')).toEqual([
      ['x', '1'],
      ['y', ' z'],
      ['x', '2']
    ])
  })

  it('formats hex lines with offset, two groups of eight, and printable ASCII', () => {
    const b = new Uint8Array([0x00, 0x41, 0x7f, 0xff, 0x20, 0x7e, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0x48, 0x69])
    expect(hexLine(b, 0)).toBe('00000000  00 41 7f ff 20 7e 01 02  03 04 05 06 07 08 09 0a  .A.. ~..........')
    expect(hexLine(b, 16)).toBe('00000010  48 69' + ' '.repeat(45) + 'Hi')
    expect(hexDump(b, 16).split('\n')).toHaveLength(1)
  })
})

describe('request text', () => {
  const request = {
    method: 'POST',
    path: '/p?q=1',
    httpVersion: '1.1',
    headers: [
      ['Content-Type', 'text/plain'],
      ['X-A', '1'],
      ['x-a', '2']
    ] as [string, string][]
  }

  it('writes headers in arrival order and finds duplicates whatever their case', () => {
    expect(headersText(request.headers)).toBe('Content-Type: text/plain\nX-A: 1\nx-a: 2')
    expect([...duplicateNames(request.headers)]).toEqual(['x-a'])
  })

  it('renders the wire form with a text body, or a hex dump for binary, and counts what it left out', () => {
    expect(rawRequest(request, { bytes: bytes('hi'), text: 'hi' }).text).toBe(
      'POST /p?q=1 HTTP/1.1\nContent-Type: text/plain\nX-A: 1\nx-a: 2\n\nhi'
    )
    const bin = rawRequest(request, { bytes: new Uint8Array(40), text: null }, 16)
    expect(bin.text.endsWith('00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................')).toBe(true)
    expect(bin.omitted).toBe(24)
  })
})

describe('settings form', () => {
  const settings = { response: { status: 200, headers: [['X-A', 'b c']] as [string, string][], body: '{"ok":1}', delayMs: 0 }, bodyLimitBytes: 25 * 1024 * 1024 }

  it('round-trips settings through the form', () => {
    expect(toForm(settings).headers).toBe('X-A: b c')
    expect(toForm(settings).bodyLimitMiB).toBe('25')
    expect(fromForm(toForm(settings))).toEqual({ ok: true, settings })
  })

  it('explains what is wrong in plain words', () => {
    const form = toForm(settings)
    expect(fromForm({ ...form, status: '700' })).toEqual({ ok: false, error: 'Status must be a number from 100 to 599.' })
    expect(fromForm({ ...form, headers: 'no colon here' })).toMatchObject({ ok: false, error: expect.stringContaining('line 1') })
    expect(fromForm({ ...form, delayMs: '-5' })).toMatchObject({ ok: false })
    expect(fromForm({ ...form, bodyLimitMiB: 'lots' })).toMatchObject({ ok: false })
  })
})

describe('json source', () => {
  const doc = { a: 1, list: [{ x: null }, 'two', true], nested: { deep: { k: 'v' } } }

  it('describes nodes by kind and size without their contents', () => {
    expect(describeJson(doc)).toEqual({ t: 'object', n: 3 })
    expect(describeJson([1, 2])).toEqual({ t: 'array', n: 2 })
    expect(describeJson('s')).toEqual({ t: 'scalar', v: 's' })
  })

  it('pages the children of the node at a path', () => {
    expect(childrenAt(doc, [], 1, 3)).toEqual([
      ['list', { t: 'array', n: 3 }],
      ['nested', { t: 'object', n: 1 }]
    ])
    expect(childrenAt(doc, ['list'], 0, 10)).toEqual([
      ['0', { t: 'object', n: 1 }],
      ['1', { t: 'scalar', v: 'two' }],
      ['2', { t: 'scalar', v: true }]
    ])
    expect(childrenAt(doc, ['nested', 'deep'], 0, 1)).toEqual([['k', { t: 'scalar', v: 'v' }]])
    expect(memorySource(doc).sync!(['list', '0'], 0, 5)).toEqual([['x', { t: 'scalar', v: null }]])
  })
})

describe('tunnel panel options', () => {
  it('an empty server field starts the default server explicitly, so it can replace a custom one', async () => {
    const { hostFieldValue, tunnelStartOptions } = await import('../../src/renderer/src/lib/tunnel-options')
    expect(tunnelStartOptions('', '')).toEqual({ subdomain: undefined, host: 'https://localtunnel.me' })
    expect(tunnelStartOptions(' mine ', ' https://tunnel.example.com ')).toEqual({ subdomain: 'mine', host: 'https://tunnel.example.com' })
    expect(hostFieldValue('https://localtunnel.me')).toBe('')
    expect(hostFieldValue(undefined)).toBe('')
    expect(hostFieldValue('https://tunnel.example.com')).toBe('https://tunnel.example.com')
  })
})
