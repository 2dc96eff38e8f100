// Moves WAL checkpoints (copying committed pages into the database file, then fsync) off the
// receiver's thread. Left to SQLite's auto-checkpoint they run inside whichever commit crosses the
// threshold, stalling every acknowledgement behind a disk flush; measured, that cost about a quarter
// of the capture throughput. A PASSIVE checkpoint from another connection never blocks the writer.
import type { Worker } from 'node:worker_threads'
import type { Db } from './db'
import { startSqliteThread, stopSqliteThread } from './sqlite-thread'

/** Connections still checkpoint by themselves past ~64 MiB of WAL, should the worker stall. */
const FALLBACK_AUTOCHECKPOINT_BYTES = 64 * 1024 * 1024

/** The fallback threshold in pages of this database (new files use 16 KiB pages, older ones 4 KiB). */
export function fallbackAutocheckpointPages(db: Db): number {
  return Math.ceil(FALLBACK_AUTOCHECKPOINT_BYTES / (db.pragma('page_size', { simple: true }) as number))
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 2000')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (e) { parentPort.postMessage(String(e && e.message)) }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  try { db.close() } catch {}
  parentPort.close()
})
`

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(db: Db, file: string, onError: (message: string) => void, intervalMs = 250): Checkpointer | null {
  if (file === ':memory:' || db.memory) return null
  let worker: Worker
  try {
    worker = startSqliteThread(WORKER_SOURCE, { file, intervalMs })
  } catch (error) {
    onError(`Background checkpoints unavailable (${(error as Error).message}); SQLite will checkpoint inline.`)
    return null
  }
  db.pragma(`wal_autocheckpoint = ${fallbackAutocheckpointPages(db)}`)
  worker.on('message', (m: string) => onError(`Background checkpoint failed: ${m}`))
  worker.on('error', (e) => {
    onError(`Background checkpoint worker stopped: ${e.message}`)
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
  })
  // After the listeners: adding a 'message' listener refs the worker again, which kept one-shot CLI verbs alive.
  worker.unref()
  return { stop: () => stopSqliteThread(worker) }
}
