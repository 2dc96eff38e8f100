// The CLI is a client of the Api: what its verbs used to read from the engine's stores now comes
// through Api methods (nextCapture, listRequests with searchAll, getRequest + readBody, forgeStart and
// its progress events), so these tests check those methods and the verbs built on them.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ForgeProgress } from '../../src/shared/api/forge'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { CLI_SOURCE, ROOT, runCli } from '../helpers/cli'
import { Engine } from '../../src/main/engine/engine'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { tempDir } from '../helpers/temp'
import { send } from '../helpers/http'
import { newRequest } from '../helpers/rows'

const SECRET = 'whsec_cli_api_test_secret'

describe('the Api methods the CLI reads through', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.dispose()
    t = undefined
  })

  it('nextCapture: the newest id without afterId, then the oldest match after it, filters applied', async () => {
    t = await startTestEngine()
    await send(`${t.url}/before`, { body: '{"type":"call.ended"}' })
    const start = await t.engine.api.nextCapture({})
    expect(start.capture).toBeNull()
    expect(start.lastId).toBe(1)
    expect(await t.engine.api.nextCapture({ afterId: start.lastId })).toEqual({ capture: null, lastId: 1 })

    await send(`${t.url}/hooks/a`, { body: '{"type":"call.started"}' })
    await send(`${t.url}/other`, { body: '{"type":"call.ended"}' })
    await send(`${t.url}/hooks/b`, { body: '{"type":"call.ended"}' })
    const any = await t.engine.api.nextCapture({ afterId: start.lastId })
    expect(any.capture?.path).toBe('/hooks/a')
    expect(any.lastId).toBe(4)
    const ended = await t.engine.api.nextCapture({ afterId: start.lastId, pathPrefix: '/hooks/', eventType: 'call.ended' })
    expect(ended.capture?.path).toBe('/hooks/b')
    // Nothing matches: the caller moves on to lastId and does not read these rows again.
    expect(await t.engine.api.nextCapture({ afterId: start.lastId, verdict: 'valid' })).toEqual({ capture: null, lastId: 4 })
  })

  it('listRequests with searchAll sees a flood-sized backlog that a live search reports as unindexed', async () => {
    t = await startTestEngine()
    const row = (i: number): NewRequest => newRequest(`/flood/${i}`, '{"note":"okapi"}', { headers: [['Content-Type', 'application/json']], contentType: 'application/json' })
    t.engine.requests.insertMany(Array.from({ length: 2500 }, (_, i) => row(i)))
    expect((await t.engine.api.listRequests({ search: 'okapi', limit: 5 })).unindexed).toBe(2500)
    const all = await t.engine.api.listRequests({ search: 'okapi', searchAll: true, limit: 1000 })
    expect(all.unindexed).toBeUndefined()
    expect(all.items).toHaveLength(1000)
    expect(all.items[0].path).toBe('/flood/2499')
  })
})

describe('verbs through the Api', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.dispose()
    t = undefined
  })

  it('show prints a body bigger than one Api message byte for byte (read in chunks like the UI)', async () => {
    t = await startTestEngine()
    // 3 MiB + 1 of bytes that are not text: several readBody chunks, the last one short.
    const body = Buffer.alloc(3 * 1024 * 1024 + 1)
    for (let i = 0; i < body.length; i++) body[i] = (i * 7919) % 256
    expect((await send(`${t.url}/big`, { body, headers: { 'content-type': 'application/octet-stream' } })).status).toBe(200)
    await t.engine.stop()
    const { code, stdout, stderr } = await runCli(['show', '1', '--json', '--db', t.dbPath])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const shown = JSON.parse(stdout) as { bodyBase64: string; bodySize: number }
    const bytes = Buffer.from(shown.bodyBase64, 'base64')
    expect(bytes.length).toBe(body.length)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'))
  })

  it('list --search finds every match of a backlog bigger than a live search indexes', async () => {
    const dir = tempDir()
    try {
      const dbPath = join(dir.dir, 'backlog.db')
      // Committed and never indexed (an engine that closes without its index pass, as after a crash).
      const writer = new Engine({ dbPath, oneShot: true, log: () => {} })
      writer.requests.insertMany(Array.from({ length: 2300 }, (_, i) => newRequest(`/b/${i}`, i % 2 ? 'wombat here' : 'nothing', { contentType: 'text/plain' })))
      writer.close()
      const { code, stdout } = await runCli(['list', '--search', 'wombat', '--limit', '5000', '--json', '--db', dbPath])
      expect(code).toBe(0)
      const items = JSON.parse(stdout) as { path: string }[]
      expect(items).toHaveLength(1150)
      expect(items[0].path).toBe('/b/2299')
    } finally {
      dir.cleanup()
    }
  })

  it('errors are one sentence in {"error"} on stderr, exit 1: a wrong option, an unknown id', async () => {
    t = await startTestEngine()
    await t.engine.stop()
    const badLimit = await runCli(['list', '--limit', '0', '--json', '--db', t.dbPath])
    expect(badLimit.code).toBe(1)
    expect(JSON.parse(badLimit.stderr)).toEqual({ error: '--limit takes a whole number of 1 or more' })
    const missing = await runCli(['show', '42', '--json', '--db', t.dbPath])
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stderr)).toEqual({ error: 'No captured request with id 42.' })
  })

  it('forge-test: Ctrl+C cancels the run, and the report of the checks done so far is printed (exit 0)', async () => {
    t = await startTestEngine()
    // A handler that accepts connections and never answers: the run waits on its first delivery.
    const sockets = new Set<Socket>()
    let connected: () => void = () => {}
    const firstConnection = new Promise<void>((resolve) => (connected = resolve))
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => {})
      connected()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, 'forge-test', '--provider', 'callpaymin', '--to', url, '--secret', SECRET, '--timeout-ms', '60000', '--json', '--db', t.dbPath], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      await firstConnection
      child.kill('SIGINT')
      const [code] = (await once(child, 'exit')) as [number | null]
      expect(code).toBe(0)
      const report = JSON.parse(stdout) as { status: string; checks: unknown[] }
      expect(report.status).toBe('cancelled')
      expect(report.checks).toEqual([])
      expect(stdout).not.toContain(SECRET)
    } finally {
      for (const s of sockets) s.destroy()
      server.close()
    }
  })

  it('forgeStart: a run the engine stops under still sends its last progress event, so no client waits forever', async () => {
    t = await startTestEngine()
    const server = createServer((socket) => socket.on('error', () => {}))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`
    try {
      const last = new Promise<ForgeProgress>((resolve) =>
        t!.engine.events.subscribe((event, payload) => event === 'forgeProgress' && (payload as ForgeProgress).finished && resolve(payload as ForgeProgress))
      )
      const { runId } = await t.engine.api.forgeStart({ targetUrl: url, provider: 'callpaymin', secret: SECRET, timeoutMs: 300 })
      // The database closes under the run: its next save fails.
      t.engine.db.close()
      const progress = await last
      expect(progress).toMatchObject({ runId, finished: true, status: 'failed' })
    } finally {
      server.close()
    }
  })
})
