// HAR files into captures: each entry checked, judged again with today's secrets, stored in the order it
// happened, and a file imported twice not stored twice.
import type { EventSink } from '../api-handlers'
import type { IncomingDelivery, Inspection } from '../inspect'
import type { SettingsStore } from '../settings-store'
import type { Db } from '../store/db'
import type { RequestStore } from '../store/request-store'
import type { NewRequest } from '../store/rows'
import { harEntries, type ImportedEntry } from './har'

/**
 * Stores a HAR file's entries as captures (one transaction) and tells the UI. Entries already imported
 * (same method, URL, headers, body and time), or captures of this database exported and brought back,
 * are skipped and counted. The rest are stored oldest first, so the list (newest first by arrival)
 * shows the newest of them on top; each keeps its original time as its received time.
 */
export interface HarImportDeps {
  db: Db
  requests: RequestStore
  settings: SettingsStore
  events: EventSink
  /** Judges a request with the secrets stored now (the signatures feature's inspector). */
  inspect: (delivery: IncomingDelivery) => Inspection
  /** Makes just-stored rows searchable now. */
  flushIndex: () => void
}

export function importHarText(engine: HarImportDeps, text: string): { ids: number[]; skipped: number } {
  const entries = harEntries(text, engine.settings.get().bodyLimitBytes)
  // Joined with the capture it became (same time and body): a deleted capture, or an id reused since, does not count.
  const imported = engine.db.prepare(`SELECT 1 FROM har_imports h JOIN requests r ON r.id = h.request_id
    WHERE h.entry_hash = ? AND r.received_at = ? AND r.body_sha256 = ?`)
  const stillHere = engine.db.prepare(`SELECT 1 FROM requests WHERE id = ? AND received_at = ? AND body_sha256 = ? AND method = ? AND path = ?`)
  const keys = new Set<string>()
  const fresh: ImportedEntry[] = []
  for (const e of entries) {
    const own = e.sourceId !== null && stillHere.get(e.sourceId, e.row.receivedAt, e.row.bodySha256, e.row.method, e.row.path) !== undefined
    if (own || keys.has(e.key) || imported.get(e.key, e.row.receivedAt, e.row.bodySha256) !== undefined) continue
    keys.add(e.key)
    fresh.push(e)
  }
  // Stable: entries with the same time keep the file's order.
  fresh.sort((a, b) => a.row.receivedAt - b.row.receivedAt)
  const rows = fresh.map((e) => reinspect(engine, e.row))
  const remember = engine.db.prepare(`INSERT OR REPLACE INTO har_imports (entry_hash, request_id) VALUES (?, ?)`)
  const ids = engine.db.transaction(() => {
    const inserted = engine.requests.insertMany(rows)
    inserted.forEach((id, i) => remember.run(fresh[i].key, id))
    return inserted
  })()
  engine.flushIndex()
  const summaries = ids.map((id) => engine.requests.summary(id)).filter((s) => s !== null)
  if (summaries.length) engine.events.emit('requestsAdded', summaries)
  return { ids, skipped: entries.length - fresh.length }
}

/**
 * Judges an imported request as if it had just arrived at its original time, with the secrets stored
 * now, so the Signature tab has its full report. What the file said is kept when nothing here knows
 * the provider.
 */
function reinspect(engine: HarImportDeps, row: NewRequest): NewRequest {
  if (row.bodyTruncated) return row
  const inspection = engine.inspect({
    method: row.method,
    path: row.path,
    headers: row.headers,
    body: row.body,
    contentEncoding: row.contentEncoding,
    receivedAt: row.receivedAt
  })
  if (!inspection.provider && row.provider) return { ...row, endpoint: inspection.endpoint ?? row.endpoint }
  return {
    ...row,
    endpoint: inspection.endpoint,
    provider: inspection.provider,
    eventType: inspection.eventType ?? row.eventType,
    eventId: inspection.eventId ?? row.eventId,
    callId: inspection.callId,
    verdict: inspection.verdict,
    signature: inspection.signature
  }
}
