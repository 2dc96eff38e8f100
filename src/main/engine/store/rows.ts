import type { CapturedRequest, CapturedResponse, Header, RequestSummary, SignatureReport, Verdict, VerdictStatus } from '../../../shared/types'

/** A request ready to be stored: what the receiver saw plus what it answered. */
export interface NewRequest {
  receivedAt: number
  endpoint: string | null
  method: string
  path: string
  httpVersion: string
  headers: Header[]
  body: Buffer
  bodySize: number
  bodySha256: string
  bodyTruncated: boolean
  contentType: string | null
  contentEncoding: string | null
  remoteAddress: string | null
  viaTunnel: boolean
  forwardedFor: string | null
  provider: string | null
  eventType: string | null
  eventId: string | null
  /** Which call the delivery belongs to (calls/call-id.ts), when its provider has calls. */
  callId?: string | null
  verdict: Verdict
  signature: SignatureReport | null
  response: CapturedResponse | null
  durationMs: number | null
  note: string | null
}

export interface SummaryRow {
  id: number
  received_at: number
  endpoint: string | null
  method: string
  path: string
  body_size: number
  body_sha256: string
  body_truncated: number
  content_type: string | null
  content_encoding: string | null
  remote_address: string | null
  via_tunnel: number
  forwarded_for: string | null
  provider: string | null
  event_type: string | null
  event_id: string | null
  call_id: string | null
  verdict_status: string
  verdict_detail: string
  response_status: number | null
  duration_ms: number | null
  note: string | null
  pinned: number
}

export interface FullRow extends SummaryRow {
  http_version: string
  headers: string
  body: Buffer
  signature_json: string | null
  response_json: string | null
}

export const SUMMARY_COLUMNS = `id, received_at, endpoint, method, path, body_size, body_sha256, body_truncated,
  content_type, content_encoding, remote_address, via_tunnel, forwarded_for, provider, event_type, event_id,
  verdict_status, verdict_detail, response_status, duration_ms, note, call_id, pinned`

export function toSummary(row: SummaryRow): RequestSummary {
  return {
    id: row.id,
    receivedAt: row.received_at,
    endpoint: row.endpoint,
    method: row.method,
    path: row.path,
    bodySize: row.body_size,
    bodySha256: row.body_sha256,
    bodyTruncated: row.body_truncated === 1,
    contentType: row.content_type,
    contentEncoding: row.content_encoding,
    remoteAddress: row.remote_address,
    viaTunnel: row.via_tunnel === 1,
    forwardedFor: row.forwarded_for,
    provider: row.provider,
    eventType: row.event_type,
    eventId: row.event_id,
    callId: row.call_id,
    verdict: { status: row.verdict_status as VerdictStatus, detail: row.verdict_detail },
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    note: row.note,
    pinned: row.pinned === 1
  }
}

/** The list's view of a row just committed, without reading it back (never the body or headers). */
export function summaryOfNew(id: number, r: NewRequest): RequestSummary {
  const { httpVersion: _v, headers: _h, body: _b, signature: _s, response, ...summary } = r
  return { id, ...summary, callId: r.callId ?? null, responseStatus: response?.status ?? null, pinned: false }
}

/** A capture with its body as bytes, for engine work (replay, re-verification, diffs, body reads). */
export type StoredRequest = Omit<CapturedRequest, 'bodyBase64'> & { body: Buffer }

/** Headers as stored (JSON [[name, value], ...]); anything else reads as no headers rather than failing. */
export function parseStoredHeaders(json: string): Header[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? (v.filter((h) => Array.isArray(h) && h.length === 2) as Header[]) : []
  } catch {
    return []
  }
}

export function toStored(row: FullRow): StoredRequest {
  return {
    ...toSummary(row),
    httpVersion: row.http_version,
    headers: parseStoredHeaders(row.headers),
    body: row.body,
    response: row.response_json ? (JSON.parse(row.response_json) as CapturedResponse) : null,
    signature: row.signature_json ? (JSON.parse(row.signature_json) as SignatureReport) : null
  }
}

export function toCaptured(row: FullRow): CapturedRequest {
  const { body, ...rest } = toStored(row)
  return { ...rest, bodyBase64: body.toString('base64') }
}

/** Columns of a new row, in the order of `toInsertRow`; one list for both writers (in-thread and worker). */
export const INSERT_COLUMNS = [
  'received_at', 'endpoint', 'method', 'path', 'http_version', 'headers', 'body', 'body_size', 'body_sha256',
  'body_truncated', 'content_type', 'content_encoding', 'remote_address', 'via_tunnel', 'forwarded_for', 'provider',
  'event_type', 'event_id', 'verdict_status', 'verdict_detail', 'signature_json', 'response_status', 'response_json',
  'duration_ms', 'note', 'call_id'
] as const

export const DURATION_UPDATE_SQL = `UPDATE requests SET duration_ms = ? WHERE id = ?`

export const INSERT_SQL = `INSERT INTO requests (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`

/** Where the body sits in a row of `toInsertRow` (the worker writer ships bodies separately). */
export const BODY_COLUMN = INSERT_COLUMNS.indexOf('body')

export type InsertValue = string | number | null | Buffer

/** Positional bind values (cheaper to bind than named ones, which matters at thousands of rows a second). */
export function toInsertRow(r: NewRequest): InsertValue[] {
  return [
    r.receivedAt,
    r.endpoint,
    r.method,
    r.path,
    r.httpVersion,
    JSON.stringify(r.headers),
    r.body,
    r.bodySize,
    r.bodySha256,
    r.bodyTruncated ? 1 : 0,
    r.contentType,
    r.contentEncoding,
    r.remoteAddress,
    r.viaTunnel ? 1 : 0,
    r.forwardedFor,
    r.provider,
    r.eventType,
    r.eventId,
    r.verdict.status,
    r.verdict.detail,
    r.signature ? JSON.stringify(r.signature) : null,
    r.response?.status ?? null,
    r.response ? JSON.stringify(r.response) : null,
    r.durationMs,
    r.note,
    r.callId ?? null
  ]
}
