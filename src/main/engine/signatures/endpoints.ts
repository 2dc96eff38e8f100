import type { ResponseConfig } from '../../../shared/types'
import { SIGNATURES_SCHEMA } from '../store/schema/signatures'
import type { Db } from '../store/db'
import type { GenericConfig } from '../providers/generic'

export interface Endpoint {
  id: number
  path: string
  name: string
  provider: string | null
  generic: GenericConfig | null
  response: ResponseConfig | null
  createdAt: number
}

interface EndpointRow {
  id: number
  path: string
  name: string
  provider: string | null
  generic_json: string | null
  response_json: string | null
  created_at: number
}

export type EndpointFields = Omit<Endpoint, 'id' | 'createdAt'>

/** Named receiver paths, kept in SQLite; secrets are not (see vault.ts). */
export class EndpointStore {
  constructor(private readonly db: Db) {
    // Databases created before the feature table joined migration 1 (unreleased) get it here.
    db.exec(SIGNATURES_SCHEMA)
  }

  all(): Endpoint[] {
    return (this.db.prepare(`SELECT * FROM endpoints ORDER BY path`).all() as EndpointRow[]).map(fromRow)
  }

  get(id: number): Endpoint | null {
    const row = this.db.prepare(`SELECT * FROM endpoints WHERE id = ?`).get(id) as EndpointRow | undefined
    return row ? fromRow(row) : null
  }

  byPath(path: string): Endpoint | null {
    const row = this.db.prepare(`SELECT * FROM endpoints WHERE path = ?`).get(path) as EndpointRow | undefined
    return row ? fromRow(row) : null
  }

  create(fields: EndpointFields): Endpoint {
    const info = this.db
      .prepare(`INSERT INTO endpoints (path, name, provider, generic_json, response_json, created_at)
        VALUES (@path, @name, @provider, @generic_json, @response_json, @created_at)`)
      .run({ ...toParams(fields), created_at: Date.now() })
    const created = this.get(Number(info.lastInsertRowid)) as Endpoint
    // Captures that already arrived at this path now belong to the endpoint (and get re-verified).
    this.db
      .prepare(`UPDATE requests SET endpoint = @p WHERE endpoint IS NULL AND substr(path, 1, length(@p)) = @p
        AND (length(path) = length(@p) OR substr(path, length(@p) + 1, 1) IN ('/', '?'))`)
      .run({ p: created.path })
    return created
  }

  /** Updates an endpoint; captures filed under its old path move with it. */
  update(id: number, fields: EndpointFields): Endpoint {
    const before = this.get(id)
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE endpoints SET path = @path, name = @name, provider = @provider, generic_json = @generic_json,
          response_json = @response_json WHERE id = @id`)
        .run({ ...toParams(fields), id })
      if (before && before.path !== fields.path) {
        this.db.prepare(`UPDATE requests SET endpoint = ? WHERE endpoint = ?`).run(fields.path, before.path)
      }
    })()
    return this.get(id) as Endpoint
  }

  delete(id: number): boolean {
    return this.db.prepare(`DELETE FROM endpoints WHERE id = ?`).run(id).changes > 0
  }

  requestCounts(): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT endpoint, count(*) AS n FROM requests WHERE endpoint IS NOT NULL GROUP BY endpoint`)
      .all() as { endpoint: string; n: number }[]
    return new Map(rows.map((r) => [r.endpoint, r.n]))
  }
}

function toParams(f: EndpointFields): Record<string, unknown> {
  return {
    path: f.path,
    name: f.name,
    provider: f.provider,
    generic_json: f.generic ? JSON.stringify(f.generic) : null,
    response_json: f.response ? JSON.stringify(f.response) : null
  }
}

function fromRow(r: EndpointRow): Endpoint {
  return {
    id: r.id,
    path: r.path,
    name: r.name,
    provider: r.provider,
    generic: r.generic_json ? (JSON.parse(r.generic_json) as GenericConfig) : null,
    response: r.response_json ? (JSON.parse(r.response_json) as ResponseConfig) : null,
    createdAt: r.created_at
  }
}
