// Retention over real sockets and a real SQLite file: caps by size and age hold while deliveries keep
// arriving, the newest and the pinned captures survive, and the file gives the space back.
import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'
import { newRequest } from '../helpers/rows'
import { tempDir } from '../helpers/temp'

const MIB = 1024 * 1024
let t: TestEngine | null = null
afterEach(async () => {
  await t?.dispose()
  t = null
})

async function sendAll(url: string, paths: string[], body: (i: number) => Buffer, concurrency = 8): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const i = next++
        const res = await send(url + paths[i], { body: body(i) })
        expect(res.status).toBe(200)
      }
    })
  )
}

describe('retention', () => {
  it('holds a 20 MB cap while 60 MB arrive: the newest and the pinned old captures survive, the file shrinks back', async () => {
    t = await startTestEngine()
    t.engine.api.updateSettings({ retention: { maxSizeMb: 20, maxAgeDays: 0 } })
    await sendAll(t.url, ['/old/0', '/old/1', '/old/2'], () => Buffer.alloc(64 * 1024, 1))
    const old = t.engine.requests.list({ limit: 3 }).items
    const pinned = old.find((r) => r.path === '/old/1')!
    expect(t.engine.api.pinRequest({ id: pinned.id, pinned: true })).toMatchObject({ id: pinned.id, pinned: true })

    const count = Math.ceil((60 * MIB) / (64 * 1024))
    const paths = Array.from({ length: count }, (_, i) => `/flood/${i}`)
    let largest = 0
    const sampler = setInterval(() => (largest = Math.max(largest, statSync(t!.dbPath).size)), 20)
    await sendAll(t.url, paths, (i) => Buffer.alloc(64 * 1024, i % 251))
    clearInterval(sampler)
    t.engine.flushIndex()
    console.log(`retention: largest database file while 60 MB arrived under a 20 MB cap: ${(largest / MIB).toFixed(1)} MiB`)
    // Pruning keeps up while the flood lasts (a check per twentieth of the cap committed), not only after it.
    expect(largest).toBeLessThan(40 * MIB)

    // Pruning runs in the background; wait for the caps to hold.
    await expect.poll(() => t!.engine.storageStatus().usedBytes, { timeout: 60_000, interval: 250 }).toBeLessThanOrEqual(20 * MIB)
    await expect.poll(() => statSync(t!.dbPath).size, { timeout: 60_000, interval: 250 }).toBeLessThanOrEqual(22 * MIB)

    const status = t.engine.storageStatus()
    expect(status).toMatchObject({ shrinks: true, pinnedCount: 1, retention: { maxSizeMb: 20, maxAgeDays: 0 } })
    expect(status.prunedCount).toBeGreaterThan(count / 2)
    const kept = new Set(t.engine.requests.listAll({ limit: 100_000 }).items.map((r) => r.path))
    // The newest 100 (6.4 MB) all survive; the oldest unpinned ones are gone; the pinned one stays.
    for (const path of paths.slice(-100)) expect(kept.has(path)).toBe(true)
    expect(kept.has('/old/0')).toBe(false)
    expect(kept.has('/old/2')).toBe(false)
    expect(kept.has('/flood/0')).toBe(false)
    expect(kept.has('/old/1')).toBe(true)
    // Their full-text entries go with them (in a pause: flushIndex does it now).
    t.engine.flushIndex()
    const fts = new Database(t.dbPath, { readonly: true })
    try {
      const orphans = fts.prepare('SELECT count(*) AS n FROM requests_fts f WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = f.rowid)').get() as { n: number }
      expect(orphans.n).toBe(0)
    } finally {
      fts.close()
    }
    expect((await send(`${t.url}/after`, { body: 'still capturing' })).status).toBe(200)
  })

  it('prunes captures older than the age cap, with their delivery log, and keeps pinned ones', async () => {
    t = await startTestEngine()
    const day = 24 * 60 * 60 * 1000
    const [ancient, ancientPinned, recent] = t.engine.requests.insertMany([
      newRequest('/ancient', 'zebraword', { receivedAt: Date.now() - 40 * day }),
      newRequest('/ancient-pinned', 'b', { receivedAt: Date.now() - 40 * day }),
      newRequest('/recent', 'c', { receivedAt: Date.now() - 2 * day }),
      newRequest('/today', 'd')
    ])
    t.engine.requests.setPinned(ancientPinned, true)
    t.engine.flushIndex()
    const ftsHits = (): number => (t!.engine.db.prepare(`SELECT count(*) AS n FROM requests_fts WHERE requests_fts MATCH 'zebraword'`).get() as { n: number }).n
    expect(ftsHits()).toBe(1)
    t.engine.deliveries.record(
      { kind: 'replay', requestId: ancient },
      { url: 'http://127.0.0.1:1/x', method: 'POST', headers: [], body: Buffer.from('a') },
      { answered: true, status: 200, headers: [], body: Buffer.alloc(0), bodyTruncated: false, durationMs: 1, error: null, errorKind: null, sentHeaders: [] }
    )
    expect(t.engine.deliveries.forRequest(ancient)).toHaveLength(1)
    // The default caps (30 days) apply without any setting.
    t.engine.limitsChanged()
    await expect.poll(() => t!.engine.requests.get(ancient), { timeout: 20_000 }).toBeNull()
    expect(t.engine.requests.get(ancientPinned)?.pinned).toBe(true)
    expect(t.engine.requests.get(recent)).not.toBeNull()
    expect(t.engine.deliveries.forRequest(ancient)).toEqual([])
    // Its full-text entry is removed by itself once deliveries have paused for a few seconds.
    const queued = (): number => (t!.engine.db.prepare('SELECT count(*) AS n FROM fts_pending_delete').get() as { n: number }).n
    await expect.poll(queued, { timeout: 20_000, interval: 250 }).toBe(0)
    expect(ftsHits()).toBe(0)

    t.engine.api.updateSettings({ retention: { maxSizeMb: 2048, maxAgeDays: 1 } })
    await expect.poll(() => t!.engine.requests.get(recent), { timeout: 20_000 }).toBeNull()
    expect(t.engine.requests.list({ limit: 10 }).items.map((r) => r.path)).toEqual(['/today', '/ancient-pinned'])
  })

  it('never prunes the newest capture, so ids never start again from 1', async () => {
    t = await startTestEngine()
    const day = 24 * 60 * 60 * 1000
    const ids = t.engine.requests.insertMany([newRequest('/a', 'a', { receivedAt: Date.now() - 40 * day }), newRequest('/b', 'b', { receivedAt: Date.now() - 40 * day })])
    t.engine.limitsChanged()
    await expect.poll(() => t!.engine.requests.count(), { timeout: 20_000 }).toBe(1)
    expect(t.engine.requests.get(ids[1])).not.toBeNull()
    expect((await send(`${t.url}/next`, { body: 'x' })).status).toBe(200)
    expect(t.engine.requests.list({ limit: 1 }).items[0].id).toBe(ids[1] + 1)
  })

  it('converts a small database made before retention so that it can shrink', async () => {
    const temp = tempDir()
    const file = join(temp.dir, 'old.db')
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE placeholder (x)')
    db.close()
    const engine = new Engine({ dbPath: file, port: 0, log: () => {} })
    try {
      expect(engine.db.pragma('auto_vacuum', { simple: true })).toBe(2)
      expect(engine.storageStatus().shrinks).toBe(true)
    } finally {
      await engine.stop()
      temp.cleanup()
    }
  })
})
