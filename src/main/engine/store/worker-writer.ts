// Moves the capture INSERTs and their commits off the receiver's thread. On the receiver's thread a
// commit of ~30 rows cost as much as answering those 30 requests, so throughput was capped by SQLite;
// here the receiver only packs each row and waits for the writer thread to say "committed".
import type { Worker } from 'node:worker_threads'
import type { CaptureWriter, CommitListener } from './batched-writer'
import { BODY_COLUMN, INSERT_SQL, toInsertRow, type InsertValue, type NewRequest } from './rows'
import { PRUNE_SQL, type PruneResult, type PruneStep } from './prune'
import { startSqliteThread, stopSqliteThread } from './sqlite-thread'

// Each message is one transaction; bodies arrive packed in one transferred buffer (no copy).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
let db = null
let insertBatch = null
let prune = null
try {
  const Database = require(workerData.module)
  db = new Database(workerData.file, { fileMustExist: true })
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs)
  db.pragma('synchronous = NORMAL')
  db.pragma('wal_autocheckpoint = ' + workerData.autocheckpointPages)
  const insert = db.prepare(workerData.sql)
  const empty = Buffer.alloc(0)
  insertBatch = db.transaction((rows, lengths, bodies) => {
    const ids = new Array(rows.length)
    let offset = 0
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i]
      values[workerData.bodyColumn] = lengths[i] === 0 ? empty : bodies.subarray(offset, offset + lengths[i])
      offset += lengths[i]
      ids[i] = Number(insert.run(values).lastInsertRowid)
    }
    return ids
  })
  // Retention steps arrive as messages, so they run between insert batches, never inside one.
  const p = {}
  for (const key of Object.keys(workerData.prune)) p[key] = db.prepare(workerData.prune[key])
  const pruneIds = db.transaction((ids) => {
    let deleted = 0
    for (const id of ids) {
      if (p.request.run(id).changes === 0) continue
      p.queueFts.run(id)
      p.deliveries.run(id)
      deleted++
    }
    return deleted
  })
  const purgeFts = db.transaction((max) => {
    const queued = p.pendingFts.all(max)
    for (const row of queued) {
      p.deleteFts.run(row.id)
      p.unqueueFts.run(row.id)
    }
    return queued.length
  })
  prune = (step) => {
    const deleted = step.ids.length ? pruneIds(step.ids) : 0
    const purged = step.purgeFts > 0 ? purgeFts(step.purgeFts) : 0
    if (step.vacuumPages > 0) db.pragma('incremental_vacuum(' + step.vacuumPages + ')')
    return { deleted, purged }
  }
} catch (e) {
  parentPort.postMessage({ fatal: String((e && e.message) || e) })
}
parentPort.on('message', (m) => {
  if (m === 'stop') {
    try { if (db) db.close() } catch {}
    parentPort.close()
    return
  }
  if (m.pragma !== undefined) {
    try { parentPort.postMessage({ pragma: db.pragma(m.pragma, { simple: true }) ?? null }) }
    catch (e) { parentPort.postMessage({ pragmaError: String((e && e.message) || e) }) }
    return
  }
  if (m.prune !== undefined) {
    try { parentPort.postMessage({ pruned: prune(m.prune) }) }
    catch (e) { parentPort.postMessage({ pruneError: String((e && e.message) || e) }) }
    return
  }
  if (!insertBatch) return parentPort.postMessage({ error: 'the writer thread has no database' })
  try {
    parentPort.postMessage({ ids: insertBatch(m.rows, m.lengths, Buffer.from(m.bodies)) })
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) })
  }
})
`

interface Pending {
  row: NewRequest
  values: InsertValue[]
  resolve: (id: number) => void
  reject: (error: Error) => void
}

/** Batches may overlap in flight (each is its own transaction) so a batch never waits for the previous reply. */
const MAX_IN_FLIGHT = 4

type Reply =
  | { ids: number[] }
  | { error: string }
  | { fatal: string }
  | { pragma: unknown }
  | { pragmaError: string }
  | { pruned: PruneResult }
  | { pruneError: string }

export interface WorkerWriterOptions {
  file: string
  onCommitted: CommitListener
  /** Takes over if the thread cannot open the database or dies; rows queued by then go there. */
  fallback: () => CaptureWriter
  log: (message: string) => void
  autocheckpointPages: number
  busyTimeoutMs?: number
}

/**
 * Group commit on a writer thread: while one batch is being committed, the rows that finish meanwhile
 * queue up and go as the next batch, so batches grow with the load and an idle receiver waits one
 * round trip. A delivery is acknowledged only after its batch has committed, as before.
 */
export class WorkerWriter implements CaptureWriter {
  private queued: Pending[] = []
  /** Batches sent and not yet answered, oldest first (the thread answers in order). */
  private inFlight: Pending[][] = []
  private scheduled = false
  private closed = false
  private replacement: CaptureWriter | null = null
  private drained: (() => void) | null = null
  private readonly pragmas: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = []
  private readonly prunes: { resolve: (value: PruneResult) => void; reject: (error: Error) => void }[] = []
  private readonly worker: Worker

  private constructor(private readonly options: WorkerWriterOptions) {
    this.worker = startSqliteThread(WORKER_SOURCE, {
      file: options.file,
      sql: INSERT_SQL,
      bodyColumn: BODY_COLUMN,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      autocheckpointPages: options.autocheckpointPages,
      prune: PRUNE_SQL
    })
    this.worker.on('message', (reply: Reply) => this.onReply(reply))
    this.worker.on('error', (error) => this.failOver(`the writer thread stopped: ${error.message}`))
    this.worker.on('exit', () => {
      if (!this.closed) this.failOver('the writer thread exited')
    })
    // After the listeners: adding a 'message' listener refs the worker again. In-flight captures keep
    // the process alive through their sockets; one-shot CLI verbs must be able to exit.
    this.worker.unref()
  }

  /** A writer thread for a database file, or null when threads are unavailable (the caller writes in-thread). */
  static start(options: WorkerWriterOptions): WorkerWriter | null {
    try {
      return new WorkerWriter(options)
    } catch (error) {
      options.log(`Writer thread unavailable (${(error as Error).message}); captures are written on the main thread.`)
      return null
    }
  }

  write(row: NewRequest): Promise<number> {
    if (this.replacement) return this.replacement.write(row)
    if (this.closed) return Promise.reject(new Error('The capture store is closed.'))
    return new Promise((resolve, reject) => {
      // Serialized now, so the JSON work is spread over requests instead of bunched at send time.
      this.queued.push({ row, values: toInsertRow(row), resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        // One event-loop turn gathers every request that finished in it.
        setImmediate(() => this.send())
      }
    })
  }

  /** Runs a PRAGMA on the writer thread's connection (settings like max_page_count are per connection). */
  pragma(statement: string): Promise<unknown> {
    if (this.replacement) return this.replacement.pragma(statement)
    if (this.closed) return Promise.reject(new Error('The capture store is closed.'))
    return new Promise((resolve, reject) => {
      this.pragmas.push({ resolve, reject })
      this.worker.postMessage({ pragma: statement })
    })
  }

  /** Queued behind the batches already sent, so it runs between two of them on the writer thread. */
  prune(step: PruneStep): Promise<PruneResult> {
    if (this.replacement) return this.replacement.prune(step)
    if (this.closed) return Promise.reject(new Error('The capture store is closed.'))
    return new Promise((resolve, reject) => {
      this.prunes.push({ resolve, reject })
      this.worker.postMessage({ prune: step })
    })
  }

  async close(): Promise<void> {
    if (this.replacement) return this.replacement.close()
    this.closed = true
    if (this.inFlight.length || this.queued.length) {
      this.worker.ref()
      await new Promise<void>((resolve) => {
        this.drained = resolve
        this.send()
      })
    }
    if (this.replacement) return (this.replacement as CaptureWriter).close()
    await stopSqliteThread(this.worker)
  }

  private send(): void {
    this.scheduled = false
    if (this.inFlight.length >= MAX_IN_FLIGHT || this.queued.length === 0) return
    const batch = this.queued
    this.queued = []
    this.inFlight.push(batch)
    const lengths = new Array<number>(batch.length)
    let total = 0
    for (let i = 0; i < batch.length; i++) total += lengths[i] = batch[i].row.body.length
    // Not from Buffer's shared pool: the whole ArrayBuffer is handed to the thread.
    const packed = Buffer.allocUnsafeSlow(total)
    const rows = new Array<InsertValue[]>(batch.length)
    let offset = 0
    for (let i = 0; i < batch.length; i++) {
      offset += batch[i].row.body.copy(packed, offset)
      const values = batch[i].values
      values[BODY_COLUMN] = null
      rows[i] = values
    }
    this.worker.postMessage({ rows, lengths, bodies: packed.buffer }, [packed.buffer])
  }

  private onReply(reply: Reply): void {
    if ('pragma' in reply) return this.pragmas.shift()?.resolve(reply.pragma)
    if ('pragmaError' in reply) return this.pragmas.shift()?.reject(new Error(reply.pragmaError))
    if ('pruned' in reply) return this.prunes.shift()?.resolve(reply.pruned)
    if ('pruneError' in reply) return this.prunes.shift()?.reject(new Error(reply.pruneError))
    // Nothing was written: the in-flight batch is safe to write again.
    if ('fatal' in reply) return this.failOver(`the writer thread could not open the database: ${reply.fatal}`, true)
    const batch = this.inFlight.shift()
    if (!batch) return
    if ('error' in reply) {
      const error = new Error(reply.error)
      for (const p of batch) p.reject(error)
    } else {
      for (let i = 0; i < batch.length; i++) batch[i].resolve(reply.ids[i])
      this.options.onCommitted(
        reply.ids,
        batch.map((p) => p.row)
      )
    }
    if (this.queued.length) this.send()
    else if (this.drained && this.inFlight.length === 0) this.drained()
  }

  /**
   * After a crash the in-flight batch may or may not have committed, so it is refused (503: the provider
   * retries) rather than written twice; everything queued goes to the in-thread writer, which takes over.
   */
  private failOver(reason: string, inFlightUnwritten = false): void {
    if (this.replacement) return
    this.options.log(`Captures are written on the main thread from now on: ${reason}.`)
    const replacement = this.options.fallback()
    this.replacement = replacement
    const inFlight = this.inFlight.flat()
    this.inFlight = []
    const error = new Error(`Hookscope's writer stopped (${reason}); please retry.`)
    if (!inFlightUnwritten) for (const p of inFlight) p.reject(error)
    const queued = inFlightUnwritten ? [...inFlight, ...this.queued] : this.queued
    this.queued = []
    for (const p of queued) replacement.write(p.row).then(p.resolve, p.reject)
    // A retention step in flight is simply asked again later by the scheduler.
    for (const p of this.prunes.splice(0)) p.reject(error)
    void this.worker.terminate()
    this.drained?.()
  }
}
