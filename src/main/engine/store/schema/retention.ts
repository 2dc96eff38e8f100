// Retention (issue 16): a pin that keeps a capture whatever the caps. The partial index holds only
// pinned rows, so it costs nothing when an ordinary capture is inserted.
export const RETENTION_SCHEMA = `
  ALTER TABLE requests ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX requests_pinned ON requests(id) WHERE pinned = 1;
`
