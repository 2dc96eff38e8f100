// Moves WAL checkpoints (copying committed pages into the database file, then fsync) off the
// receiver's thread. Left to SQLite's auto-checkpoint they run inside whichever commit crosses the
// threshold, stalling every acknowledgement behind a disk flush; measured, that cost about a quarter
// of the capture throughput. A PASSIVE checkpoint from another connection never blocks the writer.
import type { Db } from './db'
import { SqliteThread } from './sqlite-thread'
import type { CheckpointReply, CheckpointRequest, CheckpointThreadData } from './thread-messages'

/** Connections still checkpoint by themselves past ~64 MiB of WAL, should the worker stall. */
const FALLBACK_AUTOCHECKPOINT_BYTES = 64 * 1024 * 1024

/** The fallback threshold in pages of this database (new files use 16 KiB pages, older ones 4 KiB). */
export function fallbackAutocheckpointPages(db: Db): number {
  return Math.ceil(FALLBACK_AUTOCHECKPOINT_BYTES / (db.pragma('page_size', { simple: true }) as number))
}

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(db: Db, file: string, onError: (message: string) => void, intervalMs = 250): Checkpointer | null {
  if (file === ':memory:' || db.memory) return null
  let thread: SqliteThread<CheckpointRequest, CheckpointReply>
  try {
    const data: CheckpointThreadData = { file, intervalMs }
    thread = new SqliteThread('checkpoint-thread', data)
  } catch (error) {
    onError(`Background checkpoints unavailable (${(error as Error).message}); SQLite will checkpoint inline.`)
    return null
  }
  db.pragma(`wal_autocheckpoint = ${fallbackAutocheckpointPages(db)}`)
  thread.onReply((reply) => onError(`Background checkpoint failed: ${reply.error}`))
  thread.worker.on('error', (e) => {
    onError(`Background checkpoint worker stopped: ${e.message}`)
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
  })
  // After the listeners: adding a 'message' listener refs the worker again, which kept one-shot CLI verbs alive.
  thread.worker.unref()
  return { stop: () => thread.stop() }
}
