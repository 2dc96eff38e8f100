// Tables owned by the signatures feature. Part of migration 1, which is unreleased: edit freely until it ships.
// Secrets are deliberately NOT here: they live in the secret vault (0600 file or safeStorage), so a copied
// or exported database never carries them.
export const SIGNATURES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS endpoints (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,      -- receiver path prefix, e.g. /callpaymin
    name          TEXT NOT NULL,
    provider      TEXT,                      -- null: detect from each delivery
    generic_json  TEXT,                      -- the user-defined scheme when provider = 'generic'
    response_json TEXT,                      -- this endpoint's own answer; null: the global one
    created_at    INTEGER NOT NULL
  );
`
