// Reads calls out of the requests table through the call indexes (migration 3): the newest calls by
// walking requests_call_recent from the top, a call's deliveries through requests_call.
import type { CallPage, CallSummary } from '../../../shared/api/calls'
import { DEFAULT_MISSING_FINAL_MS } from '../../../shared/api/calls'
import { getProvider } from '../providers/registry'
import type { Db } from '../store/db'
import { callSpecOf } from './call-id'
import { judgeCall, type CallRow } from './timeline'

/** Deliveries judged per call; a call with more is shown with its first ones and marked truncated. */
export const MAX_CALL_DELIVERIES = 1000
/** Rows one listing walks at most (a few ms through the index); the page then says where to go on. */
const MAX_SCAN_ROWS = 100_000
const DEFAULT_LIMIT = 50

export interface CallQuery {
  provider?: string
  limit?: number
  beforeId?: number
  missingFinalAfterMs?: number
}

interface DeliveryRow {
  id: number
  received_at: number
  event_type: string | null
  event_id: string | null
  body_sha256: string
  response_status: number | null
  duration_ms: number | null
  delay_ms: number | null
}

export class CallStore {
  private readonly deliveriesStmt
  private readonly newestStmt

  constructor(private readonly db: Db) {
    this.deliveriesStmt = db.prepare(`SELECT id, received_at, event_type, event_id, body_sha256, response_status, duration_ms,
      json_extract(response_json, '$.delayMs') AS delay_ms
      FROM requests WHERE call_id = ? AND provider = ? ORDER BY id LIMIT ${MAX_CALL_DELIVERIES + 1}`)
    this.newestStmt = db.prepare(`SELECT max(id) AS id FROM requests WHERE call_id = ? AND provider = ?`)
  }

  /** Newest calls first (by their latest delivery). */
  list(query: CallQuery, now = Date.now()): CallPage {
    const limit = query.limit ?? DEFAULT_LIMIT
    const where = ['call_id IS NOT NULL']
    const params: Record<string, unknown> = {}
    if (query.provider) {
      where.push('provider = @provider')
      params.provider = query.provider
    }
    if (query.beforeId !== undefined) {
      where.push('id < @beforeId')
      params.beforeId = query.beforeId
    }
    const scan = this.db.prepare(`SELECT id, provider, call_id FROM requests WHERE ${where.join(' AND ')} ORDER BY id DESC`)
    const seen = new Set<string>()
    const items: CallSummary[] = []
    let scanned = 0
    for (const row of scan.iterate(params) as IterableIterator<{ id: number; provider: string | null; call_id: string }>) {
      if (++scanned > MAX_SCAN_ROWS) return { items, nextBeforeId: row.id + 1 }
      const provider = row.provider ?? ''
      const key = provider + '\u0000' + row.call_id
      if (seen.has(key)) continue
      seen.add(key)
      // Paging: a call whose newest delivery is above the page start was listed on an earlier page.
      if (query.beforeId !== undefined && this.newestId(provider, row.call_id) >= query.beforeId) continue
      const call = this.get(provider, row.call_id, query.missingFinalAfterMs, now)
      if (!call) continue
      items.push(call)
      if (items.length === limit) return { items, nextBeforeId: row.id }
    }
    return { items }
  }

  get(provider: string, callId: string, missingFinalAfterMs = DEFAULT_MISSING_FINAL_MS, now = Date.now()): CallSummary | null {
    const spec = callSpecOf(provider)
    if (!spec) return null
    const rows = this.deliveriesStmt.all(callId, provider) as DeliveryRow[]
    if (rows.length === 0) return null
    const truncated = rows.length > MAX_CALL_DELIVERIES
    return judgeCall(rows.slice(0, MAX_CALL_DELIVERIES).map(toCallRow), {
      provider,
      callId,
      spec,
      deadlineMs: getProvider(provider)?.retry.timeoutMs ?? null,
      now,
      missingFinalAfterMs,
      truncated
    })
  }

  private newestId(provider: string, callId: string): number {
    return (this.newestStmt.get(callId, provider) as { id: number | null }).id ?? 0
  }
}

function toCallRow(r: DeliveryRow): CallRow {
  return {
    id: r.id,
    receivedAt: r.received_at,
    eventType: r.event_type,
    eventId: r.event_id,
    bodySha256: r.body_sha256,
    responseStatus: r.response_status,
    durationMs: r.duration_ms,
    delayMs: typeof r.delay_ms === 'number' ? r.delay_ms : null
  }
}
