import type { CapturedRequest, RequestPage, RequestQuery, RequestSummary, Verdict, SignatureReport } from '../../../shared/types'
import type { Db } from './db'
import { DURATION_UPDATE_SQL, SUMMARY_COLUMNS, toCaptured, toStored, INSERT_SQL, toInsertRow, toSummary, type FullRow, type StoredRequest, type NewRequest, type SummaryRow } from './rows'
import { toFtsQuery } from './fts-query'
import { PrefixExpander } from './fts-prefix'

const DEFAULT_PAGE = 200

/** What `hookscope wait` waits for; every field given must match. */
export interface WaitMatch {
  provider?: string
  eventType?: string
  verdict?: string
  pathPrefix?: string
}
/** Ids one filtered list call looks at: ~30 ms of scanning at worst (measured 70 ms for 50,000), so capture never waits long. */
export const SCAN_WINDOW_IDS = 20_000

/** All reads and writes of captured requests. Statements are prepared once. */
export class RequestStore {
  private readonly insertStmt
  private readonly getStmt
  private readonly deleteStmt
  private readonly deleteFtsStmt
  private readonly countStmt
  private readonly updateVerdictStmt
  private readonly prefixes: PrefixExpander

  constructor(readonly db: Db) {
    this.insertStmt = db.prepare(INSERT_SQL)
    this.getStmt = db.prepare(`SELECT * FROM requests WHERE id = ?`)
    this.deleteStmt = db.prepare(`DELETE FROM requests WHERE id = ?`)
    this.deleteFtsStmt = db.prepare(`DELETE FROM requests_fts WHERE rowid = ?`)
    this.countStmt = db.prepare(`SELECT count(*) AS n FROM requests`)
    this.prefixes = new PrefixExpander(db)
    this.updateVerdictStmt = db.prepare(`UPDATE requests SET provider = @provider, event_type = @event_type,
      event_id = @event_id, call_id = @call_id, verdict_status = @verdict_status, verdict_detail = @verdict_detail,
      signature_json = @signature_json WHERE id = @id`)
  }

  /** Inserts many rows in one transaction; returns their ids in order. Captures are batched by a CaptureWriter. */
  insertMany(rows: NewRequest[]): number[] {
    const ids: number[] = []
    this.db.transaction(() => {
      for (const row of rows) ids.push(Number(this.insertStmt.run(toInsertRow(row)).lastInsertRowid))
    })()
    return ids
  }

  /** Flat [id, ms, id, ms, ...] pairs: corrected answer times (see CaptureWriter.correctDuration). */
  updateDurations(pairs: number[]): void {
    const stmt = this.db.prepare(DURATION_UPDATE_SQL)
    this.db.transaction(() => {
      for (let i = 0; i + 1 < pairs.length; i += 2) stmt.run(pairs[i + 1], pairs[i])
    })()
  }

  get(id: number): CapturedRequest | null {
    const row = this.getStmt.get(id) as FullRow | undefined
    return row ? toCaptured(row) : null
  }

  /** The capture with its body as a Buffer, not base64: for engine work (replay, re-verification, diffs). */
  getWithBody(id: number): StoredRequest | null {
    const row = this.getStmt.get(id) as FullRow | undefined
    return row ? toStored(row) : null
  }

  summary(id: number): RequestSummary | null {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM requests WHERE id = ?`).get(id) as SummaryRow | undefined
    return row ? toSummary(row) : null
  }

  list(query: RequestQuery): RequestPage {
    const limit = query.limit ?? DEFAULT_PAGE
    const where: string[] = []
    const params: Record<string, unknown> = { limit: limit + 1 }
    if (query.beforeId !== undefined) {
      where.push('r.id < @beforeId')
      params.beforeId = query.beforeId
    }
    if (query.method) {
      where.push('r.method = @method')
      params.method = query.method.toUpperCase()
    }
    if (query.path) {
      where.push(`r.path LIKE @path ESCAPE '\\'`)
      params.path = `%${escapeLike(query.path)}%`
    }
    if (query.responseStatus !== undefined) {
      where.push('r.response_status = @responseStatus')
      params.responseStatus = query.responseStatus
    }
    if (query.provider) {
      where.push('r.provider = @provider')
      params.provider = query.provider
    }
    if (query.verdict) {
      where.push('r.verdict_status = @verdict')
      params.verdict = query.verdict
    }
    if (query.eventType) {
      // A prefix ("call." finds call.ended) as a range on the (event_type, id) index; see prefixRange.
      const range = prefixRange(query.eventType)
      if (range) {
        where.push('r.event_type >= @eventTypeLo AND r.event_type < @eventTypeHi')
        params.eventTypeLo = range.lo
        params.eventTypeHi = range.hi
      } else {
        where.push(`r.event_type LIKE @eventTypeLike ESCAPE '\\'`)
        params.eventTypeLike = `${escapeLike(query.eventType)}%`
      }
    }
    const columns = SUMMARY_COLUMNS.split(',').map((c) => 'r.' + c.trim()).join(', ')
    const typed = query.search ? toFtsQuery(query.search) : null
    const fts = typed ? this.prefixes.expand(typed) : null
    let sql: string
    if (fts) {
      params.fts = fts
      const ftsWhere = where.map((w) => w.replace('r.id', 'f.rowid'))
      sql = `SELECT ${columns} FROM requests_fts f JOIN requests r ON r.id = f.rowid
        WHERE requests_fts MATCH @fts ${ftsWhere.length ? 'AND ' + ftsWhere.join(' AND ') : ''}
        ORDER BY f.rowid DESC LIMIT @limit`
    } else {
      sql = `SELECT ${columns} FROM requests r ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY r.id DESC LIMIT @limit`
    }
    // A filter SQLite cannot answer from an index (path substring, answer status, or a rare match
    // among many) would scan the whole table while the receiver waits: look at one window of ids per
    // call instead, and let the caller ask for the next window.
    const windowed = where.length > (query.beforeId !== undefined ? 1 : 0)
    let floor = 0
    if (windowed) {
      const top = query.beforeId ?? this.maxId() + 1
      floor = Math.max(0, top - SCAN_WINDOW_IDS)
      params.floor = floor
      // Both query shapes already have a WHERE here (a filter is present).
      sql = sql.replace('ORDER BY', `AND ${fts ? 'f.rowid' : 'r.id'} >= @floor ORDER BY`)
    }
    const rows = this.db.prepare(sql).all(params) as SummaryRow[]
    const items = rows.slice(0, limit).map(toSummary)
    if (rows.length > limit) return { items, hasMore: true, nextBeforeId: items[items.length - 1].id }
    if (windowed && floor > this.minId()) return { items, hasMore: true, nextBeforeId: floor }
    return { items, hasMore: false }
  }

  /**
   * Pages through windows until `limit` items are found or the history ends. For one-shot callers
   * (the CLI) that may block; the UI asks window by window so capture never waits long.
   */
  listAll(query: RequestQuery): RequestPage {
    const limit = query.limit ?? DEFAULT_PAGE
    const items: RequestSummary[] = []
    let page: RequestPage = { items: [], hasMore: true, nextBeforeId: query.beforeId }
    while (items.length < limit && page.hasMore) {
      page = this.list({ ...query, limit: limit - items.length, beforeId: page.nextBeforeId })
      items.push(...page.items)
    }
    return { items, hasMore: page.hasMore, nextBeforeId: page.nextBeforeId }
  }

  /**
   * The oldest capture with an id in (afterId, uptoId] that matches: for `hookscope wait`, which polls
   * by id so each poll reads only what arrived since the last one.
   */
  firstAfter(afterId: number, uptoId: number, match: WaitMatch): RequestSummary | null {
    const where = ['id > @afterId', 'id <= @uptoId']
    const params: Record<string, unknown> = { afterId, uptoId }
    if (match.provider) {
      where.push('provider = @provider')
      params.provider = match.provider
    }
    if (match.eventType) {
      where.push('event_type = @eventType')
      params.eventType = match.eventType
    }
    if (match.verdict) {
      where.push('verdict_status = @verdict')
      params.verdict = match.verdict
    }
    if (match.pathPrefix) {
      // Exact and case-sensitive, unlike LIKE.
      where.push('substr(path, 1, @prefixLength) = @prefix')
      params.prefix = match.pathPrefix
      params.prefixLength = match.pathPrefix.length
    }
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM requests WHERE ${where.join(' AND ')} ORDER BY id LIMIT 1`).get(params) as
      | SummaryRow
      | undefined
    return row ? toSummary(row) : null
  }

  maxId(): number {
    return (this.db.prepare('SELECT max(id) AS id FROM requests').get() as { id: number | null }).id ?? 0
  }

  private minId(): number {
    return (this.db.prepare('SELECT min(id) AS id FROM requests').get() as { id: number | null }).id ?? 0
  }

  delete(id: number): boolean {
    let changed = false
    this.db.transaction(() => {
      changed = this.deleteStmt.run(id).changes > 0
      if (changed) this.deleteFtsStmt.run(id)
    })()
    return changed
  }

  /** Deletes every row the query matches (all windows, not one page); returns their ids. */
  deleteMatching(query: Omit<RequestQuery, 'limit' | 'beforeId'>): number[] {
    const ids = this.matchingIds(query, Number.MAX_SAFE_INTEGER)
    this.db.transaction(() => {
      for (const id of ids) if (this.deleteStmt.run(id).changes > 0) this.deleteFtsStmt.run(id)
    })()
    return ids
  }

  /** Ids of up to `max` rows the query matches, newest first, paging through every window. */
  matchingIds(query: Omit<RequestQuery, 'limit' | 'beforeId'>, max: number): number[] {
    const ids: number[] = []
    let beforeId: number | undefined
    for (;;) {
      const page = this.list({ ...query, limit: Math.min(1000, max - ids.length), ...(beforeId ? { beforeId } : {}) })
      for (const item of page.items) ids.push(item.id)
      if (!page.hasMore || ids.length >= max) return ids
      beforeId = page.nextBeforeId
    }
  }

  clear(): number {
    let deleted = 0
    this.db.transaction(() => {
      deleted = this.db.prepare('DELETE FROM requests').run().changes
      this.db.prepare(`INSERT INTO requests_fts(requests_fts) VALUES('delete-all')`).run()
      this.db.prepare('DELETE FROM fts_pending_delete').run()
    })()
    return deleted
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n
  }

  /** Pins (retention never prunes it) or unpins a capture; false when there is no such capture. */
  setPinned(id: number, pinned: boolean): boolean {
    return this.db.prepare('UPDATE requests SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, id).changes > 0
  }

  pinnedCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM requests WHERE pinned = 1').get() as { n: number }).n
  }

  updateVerdict(
    id: number,
    v: { provider: string | null; eventType: string | null; eventId: string | null; callId: string | null; verdict: Verdict; signature: SignatureReport | null }
  ): void {
    this.updateVerdictStmt.run({
      id,
      call_id: v.callId,
      provider: v.provider,
      event_type: v.eventType,
      event_id: v.eventId,
      verdict_status: v.verdict.status,
      verdict_detail: v.verdict.detail,
      signature_json: v.signature ? JSON.stringify(v.signature) : null
    })
  }
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => '\\' + c)

/**
 * Bounds [lo, hi) holding exactly the strings that start with `prefix` under SQLite's BINARY collation
 * (UTF-8 byte order, which is code point order): hi is the prefix with its last code point raised by
 * one. Null when there is no such bound (the last code point is the highest there is).
 */
export function prefixRange(prefix: string): { lo: string; hi: string } | null {
  const points = Array.from(prefix)
  const last = points.pop()!.codePointAt(0)!
  if (last >= 0x10ffff) return null
  // Surrogate code points are not characters; the one after U+D7FF is U+E000.
  const next = last === 0xd7ff ? 0xe000 : last + 1
  return { lo: prefix, hi: points.join('') + String.fromCodePoint(next) }
}
