// A database that cannot be used at start gets a clear message and a way out; the user's file is
// never deleted: a corrupt one is moved aside (with its -wal/-shm) and a fresh one is started.
import Database from 'better-sqlite3'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { HookscopeError } from '../../src/shared/errors'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { startServe } from '../helpers/cli'
import { send } from '../helpers/http'
import { newRequest } from '../helpers/rows'
import { tempDir } from '../helpers/temp'

/** A real capture database with one request in it, closed cleanly. */
async function seededDatabase(dir: string): Promise<string> {
  const dbPath = join(dir, 'hookscope.db')
  const engine = new Engine({ dbPath, port: 0, log: () => {} })
  await engine.start()
  await send(engine.receiverUrl + '/seed', { body: '{"seed":true}' })
  await engine.stop()
  return dbPath
}

/** A stored request as the receiver would hand it to the store. */
function pendingRow(path: string): NewRequest {
  const body = JSON.stringify({ note: 'pendingword', pad: randomBytes(3000).toString('hex') })
  return newRequest(path, body, { headers: [['Content-Type', 'application/json']], contentType: 'application/json' })
}

const asideFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.includes('.broken-'))

describe('database recovery at start', () => {
  let cleanup = (): void => {}
  afterEach(() => cleanup())

  it('moves a file that is not a database aside, byte for byte, starts fresh and says so', async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    const dbPath = join(temp.dir, 'hookscope.db')
    const garbage = randomBytes(64 * 1024)
    writeFileSync(dbPath, garbage)
    writeFileSync(dbPath + '-wal', 'not a wal either')
    const logged: string[] = []
    const engine = new Engine({ dbPath, port: 0, log: (m) => logged.push(m) })
    await engine.start()
    try {
      const notice = engine.info().databaseNotice
      expect(notice).toMatch(/moved to .*hookscope\.db\.broken-.*nothing was deleted/)
      expect(logged.join('\n')).toContain(notice!)
      const moved = asideFiles(temp.dir)
      const main = moved.find((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))!
      expect(readFileSync(join(temp.dir, main)).equals(garbage)).toBe(true)
      expect(moved.some((f) => f.endsWith('-wal'))).toBe(true)
      // The fresh database captures normally.
      expect((await send(engine.receiverUrl + '/after', { body: 'x' })).status).toBe(200)
      expect(engine.requests.count()).toBe(1)
    } finally {
      await engine.stop()
    }
  })

  it('moves a database with a corrupted schema page aside and keeps its bytes', async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    const dbPath = await seededDatabase(temp.dir)
    const bytes = readFileSync(dbPath)
    // Page 1 after the 100-byte file header holds sqlite_master; scribble over it.
    randomBytes(3000).copy(bytes, 100)
    writeFileSync(dbPath, bytes)
    const engine = new Engine({ dbPath, port: 0, log: () => {} })
    try {
      expect(engine.info().databaseNotice).toMatch(/could not be read .* moved to /)
      const main = asideFiles(temp.dir).find((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))!
      expect(readFileSync(join(temp.dir, main)).equals(bytes)).toBe(true)
      expect(engine.requests.count()).toBe(0)
    } finally {
      await engine.stop()
    }
  })

  it('the CLI prints where a corrupt database went and keeps serving', async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    const dbPath = join(temp.dir, 'hookscope.db')
    writeFileSync(dbPath, 'definitely not SQLite'.repeat(500))
    const serve = await startServe(['--db', dbPath, '--port', '0'])
    try {
      expect((await send(serve.info.receiver + '/ok', { body: '{}' })).status).toBe(200)
      expect(serve.stderr()).toMatch(/moved to .*\.broken-.*fresh database/)
    } finally {
      await serve.stop()
    }
  })

  it('a database locked by another program is left untouched and the message says what to do', async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    const dbPath = await seededDatabase(temp.dir)
    const before = readFileSync(dbPath)
    const holder = new Database(dbPath)
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      let error: unknown
      try {
        new Engine({ dbPath, port: 0, log: () => {} })
      } catch (e) {
        error = e
      }
      expect(error).toMatchObject({ code: 'database_unavailable' })
      expect((error as HookscopeError).reason).toBe('locked')
      expect((error as Error).message).toMatch(/locked by another program.*Close it.*--db/)
      expect(asideFiles(temp.dir)).toEqual([])
      expect(existsSync(dbPath)).toBe(true)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(readFileSync(dbPath).equals(before)).toBe(true)
    // Once the other program lets go, the same file opens with its data.
    const engine = new Engine({ dbPath, port: 0, log: () => {} })
    expect(engine.requests.count()).toBe(1)
    await engine.stop()
  })

  it('when the disk fills up while running, deliveries get 503 + Retry-After (never a false 2xx) and capture resumes after', async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    const logged: string[] = []
    const engine = new Engine({ dbPath: join(temp.dir, 'hookscope.db'), port: 0, log: (m) => logged.push(m) })
    await engine.start()
    try {
      // SQLite's page cap stands in for a full disk: writes past it fail with SQLITE_FULL.
      const pages = engine.db.pragma('page_count', { simple: true }) as number
      await engine.pragmaOnWriters(`max_page_count = ${pages + 8}`)
      const acked: string[] = []
      let refused = 0
      for (let i = 0; i < 40 && refused === 0; i++) {
        const res = await send(`${engine.receiverUrl}/fill/${i}`, { body: randomBytes(16 * 1024) })
        if (res.status === 200) acked.push(`/fill/${i}`)
        else {
          expect(res.status).toBe(503)
          expect(res.headers['retry-after']).toBe('5')
          expect(res.body.toString()).toMatch(/could not store this delivery; please retry/)
          refused++
        }
      }
      expect(refused).toBe(1)
      expect(logged.join('\n')).toMatch(/Could not store a delivery: .*full/)
      const stored = engine.requests.list({ path: '/fill/', limit: 100 }).items.map((r) => r.path)
      expect(stored.sort()).toEqual(acked.sort())
      // Rows committed but not yet indexed when the disk is full: indexing must wait, not throw.
      await engine.pragmaOnWriters('max_page_count = 1073741823')
      engine.flushIndex()
      engine.requests.insertMany(Array.from({ length: 200 }, (_, i) => pendingRow(`/pending/${i}`)))
      engine.db.pragma(`max_page_count = ${engine.db.pragma('page_count', { simple: true }) as number}`)
      expect(() => engine.flushIndex()).not.toThrow()
      expect(engine.requests.list({ search: 'pendingword' }).items).toEqual([])
      // Space comes back: the provider's retry is captured.
      await engine.pragmaOnWriters('max_page_count = 1073741823')
      expect((await send(`${engine.receiverUrl}/fill/retry`, { body: 'again' })).status).toBe(200)
      engine.flushIndex()
      expect(engine.requests.list({ search: 'again' }).items.map((r) => r.path)).toEqual(['/fill/retry'])
      expect(engine.requests.list({ search: 'pendingword', limit: 500 }).items.length).toBe(200)
    } finally {
      await engine.stop()
    }
  })
})
