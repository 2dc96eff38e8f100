import { diffRequests, type DiffSide } from '../../../shared/diff'
import { decodeBody } from '../body'
import type { ApiHandlers } from '../api-handlers'
import type { Db } from '../store/db'
import { SCAN_WINDOW_IDS, type RequestStore } from '../store/request-store'
import type { StoredRequest } from '../store/rows'
import { CallStore } from './call-store'
import { HookscopeError } from '../../../shared/errors'

type CallsMethods = 'listCalls' | 'getCall' | 'diffRequests' | 'previousDelivery'

/** Bodies bigger than this (decoded) are compared by their hash only: a diff of them would not be read. */
const MAX_DIFF_TEXT_BYTES = 8 * 1024 * 1024

/** Calls grouped from captures, and the diff of two captures. */
export function callsApi(engine: { db: Db; requests: RequestStore }): Pick<ApiHandlers, CallsMethods> {
  const q = prepare(engine.db)
  const side = (id: number): DiffSide => {
    const row = engine.requests.getWithBody(id)
    if (!row) throw new HookscopeError('not_found', `No captured request with id ${id}.`)
    return toSide(row)
  }
  return {
    listCalls: (query) => q.calls.list(query),
    getCall: ({ provider, callId, missingFinalAfterMs }) => q.calls.get(provider, callId, missingFinalAfterMs),
    diffRequests: ({ a, b }) => diffRequests(side(a), side(b)),
    previousDelivery: ({ id }) => {
      const s = engine.requests.summary(id)
      if (!s || !s.eventId) return null
      const params = { id, provider: s.provider, callId: s.callId, eventType: s.eventType, eventId: s.eventId, floor: id - SCAN_WINDOW_IDS }
      const row = (s.callId ? q.previousInCall.get(params) : q.previousInWindow.get(params)) as { id: number } | undefined
      return row ? { id: row.id } : null
    }
  }
}

function prepare(db: Db) {
  return {
    calls: new CallStore(db),
    previousInCall: db.prepare(`SELECT id FROM requests WHERE call_id = @callId AND provider = @provider AND id < @id
      AND event_type IS @eventType AND event_id IS @eventId ORDER BY id DESC LIMIT 1`),
    // No index on event_id (it would cost every capture): without a call, look through one window of older ids.
    previousInWindow: db.prepare(`SELECT id FROM requests WHERE id < @id AND id >= @floor AND event_id = @eventId
      AND provider IS @provider AND event_type IS @eventType ORDER BY id DESC LIMIT 1`)
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function toSide(row: StoredRequest): DiffSide {
  const decoded = decodeBody(row.body, row.contentEncoding)
  let text: string | null = null
  if (decoded.ok && decoded.bytes.length <= MAX_DIFF_TEXT_BYTES) {
    try {
      text = utf8.decode(decoded.bytes)
    } catch {
      text = null
    }
  }
  return {
    id: row.id,
    method: row.method,
    path: row.path,
    headers: row.headers,
    text,
    size: row.bodySize,
    sha256: row.bodySha256
  }
}
