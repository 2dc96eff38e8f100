import { isUtf8 } from 'node:buffer'
import type { Db } from './db'
import { decodeBody, looksLikeText } from '../body'
import { parseStoredHeaders } from './rows'

/** Rows per pass once deliveries pause: small enough (~15 ms) that a new arrival barely waits. */
const BATCH = 250
const MAX_INDEXED_BODY = 256 * 1024
/**
 * While deliveries keep arriving, indexing waits for a pause, but never longer than this: under a
 * flood every millisecond of the receiver's thread goes to acknowledgements, and search catches up
 * as soon as the flood ends (or a batch at a time, this often, if it never does).
 */
const BUSY_INTERVAL_MS = 10_000
const BUSY_BATCH = 1000
const DRAIN_BATCH = 2000
/** After a failed pass (disk full, database busy), try again this much later. */
const RETRY_MS = 5000
/** Entries of pruned captures removed per transaction by purgeAll (retention removes them itself, in pauses). */
const PURGE_BATCH = 250

/**
 * Fills the full-text index after commits, in batches, so that indexing never sits between a
 * delivery and its acknowledgement. Progress is kept in meta, so rows committed just before a
 * crash are indexed on the next start.
 */
export class FtsIndexer {
  private timer: NodeJS.Timeout | null = null
  private lastWrite = 0
  /** Since when committed rows have been waiting for the index (null: it is caught up). */
  private waitingSince: number | null = null
  private readonly selectStmt
  private readonly insertStmt
  private readonly setProgressStmt
  private readonly getProgressStmt
  private readonly countAfterStmt
  private readonly pendingStmt
  private readonly ftsDeleteStmt
  private readonly unpendStmt
  private upto: number

  constructor(private readonly db: Db, private readonly delayMs = 100) {
    this.selectStmt = db.prepare(
      `SELECT id, path, headers, body, content_encoding FROM requests WHERE id > ? ORDER BY id LIMIT ?`
    )
    this.insertStmt = db.prepare(`INSERT INTO requests_fts(rowid, path, headers, body) VALUES (?, ?, ?, ?)`)
    this.setProgressStmt = db.prepare(`INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_upto', ?)`)
    this.getProgressStmt = db.prepare(`SELECT value FROM meta WHERE key = 'fts_upto'`)
    this.countAfterStmt = db.prepare(`SELECT count(*) AS n FROM requests WHERE id > ?`)
    this.pendingStmt = db.prepare(`SELECT id FROM fts_pending_delete ORDER BY id LIMIT ?`)
    this.ftsDeleteStmt = db.prepare(`DELETE FROM requests_fts WHERE rowid = ?`)
    this.unpendStmt = db.prepare(`DELETE FROM fts_pending_delete WHERE id = ?`)
    this.upto = this.readProgress()
  }

  /** Called after commits; coalesces into one pass a little later (see BUSY_INTERVAL_MS for floods). */
  schedule(): void {
    this.lastWrite = Date.now()
    this.waitingSince ??= this.lastWrite
    this.arm(this.delayMs)
  }

  private arm(ms: number): void {
    if (this.timer) return
    this.timer = setTimeout(() => this.tick(), ms)
    this.timer.unref()
  }

  private tick(): void {
    this.timer = null
    const now = Date.now()
    const busy = now - this.lastWrite < this.delayMs
    if (busy && now - (this.waitingSince ?? now) < BUSY_INTERVAL_MS) return this.arm(this.delayMs)
    const size = busy ? BUSY_BATCH : BATCH
    let done: number
    try {
      done = this.runBatch(size)
    } catch {
      // Disk full, or the file locked by another writer for longer than busy_timeout: the rows are
      // committed and progress is kept in meta, so indexing simply resumes later (or at next start).
      return this.arm(RETRY_MS)
    }
    if (done < size) {
      this.waitingSince = null
      return
    }
    if (busy) this.waitingSince = Date.now()
    this.arm(0)
  }

  /** Removes every queued full-text entry of pruned captures now (tests, CLI one-shots); returns how many. */
  purgeAll(): number {
    let total = 0
    for (;;) {
      const n = this.purgeBatch(PURGE_BATCH)
      total += n
      if (n < PURGE_BATCH) return total
    }
  }

  private purgeBatch(size: number): number {
    if (!this.db.open) return 0
    return this.db
      .transaction(() => {
        const ids = this.pendingStmt.all(size) as { id: number }[]
        for (const { id } of ids) {
          this.ftsDeleteStmt.run(id)
          this.unpendStmt.run(id)
        }
        return ids.length
      })
      .immediate()
  }

  /**
   * Before a search: indexes what is pending now when that is at most `maxRows` (a few milliseconds),
   * so a search sees every delivery already acknowledged. Returns how many rows stay unindexed (a
   * flood's backlog is left to the background passes rather than stall the receiver).
   */
  catchUp(maxRows: number): number {
    const pending = this.backlog()
    if (pending === 0 || pending > maxRows) return pending
    this.drain()
    return this.backlog()
  }

  private backlog(): number {
    if (!this.db.open) return 0
    const row = this.countAfterStmt.get(this.readProgress()) as { n: number }
    return row.n
  }

  /** Indexes everything still pending, synchronously (used at shutdown and by tests); stops at the first failure. */
  drain(): void {
    try {
      while (this.runBatch(DRAIN_BATCH) === DRAIN_BATCH) {
        /* keep going */
      }
    } catch {
      /* the rest is indexed on the next start (progress is kept in meta) */
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private runBatch(size: number): number {
    if (!this.db.open) return 0
    // IMMEDIATE + re-reading progress inside: the app and a CLI may share the file and both index.
    return this.db
      .transaction(() => {
        this.upto = this.readProgress()
        const rows = this.selectStmt.all(this.upto, size) as {
          id: number
          path: string
          headers: string
          body: Buffer
          content_encoding: string | null
        }[]
        if (rows.length === 0) return 0
        for (const row of rows) {
          const headers = parseStoredHeaders(row.headers).map(([n, v]) => `${n}: ${v}`).join('\n')
          this.insertStmt.run(row.id, row.path, headers, indexableText(row.body, row.content_encoding))
        }
        this.upto = rows[rows.length - 1].id
        this.setProgressStmt.run(String(this.upto))
        return rows.length
      })
      .immediate()
  }

  private readProgress(): number {
    const row = this.getProgressStmt.get() as { value: string } | undefined
    return row ? Number(row.value) : 0
  }
}

/** The text worth indexing: decoded (capped, so a zip bomb inflates at most 4 MiB here), first 256 KiB, if text. */
export function indexableText(body: Buffer, encoding: string | null): string {
  const decoded = decodeBody(body, encoding, 4 * 1024 * 1024)
  const bytes = decoded.bytes.subarray(0, MAX_INDEXED_BODY)
  if (bytes.length === 0 || bytes.includes(0)) return ''
  // Fast native path for the common case; anything else gets the slower heuristic used for display.
  if (isUtf8(bytes)) return bytes.toString('utf8')
  return looksLikeText(bytes) ? bytes.toString('utf8') : ''
}
