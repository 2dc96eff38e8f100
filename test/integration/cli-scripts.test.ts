// The CLI as scripts and CI use it, run as real processes on real database files: no silent
// truncation (list and export past 1,000), `wait` for a delivery, and forge-test as a gate.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { renderExport } from '../../src/main/engine/outbound/export'
import { writeExport } from '../../src/main/engine/outbound/export-stream'
import { startCorrectNode } from '../fixtures/handlers/correct-node'
import { startDocsExpress } from '../fixtures/handlers/docs-express'
import type { RunningHandler } from '../fixtures/handlers/listen'
import { runCli, startServe, type RunningServe } from '../helpers/cli'
import { send } from '../helpers/http'
import { newRequest } from '../helpers/rows'
import { tempDir } from '../helpers/temp'

const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDb(): string {
  const temp = tempDir()
  cleanups.push(temp.cleanup)
  return join(temp.dir, 'hookscope.db')
}

/** A database file holding `n` captures /c/0 ... /c/(n-1), oldest first. */
async function seeded(n: number): Promise<string> {
  const db = tempDb()
  const engine = new Engine({ dbPath: db, port: 0, log: () => {} })
  const rows = Array.from({ length: n }, (_, i) =>
    newRequest(`/c/${i}`, JSON.stringify({ n: i, text: 'héllo' }), { provider: i % 2 ? 'callpaymin' : 'voipbin', headers: [['Content-Type', 'application/json']] })
  )
  for (let i = 0; i < rows.length; i += 500) engine.requests.insertMany(rows.slice(i, i + 500))
  await engine.stop()
  return db
}

describe('list and export never truncate silently', () => {
  it('list --limit pages inside: 1,500 of 1,600, newest first; any positive limit is accepted', async () => {
    const db = await seeded(1600)
    const { code, stdout, stderr } = await runCli(['list', '--limit', '1500', '--json', '--db', db])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const items = JSON.parse(stdout) as { id: number; path: string; headers: [string, string][] }[]
    expect(items).toHaveLength(1500)
    expect(items[0].path).toBe('/c/1599')
    expect(items[1499].path).toBe('/c/100')
    expect(items[0].headers).toEqual([['Content-Type', 'application/json']])
    const filtered = JSON.parse((await runCli(['list', '--limit', '5000', '--provider', 'callpaymin', '--json', '--db', db])).stdout) as unknown[]
    expect(filtered).toHaveLength(800)
    const bad = await runCli(['list', '--limit', '0', '--json', '--db', db])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stderr).error).toMatch(/--limit/)
  })

  it('export writes every capture, streamed, as HAR, JSON and cURL (1,200 captures, no --limit)', async () => {
    const db = await seeded(1200)
    const dir = tempDir()
    cleanups.push(dir.cleanup)
    const har = join(dir.dir, 'all.har')
    const wrote = await runCli(['export', '--format', 'har', '--out', har, '--json', '--db', db])
    expect(wrote.code).toBe(0)
    expect(JSON.parse(wrote.stdout)).toEqual({ out: har, count: 1200, format: 'har' })
    const parsed = JSON.parse(readFileSync(har, 'utf8')) as { log: { version: string; entries: { request: { url: string; postData: { text: string } } }[] } }
    expect(parsed.log.version).toBe('1.2')
    expect(parsed.log.entries).toHaveLength(1200)
    expect(parsed.log.entries[0].request.url).toBe('http://127.0.0.1:4747/c/1199')
    expect(JSON.parse(parsed.log.entries[1199].request.postData.text)).toEqual({ n: 0, text: 'héllo' })

    const json = await runCli(['export', '--format', 'json', '--db', db])
    expect(json.code).toBe(0)
    expect((JSON.parse(json.stdout) as { requests: unknown[] }).requests).toHaveLength(1200)
    const curl = await runCli(['export', '--format', 'curl', '--provider', 'voipbin', '--db', db])
    expect(curl.stdout.match(/^# \d+ POST \/c\/\d+$/gm)).toHaveLength(600)
    const limited = await runCli(['export', '--format', 'json', '--limit', '7', '--db', db])
    expect((JSON.parse(limited.stdout) as { requests: unknown[] }).requests).toHaveLength(7)
  })

  it('a streamed export is the same text as the in-memory one, for none, one and several captures', async () => {
    const db = await seeded(3)
    const engine = new Engine({ dbPath: db, port: 0, log: () => {} })
    cleanups.push(() => engine.stop())
    const all = engine.requests.list({ limit: 3 }).items.map((s) => engine.requests.get(s.id)!)
    for (const format of ['har', 'json', 'curl'] as const) {
      for (const captures of [[], all.slice(0, 1), all]) {
        let text = ''
        await writeExport(format, captures, 'http://127.0.0.1:4747', (chunk) => void (text += chunk))
        expect(text).toBe(renderExport(format, captures, 'http://127.0.0.1:4747'))
      }
    }
  })
})

describe('wait', () => {
  let serve: RunningServe | null = null
  afterEach(async () => {
    await serve?.stop()
    serve = null
  })

  it("returns the first matching capture that a serve process stores, as a list item, exit 0", async () => {
    const db = tempDb()
    serve = await startServe(['--port', '0', '--db', db])
    const first = await send(`${serve.info.receiver}/hooks/other`, { body: '{"type":"call.started"}' })
    expect(first.status).toBe(200)
    const newest = (JSON.parse((await runCli(['list', '--limit', '1', '--json', '--db', db])).stdout) as { id: number }[])[0].id
    const waiting = runCli(['wait', '--path', '/hooks/match', '--after', String(newest), '--timeout', '60', '--json', '--db', db])
    await send(`${serve.info.receiver}/hooks/nope`, { body: '{}' })
    await send(`${serve.info.receiver}/hooks/match?n=1`, { body: '{"type":"call.ended"}' })
    await send(`${serve.info.receiver}/hooks/match?n=2`, { body: '{}' })
    const { code, stdout, stderr } = await waiting
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const item = JSON.parse(stdout) as { id: number; path: string; method: string; headers: unknown[]; verdict: { status: string } }
    expect(item).toMatchObject({ path: '/hooks/match?n=1', method: 'POST', verdict: { status: 'unknown' } })
    expect(item.id).toBeGreaterThan(newest)
    expect(Array.isArray(item.headers)).toBe(true)
  })

  it('exits 1 on timeout; without --after only captures arriving after it started count', async () => {
    const db = await seeded(2)
    const { code, stdout, stderr } = await runCli(['wait', '--path', '/c/', '--timeout', '1', '--json', '--db', db])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(JSON.parse(stderr).error).toMatch(/No matching capture arrived within 1 s/)
    const earlier = await runCli(['wait', '--path', '/c/1', '--provider', 'callpaymin', '--after', '0', '--timeout', '5', '--db', db])
    expect(earlier.code).toBe(0)
    expect(earlier.stdout).toMatch(/POST +\/c\/1 /)
  })
})

describe('serve limits', () => {
  it('serve --max-size-mb --max-age-days --rate-limit apply to the run and are kept as settings', async () => {
    const db = tempDb()
    const serve = await startServe(['--port', '0', '--db', db, '--max-size-mb', '5', '--max-age-days', '3', '--rate-limit', '2'])
    cleanups.push(() => serve.stop())
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await send(`${serve.info.receiver}/r/${i}`, { body: 'x' })).status)
    expect(statuses).toContain(429)
    expect(await serve.stop()).toBe(0)
    const engine = new Engine({ dbPath: db, port: 0, log: () => {} })
    cleanups.push(() => engine.stop())
    expect(engine.settings.get()).toMatchObject({ retention: { maxSizeMb: 5, maxAgeDays: 3 }, rateLimit: { tunnelPerSecond: 2, localPerSecond: 2 } })
    expect(engine.requests.count()).toBe(statuses.filter((s) => s === 200).length)
    const bad = await runCli(['serve', '--max-size-mb', 'lots', '--json', '--db', db])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stderr).error).toMatch(/--max-size-mb/)
  })
})

describe('forge-test as a CI gate', () => {
  let handler: RunningHandler | null = null
  afterEach(async () => {
    await handler?.close()
    handler = null
  })
  const SECRET = 'whsec_gate_0123456789abcdef'

  it('exits 1 below --min-score and writes JUnit XML with one testcase per check, failures carrying the advice', async () => {
    handler = await startDocsExpress({ secret: SECRET })
    const db = tempDb()
    const junit = join(db, '..', 'forge.xml')
    const run = await runCli(['forge-test', '--provider', 'callpaymin', '--to', handler.url, '--secret', SECRET, '--json', '--db', db, '--gap-ms', '100', '--min-score', '100', '--junit', junit])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { score: number; counts: { fail: number; skip: number }; checks: { id: string; outcome: string; advice: string | null }[] }
    expect(JSON.parse(run.stderr).error).toBe(`score ${report.score} is below --min-score 100`)
    const xml = readFileSync(junit, 'utf8')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(xml.match(/<testcase /g)).toHaveLength(report.checks.length)
    expect(xml.match(/<failure /g)).toHaveLength(report.counts.fail)
    expect(xml).toContain(`failures="${report.counts.fail}"`)
    const wrongLength = report.checks.find((c) => c.id === 'signature-wrong-length')!
    expect(wrongLength.outcome).toBe('fail')
    expect(xml).toMatch(/\(signature-wrong-length\)">\s*<failure message="[^"]*timingSafeEqual/)
    expect(xml).not.toContain(SECRET)
  })

  it('exits 0 when the score reaches --min-score', async () => {
    handler = await startCorrectNode({ scheme: 'callpaymin', secret: SECRET })
    const db = tempDb()
    const run = await runCli(['forge-test', '--provider', 'callpaymin', '--to', handler.url, '--secret', SECRET, '--json', '--db', db, '--gap-ms', '100', '--min-score', '90'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { score: number }).score).toBeGreaterThanOrEqual(90)
  })
})
