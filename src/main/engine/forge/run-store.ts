import type { ForgeReport, ForgeRunSummary } from '../../../shared/api/forge'
import type { Db } from '../store/db'

/** Forge runs, saved with their target URL (schema/forge.ts). */
export class ForgeRunStore {
  private readonly upsertStmt
  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO forge_runs (id, target_url, provider, started_at, finished_at, status, score, report_json)
      VALUES (@id, @targetUrl, @provider, @startedAt, @finishedAt, @status, @score, @json)
      ON CONFLICT(id) DO UPDATE SET finished_at = excluded.finished_at, status = excluded.status,
        score = excluded.score, report_json = excluded.report_json`)
  }

  save(report: ForgeReport): void {
    this.upsertStmt.run({
      id: report.id,
      targetUrl: report.targetUrl,
      provider: report.provider,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      status: report.status,
      score: report.score,
      json: JSON.stringify(report)
    })
  }

  get(id: string): ForgeReport | null {
    const row = this.db.prepare(`SELECT report_json FROM forge_runs WHERE id = ?`).get(id) as { report_json: string } | undefined
    return row ? (JSON.parse(row.report_json) as ForgeReport) : null
  }

  /** Newest first; for one target when given. */
  list(targetUrl: string | undefined, limit = 50): ForgeRunSummary[] {
    const rows = (
      targetUrl
        ? this.db.prepare(`SELECT report_json FROM forge_runs WHERE target_url = ? ORDER BY started_at DESC LIMIT ?`).all(targetUrl, limit)
        : this.db.prepare(`SELECT report_json FROM forge_runs ORDER BY started_at DESC LIMIT ?`).all(limit)
    ) as { report_json: string }[]
    return rows.map((r) => {
      const { checks: _checks, ...summary } = JSON.parse(r.report_json) as ForgeReport
      return summary
    })
  }

  /** Runs left "running" by a process that died are not running any more. */
  markInterrupted(): void {
    const rows = this.db.prepare(`SELECT report_json FROM forge_runs WHERE status = 'running'`).all() as { report_json: string }[]
    for (const r of rows) {
      const report = JSON.parse(r.report_json) as ForgeReport
      this.save({ ...report, status: 'failed', error: 'The run was interrupted (Hookscope stopped before it finished).' })
    }
  }
}
