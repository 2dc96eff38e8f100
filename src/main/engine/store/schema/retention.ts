// Retention (issue 16): a pin that keeps a capture whatever the caps (the partial index holds only
// pinned rows, so it costs nothing when an ordinary capture is inserted), and the full-text entries
// of pruned captures waiting for the indexer to remove them.
export const RETENTION_SCHEMA = `
  ALTER TABLE requests ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX requests_pinned ON requests(id) WHERE pinned = 1;
  CREATE TABLE fts_pending_delete (id INTEGER PRIMARY KEY);
`
