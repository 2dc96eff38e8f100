// Tables owned by the outbound feature (replay, send, forward, retries, forge deliveries).
// Part of migration 1, which is unreleased: edit freely until it ships.
export const DELIVERIES_SCHEMA = `
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
