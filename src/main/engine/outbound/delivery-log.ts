import type { DeliveryKind, DeliveryRecord } from '../../../shared/api/outbound'
import type { Db } from '../store/db'
import { parseStoredHeaders } from '../store/rows'
import type { OutboundRequest, OutboundResult } from './send-http'

export type { DeliveryKind, DeliveryRecord } from '../../../shared/api/outbound'

interface Row {
  id: number
  kind: DeliveryKind
  request_id: number | null
  group_id: string | null
  attempt: number
  created_at: number
  target_url: string
  method: string
  headers: string
  body: Buffer
  response_status: number | null
  response_headers: string | null
  response_body: Buffer | null
  duration_ms: number | null
  error: string | null
  error_kind: string | null
  label: string | null
}

/** Every replay, send, forward, retry and forge delivery, so the user can open any of them later. */
export class DeliveryLog {
  private readonly insertStmt
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO deliveries (kind, request_id, group_id, attempt, created_at, target_url,
      method, headers, body, response_status, response_headers, response_body, duration_ms, error, error_kind, label)
      VALUES (@kind, @request_id, @group_id, @attempt, @created_at, @target_url, @method, @headers, @body,
      @response_status, @response_headers, @response_body, @duration_ms, @error, @error_kind, @label)`)
  }

  record(
    meta: { kind: DeliveryKind; requestId?: number | null; groupId?: string | null; attempt?: number; label?: string | null },
    request: OutboundRequest,
    result: OutboundResult
  ): DeliveryRecord {
    const row = {
      kind: meta.kind,
      request_id: meta.requestId ?? null,
      group_id: meta.groupId ?? null,
      attempt: meta.attempt ?? 1,
      created_at: Date.now(),
      target_url: request.url,
      method: request.method,
      headers: JSON.stringify(result.sentHeaders.length ? result.sentHeaders : request.headers),
      body: request.body,
      response_status: result.status,
      response_headers: JSON.stringify(result.headers),
      response_body: result.body,
      duration_ms: result.durationMs,
      error: result.error,
      error_kind: result.errorKind,
      label: meta.label ?? null
    }
    const id = Number(this.insertStmt.run(row).lastInsertRowid)
    return toRecord({ id, ...row })
  }

  forRequest(requestId: number, limit = 100): DeliveryRecord[] {
    return (this.db.prepare(`SELECT * FROM deliveries WHERE request_id = ? ORDER BY id DESC LIMIT ?`).all(requestId, limit) as Row[]).map(toRecord)
  }

  /** Newest first, optionally of one kind (the Send view's history). */
  list(kind: DeliveryKind | undefined, limit = 100): DeliveryRecord[] {
    const sql = kind
      ? `SELECT * FROM deliveries WHERE kind = ? ORDER BY id DESC LIMIT ?`
      : `SELECT * FROM deliveries WHERE ? IS NULL ORDER BY id DESC LIMIT ?`
    return (this.db.prepare(sql).all(kind ?? null, limit) as Row[]).map(toRecord)
  }

  forGroup(groupId: string): DeliveryRecord[] {
    return (this.db.prepare(`SELECT * FROM deliveries WHERE group_id = ? ORDER BY id`).all(groupId) as Row[]).map(toRecord)
  }

  get(id: number): DeliveryRecord | null {
    const row = this.db.prepare(`SELECT * FROM deliveries WHERE id = ?`).get(id) as Row | undefined
    return row ? toRecord(row) : null
  }
}

function toRecord(r: Row): DeliveryRecord {
  return {
    id: r.id,
    kind: r.kind,
    requestId: r.request_id,
    groupId: r.group_id,
    attempt: r.attempt,
    createdAt: r.created_at,
    targetUrl: r.target_url,
    method: r.method,
    headers: parseStoredHeaders(r.headers),
    bodyBase64: r.body.toString('base64'),
    responseStatus: r.response_status,
    responseHeaders: r.response_headers ? parseStoredHeaders(r.response_headers) : [],
    responseBodyBase64: r.response_body ? r.response_body.toString('base64') : '',
    durationMs: r.duration_ms,
    error: r.error,
    errorKind: r.error_kind,
    label: r.label
  }
}
