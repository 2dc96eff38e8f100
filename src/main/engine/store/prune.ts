// One retention step, as the capture writer runs it between two batches of INSERTs: a few hundred
// captures deleted in one short transaction, then a few pages handed back to the file system.
import type { Db } from './db'

/** What the retention scheduler asks of the writer: these ids (oldest first), and so many pages vacuumed. */
export interface PruneStep {
  ids: number[]
  vacuumPages: number
}

export interface PruneResult {
  deleted: number
}

/**
 * A capture goes with everything tied to it: its full-text entry (a contentless_delete table, so
 * the rowid is enough) and the replays/forwards of it in the delivery log. A row pinned since it was
 * picked is skipped.
 */
export const PRUNE_SQL = {
  request: 'DELETE FROM requests WHERE id = ? AND pinned = 0',
  fts: 'DELETE FROM requests_fts WHERE rowid = ?',
  deliveries: 'DELETE FROM deliveries WHERE request_id = ?'
} as const

/** The same step on a connection of this thread (the in-thread writer); the worker's copy is in worker-writer.ts. */
export function pruneOn(db: Db): (step: PruneStep) => PruneResult {
  const request = db.prepare(PRUNE_SQL.request)
  const fts = db.prepare(PRUNE_SQL.fts)
  const deliveries = db.prepare(PRUNE_SQL.deliveries)
  const run = db.transaction((ids: number[]) => {
    let deleted = 0
    for (const id of ids) {
      if (request.run(id).changes === 0) continue
      fts.run(id)
      deliveries.run(id)
      deleted++
    }
    return deleted
  })
  return (step) => {
    const deleted = step.ids.length ? run(step.ids) : 0
    if (step.vacuumPages > 0) db.pragma(`incremental_vacuum(${step.vacuumPages})`)
    return { deleted }
  }
}
