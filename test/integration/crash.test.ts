// Durability under kill -9: a real `hookscope serve` process takes load on many connections and is
// killed mid-load at several moments; after each restart on the same file every delivery that got a
// 2xx must be there byte for byte, and SQLite must find the file intact.
import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServe, type RunningServe } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const CONNECTIONS = 40

interface Acked {
  path: string
  sha256: string
  size: number
}

/** A body per delivery: mostly ~1 KB JSON, some binary, some 256 KiB (so kills also land mid-body). */
function bodyFor(n: number): Buffer {
  if (n % 25 === 0) return randomBytes(256 * 1024)
  if (n % 7 === 0) return randomBytes(700 + (n % 300))
  return Buffer.from(JSON.stringify({ type: 'call.ended', seq: n, data: randomBytes(700).toString('base64') }))
}

function post(agent: Agent, url: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/octet-stream' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Drives load until `killAfter` deliveries are acknowledged, then kill -9s the process while the
 * connections keep sending. Returns what was acknowledged.
 */
async function loadAndKill(serve: RunningServe, round: number, killAfter: number): Promise<Acked[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const acked: Acked[] = []
  let seq = 0
  let dead = false
  const exited = new Promise<void>((resolve) => serve.child.once('exit', () => resolve()))
  const worker = async (): Promise<void> => {
    while (!dead) {
      const n = seq++
      const body = bodyFor(n)
      const path = `/crash/${round}/${n}`
      try {
        const status = await post(agent, serve.info.receiver + path, body)
        if (status >= 200 && status < 300) {
          acked.push({ path, sha256: createHash('sha256').update(body).digest('hex'), size: body.length })
          if (acked.length >= killAfter && !dead) {
            dead = true
            serve.child.kill('SIGKILL')
          }
        }
      } catch {
        // Connection reset by the kill: not acknowledged, so not owed.
        if (serve.child.exitCode !== null || serve.child.signalCode !== null) dead = true
      }
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  await exited
  agent.destroy()
  return acked
}

describe('crash durability (kill -9 under load)', () => {
  const temp = tempDir('hookscope-crash-')
  const dbPath = join(temp.dir, 'crash.db')
  afterAll(() => temp.cleanup())

  it('keeps every acknowledged delivery byte-exact and the file intact across kills at different moments', async () => {
    const owed: Acked[] = []
    // Kill moments: almost at once, early, mid-load and later (counted in acknowledgements).
    const moments = [1, 120, 700, 2000]
    for (const [round, killAfter] of moments.entries()) {
      const serve = await startServe(['--db', dbPath, '--port', '0'])
      const acked = await loadAndKill(serve, round, killAfter)
      expect(serve.child.signalCode).toBe('SIGKILL')
      expect(acked.length).toBeGreaterThanOrEqual(killAfter)
      owed.push(...acked)
    }

    // Restart on the same file: it must open (WAL recovery), serve, and shut down cleanly.
    const restarted = await startServe(['--db', dbPath, '--port', '0'])
    expect(restarted.stderr()).not.toMatch(/moved|could not/i)
    expect(await restarted.stop()).toBe(0)

    const db = new Database(dbPath, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = db.prepare(`SELECT path, body, body_size, body_sha256 FROM requests WHERE path LIKE '/crash/%'`).all() as {
        path: string
        body: Buffer
        body_size: number
        body_sha256: string
      }[]
      const byPath = new Map(rows.map((r) => [r.path, r]))
      const missing = owed.filter((a) => !byPath.has(a.path))
      expect(missing.map((m) => m.path)).toEqual([])
      for (const a of owed) {
        const row = byPath.get(a.path)!
        expect(row.body.length).toBe(a.size)
        expect(row.body_size).toBe(a.size)
        expect(createHash('sha256').update(row.body).digest('hex')).toBe(a.sha256)
        expect(row.body_sha256).toBe(a.sha256)
      }
      // Rows committed just before a kill are indexed on the next start, none skipped.
      const indexed = (db.prepare(`SELECT value FROM meta WHERE key = 'fts_upto'`).get() as { value: string }).value
      const maxId = (db.prepare('SELECT max(id) AS id FROM requests').get() as { id: number }).id
      expect(Number(indexed)).toBe(maxId)
    } finally {
      db.close()
    }
  }, 180_000)
})
