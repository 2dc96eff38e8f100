// One retention step, as the capture writer runs it between two batches of INSERTs: a few hundred
// captures deleted in one short transaction, then a few pages handed back to the file system.
// The writer thread imports this file as it is (see sqlite-thread.ts): it may import only types.
import type { Db } from './db'

/**
 * What the retention scheduler asks of the writer: delete these captures (oldest first), remove up to
 * `purgeFts` queued full-text entries, and hand so many free pages back to the file system.
 */
export interface PruneStep {
  ids: number[]
  purgeFts: number
  vacuumPages: number
}

export interface PruneResult {
  deleted: number
  purged: number
}

/**
 * A capture goes with everything tied to it: the replays/forwards of it in the delivery log, and its
 * full-text entry. That one is queued and removed in separate steps while no delivery arrives: an
 * FTS5 (contentless_delete) delete now and then rewrites a segment's tombstones, which measured up
 * to ~1 s on a loaded machine, and in the same transaction as the capture deletes it held up every
 * acknowledgement behind it. Search joins the requests table, so a queued entry never shows.
 * A row pinned since it was picked is skipped.
 */
export const PRUNE_SQL = {
  request: 'DELETE FROM requests WHERE id = ? AND pinned = 0',
  queueFts: 'INSERT OR IGNORE INTO fts_pending_delete(id) VALUES (?)',
  deliveries: 'DELETE FROM deliveries WHERE request_id = ?',
  pendingFts: 'SELECT id FROM fts_pending_delete ORDER BY id LIMIT ?',
  deleteFts: 'DELETE FROM requests_fts WHERE rowid = ?',
  unqueueFts: 'DELETE FROM fts_pending_delete WHERE id = ?'
} as const

/** The step on one connection: the in-thread writer's, or the writer thread's own. */
export function pruneOn(db: Db): (step: PruneStep) => PruneResult {
  const s = Object.fromEntries(Object.entries(PRUNE_SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Record<keyof typeof PRUNE_SQL, ReturnType<Db['prepare']>>
  const run = db.transaction((ids: number[]) => {
    let deleted = 0
    for (const id of ids) {
      if (s.request.run(id).changes === 0) continue
      s.queueFts.run(id)
      s.deliveries.run(id)
      deleted++
    }
    return deleted
  })
  const purge = db.transaction((max: number) => {
    const queued = s.pendingFts.all(max) as { id: number }[]
    for (const { id } of queued) {
      s.deleteFts.run(id)
      s.unqueueFts.run(id)
    }
    return queued.length
  })
  return (step) => {
    const deleted = step.ids.length ? run(step.ids) : 0
    const purged = step.purgeFts > 0 ? purge(step.purgeFts) : 0
    if (step.vacuumPages > 0) db.pragma(`incremental_vacuum(${step.vacuumPages})`)
    return { deleted, purged }
  }
}
