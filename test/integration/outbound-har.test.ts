import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { validateHar } from '../../src/main/engine/outbound/har'
import { runCli, startServe } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { deadPort, startTarget, type TargetServer } from '../helpers/target-server'
import { tempDir } from '../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('HAR export and import', () => {
  let t: TestEngine | undefined
  let target: TargetServer | undefined
  afterEach(async () => {
    await target?.close()
    await t?.dispose()
    t = undefined
    target = undefined
  })

  async function seed(engine: TestEngine): Promise<number[]> {
    await send(engine.url + '/cpm/hook?a=1&b=%20x', { headers: ['Content-Type', 'application/json', 'X-Dup', '1', 'X-Dup', '2'], body: '{"type":"call.ended","id":"evt_9"}' })
    await send(engine.url + '/bin', { headers: ['Content-Type', 'application/octet-stream'], body: Buffer.from([0, 1, 0xff, 0xfe, 0x80]) })
    await send(engine.url + '/empty', { method: 'GET' })
    return engine.engine.requests.list({ limit: 10 }).items.map((i) => i.id).reverse()
  }

  it('exports captures as HAR 1.2 that passes the structural checks, and imports back byte for byte', async () => {
    t = await startTestEngine()
    const ids = await seed(t)
    const { text, filename } = await t.engine.api.exportRequests({ ids, format: 'har' })
    expect(filename).toMatch(/\.har$/)
    const har = JSON.parse(text)
    expect(validateHar(har)).toEqual([])
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries[0].request.queryString).toEqual([{ name: 'a', value: '1' }, { name: 'b', value: ' x' }])

    const originals = ids.map((id) => t!.engine.requests.get(id)!)
    const other = await startTestEngine()
    try {
      const { imported, ids: newIds } = await other.engine.api.importHar({ text })
      expect(imported).toBe(3)
      const copies = newIds.map((id) => other.engine.requests.get(id)!)
      for (const [i, copy] of copies.entries()) {
        const o = originals[i]
        expect([copy.method, copy.path, copy.bodySha256, copy.bodySize, copy.receivedAt]).toEqual([o.method, o.path, o.bodySha256, o.bodySize, o.receivedAt])
        expect(copy.headers).toEqual(o.headers)
        expect(copy.response?.status).toBe(o.response?.status)
        expect(copy.response?.bodyBase64).toBe(o.response?.bodyBase64)
      }
    } finally {
      await other.dispose()
    }
  })

  it('rejects files that are not HAR 1.2 with the reason, and stores nothing', async () => {
    t = await startTestEngine()
    const importing = async (text: string) => t!.engine.api.importHar({ text })
    await expect(importing('not json')).rejects.toThrow(/not JSON/)
    await expect(importing('{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[{"request":{}}]}}')).rejects.toThrow(
      /startedDateTime/
    )
    expect(validateHar({ foo: 1 })).toEqual(['not a HAR file: no "log" object'])
    expect(t.engine.requests.count()).toBe(0)
  })

  it('CLI: export --format har, import FILE.har, replay ID --to URL, send --provider --event --to', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    t = await startTestEngine({}, dir)
    await seed(t)
    target = await startTarget((_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"handled":true}')
    })
    const db = t.dbPath
    const harFile = join(dir, 'out.har')
    t.engine.flushIndex()
    const exported = await runCli(['export', '--format', 'har', '--out', harFile, '--db', db, '--json'])
    expect(exported.code).toBe(0)
    expect(validateHar(JSON.parse(readFileSync(harFile, 'utf8')))).toEqual([])
    const imported = await runCli(['import', harFile, '--db', db, '--json'])
    // Its own captures, brought back into the same database: recognised, not stored twice.
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 0, skipped: 3 })

    const firstId = t.engine.requests.list({ limit: 100 }).items.at(-1)!.id
    const replay = await runCli(['replay', String(firstId), '--to', target.url + '/r', '--db', db, '--json'])
    expect(replay.code).toBe(0)
    const replayOut = JSON.parse(replay.stdout)
    expect(replayOut.request).toMatchObject({ method: 'POST', url: target.url + '/r', body: '{"type":"call.ended","id":"evt_9"}' })
    expect(replayOut.response).toMatchObject({ status: 200, body: '{"handled":true}' })

    const sent = await runCli(['send', '--provider', 'callpaymin', '--event', 'call.ended', '--to', target.url + '/s', '--secret', 'sek', '--data', '{"data":{"status":"failed"}}', '--db', db, '--json'])
    expect(sent.code).toBe(0)
    const sentOut = JSON.parse(sent.stdout)
    expect(JSON.parse(sentOut.request.body).data.status).toBe('failed')
    expect(sentOut.request.headers.map((h: string[]) => h[0])).toContain('X-CallPayMin-Signature')
    expect(JSON.stringify(sentOut)).not.toContain('"sek"')

    const refused = await runCli(['replay', String(firstId), '--to', `http://127.0.0.2:${await deadPort()}/`, '--db', db, '--json'])
    expect(refused.code).not.toBe(0)
    expect(JSON.parse(refused.stderr).error).toMatch(/Connection refused/)
    const noSecret = await runCli(['send', '--provider', 'callpaymin', '--event', 'call.ended', '--to', target.url, '--db', db, '--json'])
    expect(noSecret.code).not.toBe(0)
    expect(JSON.parse(noSecret.stderr).error).toMatch(/signing secret/)
    const badFile = join(dir, 'bad.har')
    writeFileSync(badFile, '{"log":{}}')
    const bad = await runCli(['import', badFile, '--db', db, '--json'])
    expect(bad.code).not.toBe(0)
    expect(JSON.parse(bad.stderr).error).toMatch(/HAR/)
  })
})

describe('serve --forward-to', () => {
  it('forwards every delivery to the URL and records the answer with the capture', async () => {
    const { dir, cleanup } = tempDir()
    const target = await startTarget((_r, res) => {
      res.writeHead(200)
      res.end('forwarded-ok')
    })
    const serve = await startServe(['--port', '0', '--db', join(dir, 'h.db'), '--forward-to', target.url + '/local'])
    try {
      const ack = await send(serve.info.receiver + '/cpm', { headers: ['Content-Type', 'application/json'], body: '{"type":"call.ended"}' })
      expect(ack.status).toBe(200)
      const seen = await target.waitFor(1)
      expect([seen.url, seen.body.toString()]).toEqual(['/local', '{"type":"call.ended"}'])
    } finally {
      await serve.stop()
      await target.close()
    }
    const engine = await startTestEngine({ dbPath: join(dir, 'h.db') }, dir)
    try {
      const [capture] = engine.engine.requests.list({ limit: 1 }).items
      const [forward] = await engine.engine.api.listDeliveries({ requestId: capture.id })
      expect(forward.kind).toBe('forward')
      expect(Buffer.from(forward.responseBodyBase64, 'base64').toString()).toBe('forwarded-ok')
    } finally {
      await engine.dispose()
      cleanup()
    }
  })

  it('refuses a --forward-to that is not an http(s) URL', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    await expect(startServe(['--port', '0', '--db', join(dir, 'h.db'), '--forward-to', 'localhost:3000'])).rejects.toThrow(/forward-to takes an http/)
  })
})
