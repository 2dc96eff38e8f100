// Tables owned by the forge feature. Part of migration 1, which is unreleased: edit freely until it ships.
// A run is saved with its target so the report card of an endpoint can be reopened; the secret never is.
export const FORGE_SCHEMA = `
  CREATE TABLE forge_runs (
    id           TEXT PRIMARY KEY,           -- also the group_id of its deliveries
    target_url   TEXT NOT NULL,
    provider     TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER,
    status       TEXT NOT NULL,              -- running | finished | failed | cancelled
    score        INTEGER NOT NULL DEFAULT 0,
    report_json  TEXT NOT NULL               -- the whole ForgeReport
  );
  CREATE INDEX forge_runs_target ON forge_runs(target_url, started_at);
`
