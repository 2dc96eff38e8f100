import type { Db } from './db'
import { decodeBody, looksLikeText } from '../body'

const BATCH = 500
const MAX_INDEXED_BODY = 256 * 1024

/**
 * Fills the full-text index after commits, in batches, so that indexing never sits between a
 * delivery and its acknowledgement. Progress is kept in meta, so rows committed just before a
 * crash are indexed on the next start.
 */
export class FtsIndexer {
  private timer: NodeJS.Timeout | null = null
  private readonly selectStmt
  private readonly insertStmt
  private readonly setProgressStmt
  private readonly getProgressStmt
  private upto: number

  constructor(private readonly db: Db, private readonly delayMs = 100) {
    this.selectStmt = db.prepare(
      `SELECT id, path, headers, body, content_encoding FROM requests WHERE id > ? ORDER BY id LIMIT ${BATCH}`
    )
    this.insertStmt = db.prepare(`INSERT INTO requests_fts(rowid, path, headers, body) VALUES (?, ?, ?, ?)`)
    this.setProgressStmt = db.prepare(`INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_upto', ?)`)
    this.getProgressStmt = db.prepare(`SELECT value FROM meta WHERE key = 'fts_upto'`)
    this.upto = this.readProgress()
  }

  /** Called after commits; coalesces into one pass a little later. */
  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.runBatch() === BATCH) this.schedule()
    }, this.delayMs)
    this.timer.unref()
  }

  /** Indexes everything still pending, synchronously (used at shutdown and by tests). */
  drain(): void {
    while (this.runBatch() === BATCH) {
      /* keep going */
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private runBatch(): number {
    if (!this.db.open) return 0
    // IMMEDIATE + re-reading progress inside: the app and a CLI may share the file and both index.
    return this.db
      .transaction(() => {
        this.upto = this.readProgress()
        const rows = this.selectStmt.all(this.upto) as {
          id: number
          path: string
          headers: string
          body: Buffer
          content_encoding: string | null
        }[]
        if (rows.length === 0) return 0
        for (const row of rows) {
        const headers = (JSON.parse(row.headers) as [string, string][]).map(([n, v]) => `${n}: ${v}`).join('\n')
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

function indexableText(body: Buffer, encoding: string | null): string {
  const decoded = decodeBody(body, encoding, 4 * 1024 * 1024)
  const bytes = decoded.bytes.subarray(0, MAX_INDEXED_BODY)
  return looksLikeText(bytes) ? bytes.toString('utf8') : ''
}
