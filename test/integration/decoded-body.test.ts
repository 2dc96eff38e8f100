// getDecodedBody: the body undone from its Content-Encoding for display, through the same validation
// gate both transports use, capped so a compression bomb cannot take the app's memory.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/transport/dispatch'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

describe('getDecodedBody', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  async function capture(body: Buffer, encoding: string | null): Promise<number> {
    await send(t.url + '/enc', { headers: encoding ? { 'Content-Encoding': encoding } : {}, body })
    return t.engine.requests.list({ limit: 1 }).items[0].id
  }

  it('undoes gzip, deflate, br and stacked encodings; plain bodies come back as they are', async () => {
    t = await startTestEngine()
    const text = Buffer.from(JSON.stringify({ type: 'call.ended', n: 42 }))
    const cases: [Buffer, string | null][] = [
      [gzipSync(text), 'gzip'],
      [deflateSync(text), 'deflate'],
      [brotliCompressSync(text), 'br'],
      [gzipSync(brotliCompressSync(text)), 'br, gzip'],
      [text, null]
    ]
    for (const [body, encoding] of cases) {
      const id = await capture(body, encoding)
      const decoded = await t.engine.api.getDecodedBody({ id })
      expect(decoded, String(encoding)).toMatchObject({ ok: true, encoding, size: text.length })
      expect(Buffer.from((decoded as { bodyBase64: string }).bodyBase64, 'base64').equals(text)).toBe(true)
    }
  })

  it('says in words why a body cannot be decoded, and refuses to inflate a bomb', async () => {
    t = await startTestEngine()
    const broken = await t.engine.api.getDecodedBody({ id: await capture(Buffer.from('not gzip at all'), 'gzip') })
    expect(broken).toMatchObject({ ok: false, encoding: 'gzip' })
    expect((broken as { error: string }).error).toMatch(/could not be decoded/)
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024))
    const refused = await t.engine.api.getDecodedBody({ id: await capture(bomb, 'gzip') })
    expect(refused).toMatchObject({ ok: false })
    expect((refused as { error: string }).error).toMatch(/expands beyond 64 MiB/)
  })

  it('answers null for a missing id and rejects a bad id at the transport gate', async () => {
    t = await startTestEngine()
    expect(await t.engine.api.getDecodedBody({ id: 999 })).toBeNull()
    const envelope = await dispatch(t.engine.api, 'getDecodedBody', { id: 'x' })
    expect(envelope.ok).toBe(false)
  })
})
