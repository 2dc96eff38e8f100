import { createHmac } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

const SECRET = 'cpm_import_secret_42'
const sign = (body: string): string => createHmac('sha256', SECRET).update(body).digest('hex')

describe('HAR import: order, duplicates, signature reports', () => {
  const engines: TestEngine[] = []
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.dispose()))
  })
  const start = async (): Promise<TestEngine> => {
    const e = await startTestEngine()
    engines.push(e)
    return e
  }

  /** Three signed deliveries, a few ms apart, exported the way the UI does: the listed ids, newest first. */
  async function exportedHar(): Promise<{ text: string; times: number[] }> {
    const source = await start()
    for (const n of [1, 2, 3]) {
      const body = JSON.stringify({ id: `evt_${n}`, type: 'call.ended', n, data: { call_id: `call_${n}` } })
      await send(source.url + '/cpm', { headers: ['Content-Type', 'application/json', 'X-CallPayMin-Signature', sign(body)], body })
      await new Promise((r) => setTimeout(r, 5))
    }
    const listed = source.engine.requests.list({ limit: 10 }).items
    const { text } = await source.engine.api.exportRequests({ ids: listed.map((r) => r.id), format: 'har' })
    return { text, times: listed.map((r) => r.receivedAt) }
  }

  it('lists imported captures newest first with their original times, and judges them with the secrets stored here', async () => {
    const { text, times } = await exportedHar()
    const t = await start()
    await t.engine.api.createEndpoint({ path: '/cpm', provider: 'callpaymin', secret: SECRET })
    const result = await t.engine.api.importHar({ text })
    expect(result).toMatchObject({ imported: 3, skipped: 0 })
    const listed = t.engine.requests.list({ limit: 10 }).items
    expect(listed.map((r) => r.receivedAt)).toEqual(times)
    expect(listed.map((r) => r.eventId)).toEqual(['evt_3', 'evt_2', 'evt_1'])
    // Re-inspected at their original time with the secret stored here: valid, with the full Signature tab report.
    const full = t.engine.requests.get(listed[0].id)!
    expect(full.verdict.status).toBe('valid')
    expect(full.endpoint).toBe('/cpm')
    expect(full.signature).toMatchObject({ provider: 'callpaymin', matchedSecret: 'secret 1', expectedSecret: 'secret 1' })
    expect(full.signature!.signedPayloadPreview).toContain('"evt_3"')
    expect(full.signature!.headersUsed).toEqual(['X-CallPayMin-Signature'])
    // Read for its call like a delivery arriving now: the Call column links it and the Calls view lists it.
    expect(listed.map((r) => r.callId)).toEqual(['call_3', 'call_2', 'call_1'])
    const calls = await t.engine.api.listCalls({})
    expect(calls.items.map((c) => c.callId).sort()).toEqual(['call_1', 'call_2', 'call_3'])
  })

  it('a file imported twice is not duplicated: the second import says how many were already there', async () => {
    const { text } = await exportedHar()
    const t = await start()
    expect(await t.engine.api.importHar({ text })).toMatchObject({ imported: 3, skipped: 0 })
    expect(await t.engine.api.importHar({ text })).toMatchObject({ imported: 0, skipped: 3, ids: [] })
    expect(t.engine.requests.count()).toBe(3)
    // A deleted capture may be imported again.
    const [newest] = t.engine.requests.list({ limit: 1 }).items
    await t.engine.api.deleteRequest({ id: newest.id })
    expect(await t.engine.api.importHar({ text })).toMatchObject({ imported: 1, skipped: 2 })

    const file = join(t.dir, 'again.har')
    writeFileSync(file, text)
    const cli = await runCli(['import', file, '--db', t.dbPath])
    expect(cli.code).toBe(0)
    expect(cli.stdout).toContain('Nothing new in')
    expect(cli.stdout).toContain('3 already imported, skipped.')
  })

  it("a database's own export imported back into it adds nothing", async () => {
    const t = await start()
    await send(t.url + '/x', { body: '{"type":"call.ended"}' })
    const ids = t.engine.requests.list({ limit: 5 }).items.map((r) => r.id)
    const { text } = await t.engine.api.exportRequests({ ids, format: 'har' })
    expect(await t.engine.api.importHar({ text })).toMatchObject({ imported: 0, skipped: 1 })
    expect(t.engine.requests.count()).toBe(1)
  })
})
