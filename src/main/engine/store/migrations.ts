// Schema history. Index i upgrades user_version i to i+1. Never edit a shipped entry: append one.
// Entry 1 (feature tables) is not shipped yet; each feature owns its fragment under schema/.
import { DELIVERIES_SCHEMA, TARGET_TABLES } from './schema/deliveries'
import { FORGE_SCHEMA } from './schema/forge'
import { RETENTION_SCHEMA } from './schema/retention'
import { SIGNATURES_SCHEMA } from './schema/signatures'

export const MIGRATIONS: string[] = [
  `
  CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    received_at      INTEGER NOT NULL,
    endpoint         TEXT,
    method           TEXT NOT NULL,
    path             TEXT NOT NULL,
    http_version     TEXT NOT NULL,
    headers          TEXT NOT NULL,          -- JSON [[name, value], ...] as received
    body             BLOB NOT NULL,          -- exact bytes, never re-encoded
    body_size        INTEGER NOT NULL,       -- bytes received (may exceed length(body) when truncated)
    body_sha256      TEXT NOT NULL,
    body_truncated   INTEGER NOT NULL DEFAULT 0,
    content_type     TEXT,
    content_encoding TEXT,
    remote_address   TEXT,
    via_tunnel       INTEGER NOT NULL DEFAULT 0,
    forwarded_for    TEXT,
    provider         TEXT,
    event_type       TEXT,
    event_id         TEXT,
    verdict_status   TEXT NOT NULL DEFAULT 'unknown',
    verdict_detail   TEXT NOT NULL DEFAULT '',
    signature_json   TEXT,
    response_status  INTEGER,
    response_json    TEXT,                   -- {status, headers, bodyBase64, delayMs}
    duration_ms      REAL,
    note             TEXT
  );
  CREATE INDEX requests_provider ON requests(provider, id);
  CREATE INDEX requests_verdict ON requests(verdict_status, id);
  CREATE INDEX requests_method ON requests(method, id);
  CREATE INDEX requests_endpoint ON requests(endpoint, id);
  CREATE INDEX requests_event_type ON requests(event_type, id);

  -- Full-text index, filled by the indexer shortly after each commit (off the acknowledgement path).
  CREATE VIRTUAL TABLE requests_fts USING fts5(path, headers, body, content='', contentless_delete=1);

  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `
  ,
  [SIGNATURES_SCHEMA, DELIVERIES_SCHEMA, FORGE_SCHEMA].join('\n'),
  // 2: calls: the call id extracted at capture (calls/call-id.ts). Partial indexes: rows without a call
  // cost nothing extra. requests_call finds a call's deliveries; requests_call_recent walks the newest
  // deliveries that belong to a call, so the newest calls list without scanning the whole table.
  // Captures stored before this have no call id (not backfilled: that would parse every body at start).
  `
  ALTER TABLE requests ADD COLUMN call_id TEXT;
  CREATE INDEX requests_call ON requests(call_id, provider) WHERE call_id IS NOT NULL;
  CREATE INDEX requests_call_recent ON requests(id) WHERE call_id IS NOT NULL;
  `,
  // 3: how often each forwarding rule matched and when last (shown per rule), and which HAR entries
  // were imported already (a file imported twice is not duplicated). TARGET_TABLES first: databases
  // from before the rules table joined migration 1 get it here.
  `
  ${TARGET_TABLES}
  ALTER TABLE forward_rules ADD COLUMN matched_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE forward_rules ADD COLUMN last_matched_at INTEGER;
  CREATE TABLE har_imports (
    entry_hash  TEXT PRIMARY KEY,           -- sha256 of method, URL, headers, body and start time
    request_id  INTEGER NOT NULL            -- the capture it became (gone when that capture is deleted)
  ) WITHOUT ROWID;
  `,
  // 4: pins, and the queue of full-text entries of pruned captures (store/retention.ts)
  RETENTION_SCHEMA
]
