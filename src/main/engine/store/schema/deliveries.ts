// Tables owned by the outbound feature (replay, send, forward, retries, forge deliveries).
// Part of migration 1, which is unreleased: edit freely until it ships.
const DELIVERY_TABLES = `
  CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,              -- replay | send | forward | retry | forge
    request_id       INTEGER,                    -- the capture it came from, when there is one
    group_id         TEXT,                       -- ties retry attempts / a forge run together
    attempt          INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,
    target_url       TEXT NOT NULL,
    method           TEXT NOT NULL,
    headers          TEXT NOT NULL,              -- JSON [[name, value], ...] as sent
    body             BLOB NOT NULL,
    response_status  INTEGER,
    response_headers TEXT,
    response_body    BLOB,
    duration_ms      REAL,
    error            TEXT,
    error_kind       TEXT,
    label            TEXT                        -- e.g. the forge check id or the event type sent
  );
  CREATE INDEX deliveries_request ON deliveries(request_id, id);
  CREATE INDEX deliveries_group ON deliveries(group_id, id);
`

// Saved local targets and live-forwarding rules (same feature; same unreleased migration). IF NOT EXISTS:
// TargetStore also runs this on open, for databases created before these tables joined migration 1.
export const TARGET_TABLES = `
  CREATE TABLE IF NOT EXISTS targets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    url        TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS forward_rules (
    id                INTEGER PRIMARY KEY,
    target_url        TEXT NOT NULL,
    endpoint          TEXT,                     -- match this endpoint id (null: any)
    path_prefix       TEXT,                     -- match paths starting with this (null: any)
    event_type        TEXT,                     -- match this event type (null: any)
    enabled           INTEGER NOT NULL DEFAULT 1,
    retry_provider    TEXT,                     -- simulate this provider's retries on failure (null: none)
    time_compression  REAL NOT NULL DEFAULT 1,  -- retry delays are divided by this
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    disabled_reason   TEXT,
    created_at        INTEGER NOT NULL
  );
`

export const DELIVERIES_SCHEMA = DELIVERY_TABLES + TARGET_TABLES
