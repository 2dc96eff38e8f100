import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { BODY_CHUNK_BYTES, INLINE_BODY_BYTES } from '../../src/shared/api/core'
import { dispatch } from '../../src/main/transport/dispatch'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

/** Reads a body the way the UI does: chunk after chunk through the validated Api. */
async function readAll(t: TestEngine, id: number, decoded: boolean): Promise<Buffer> {
  const parts: string[] = []
  for (let offset = 0, total = Infinity; offset < total; offset += BODY_CHUNK_BYTES) {
    const reply = await dispatch(t.engine.api, 'readBody', { id, decoded, offset, length: BODY_CHUNK_BYTES })
    if (!reply.ok) throw new Error(reply.error.message)
    const chunk = reply.result as { base64: string; total: number }
    parts.push(chunk.base64)
    total = chunk.total
  }
  return Buffer.from(parts.join(''), 'base64')
}

describe('big bodies travel in chunks', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('leaves a body over the inline size out of getRequest, and readBody chunks rebuild it byte for byte', async () => {
    t = await startTestEngine()
    const body = randomBytes(INLINE_BODY_BYTES * 3 + 17)
    await send(t.url + '/big', { body })
    const id = t.engine.requests.list({ limit: 1 }).items[0].id
    const request = await t.engine.api.getRequest({ id })
    expect(request).toMatchObject({ bodyOmitted: true, bodyBase64: '', bodySize: body.length })
    expect((await readAll(t, id, false)).equals(body)).toBe(true)
  })

  it('keeps small bodies inline', async () => {
    t = await startTestEngine()
    await send(t.url + '/small', { body: '{"a":1}' })
    const id = t.engine.requests.list({ limit: 1 }).items[0].id
    const request = await t.engine.api.getRequest({ id })
    expect(request?.bodyOmitted).toBeUndefined()
    expect(Buffer.from(request!.bodyBase64, 'base64').toString()).toBe('{"a":1}')
  })

  it('reads a big decoded gzip body in chunks too', async () => {
    t = await startTestEngine()
    const plain = Buffer.from(JSON.stringify({ items: Array.from({ length: 60_000 }, (_, i) => ({ i, s: 'x'.repeat(20) })) }))
    expect(plain.length).toBeGreaterThan(INLINE_BODY_BYTES)
    await send(t.url + '/gz', { body: gzipSync(plain), headers: { 'Content-Encoding': 'gzip' } })
    const id = t.engine.requests.list({ limit: 1 }).items[0].id
    const decoded = await t.engine.api.getDecodedBody({ id })
    expect(decoded).toMatchObject({ ok: true, bodyOmitted: true, size: plain.length })
    expect((await readAll(t, id, true)).equals(plain)).toBe(true)
  })

  it('refuses chunk requests larger than the chunk size, in words', async () => {
    t = await startTestEngine()
    const reply = await dispatch(t.engine.api, 'readBody', { id: 1, offset: 0, length: BODY_CHUNK_BYTES + 1 })
    expect(reply.ok).toBe(false)
    expect(!reply.ok && reply.error.code).toBe('invalid_input')
  })
})
