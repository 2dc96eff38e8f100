// Moves the capture INSERTs and their commits off the receiver's thread. On the receiver's thread a
// commit of ~30 rows cost as much as answering those 30 requests, so throughput was capped by SQLite;
// here the receiver only packs each row and waits for the writer thread to say "committed".
import type { CaptureWriter, CommitListener } from './batched-writer'
import { BODY_COLUMN, DURATION_UPDATE_SQL, INSERT_SQL, toInsertRow, type InsertValue, type NewRequest } from './rows'
import type { PruneResult, PruneStep } from './prune'
import { SqliteThread } from './sqlite-thread'
import type { WriterReply, WriterRequest, WriterThreadData } from './thread-messages'
import { HookscopeError } from '../../../shared/errors'

interface Pending {
  row: NewRequest
  values: InsertValue[]
  resolve: (id: number) => void
  reject: (error: Error) => void
}

/** Batches may overlap in flight (each is its own transaction) so a batch never waits for the previous reply. */
const MAX_IN_FLIGHT = 4

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
  /** Corrected answer times, [id, ms, ...], sent with the next batch (see correctDuration). */
  private durations: number[] = []
  /** Batches sent and not yet answered, oldest first (the thread answers in order). */
  private inFlight: Pending[][] = []
  private scheduled = false
  private closed = false
  private replacement: CaptureWriter | null = null
  private drained: (() => void) | null = null
  private readonly pragmas: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = []
  private stopped = false
  private readonly prunes: { resolve: (value: PruneResult) => void; reject: (error: Error) => void }[] = []
  private readonly thread: SqliteThread<WriterRequest, WriterReply>

  private constructor(private readonly options: WorkerWriterOptions) {
    const data: WriterThreadData = {
      file: options.file,
      sql: INSERT_SQL,
      durationSql: DURATION_UPDATE_SQL,
      bodyColumn: BODY_COLUMN,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      autocheckpointPages: options.autocheckpointPages
    }
    this.thread = new SqliteThread('writer-thread', data)
    this.thread.onReply((reply) => this.onReply(reply))
    this.thread.worker.on('error', (error) => this.failOver(`the writer thread stopped: ${error.message}`))
    this.thread.worker.on('exit', () => {
      if (!this.closed) this.failOver('the writer thread exited')
    })
    // After the listeners: adding a 'message' listener refs the worker again. In-flight captures keep
    // the process alive through their sockets; one-shot CLI verbs must be able to exit.
    this.thread.worker.unref()
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
    if (this.closed) return Promise.reject(new HookscopeError('unavailable', 'The capture store is closed.'))
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

  correctDuration(id: number, durationMs: number): void {
    if (this.replacement) return this.replacement.correctDuration(id, durationMs)
    if (this.closed) return
    this.durations.push(id, durationMs)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.send())
    }
  }

  /** Runs a PRAGMA on the writer thread's connection (settings like max_page_count are per connection). */
  pragma(statement: string): Promise<unknown> {
    if (this.replacement) return this.replacement.pragma(statement)
    if (this.closed) return Promise.reject(new HookscopeError('unavailable', 'The capture store is closed.'))
    return new Promise((resolve, reject) => {
      this.pragmas.push({ resolve, reject })
      this.thread.send({ kind: 'pragma', statement })
    })
  }

  /** Queued behind the batches already sent, so it runs between two of them on the writer thread. */
  prune(step: PruneStep): Promise<PruneResult> {
    if (this.replacement) return this.replacement.prune(step)
    if (this.closed) return Promise.reject(new HookscopeError('unavailable', 'The capture store is closed.'))
    return new Promise((resolve, reject) => {
      this.prunes.push({ resolve, reject })
      this.thread.send({ kind: 'prune', step })
    })
  }

  async close(): Promise<void> {
    if (this.replacement) return this.replacement.close()
    this.closed = true
    // Corrected answer times still waiting go too: a correction arrives just after its delivery's answer,
    // which at shutdown is just before this close.
    if (this.inFlight.length || this.queued.length || this.durations.length) {
      this.thread.worker.ref()
      await new Promise<void>((resolve) => {
        this.drained = resolve
        this.send()
      })
    }
    if (this.replacement) return (this.replacement as CaptureWriter).close()
    this.stopped = true
    await this.thread.stop()
  }

  private send(): void {
    this.scheduled = false
    // A send scheduled before close() ran after it: the thread is gone, and nothing is left to write.
    if (this.stopped) return
    if (this.inFlight.length >= MAX_IN_FLIGHT || (this.queued.length === 0 && this.durations.length === 0)) return
    const durations = this.durations
    this.durations = []
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
    this.thread.send({ kind: 'insert', rows, lengths, bodies: packed.buffer, durations }, [packed.buffer])
  }

  private onReply(reply: WriterReply): void {
    if (reply.kind === 'pragma') return this.pragmas.shift()?.resolve(reply.value)
    if (reply.kind === 'pragmaFailed') return this.pragmas.shift()?.reject(new Error(reply.error))
    if (reply.kind === 'pruned') return this.prunes.shift()?.resolve(reply.result)
    if (reply.kind === 'pruneFailed') return this.prunes.shift()?.reject(new Error(reply.error))
    // Nothing was written: the in-flight batch is safe to write again.
    if (reply.kind === 'fatal') return this.failOver(`the writer thread could not open the database: ${reply.error}`, true)
    const batch = this.inFlight.shift()
    if (!batch) return
    if (reply.kind === 'failed') {
      const error = new Error(reply.error)
      for (const p of batch) p.reject(error)
    } else {
      for (let i = 0; i < batch.length; i++) batch[i].resolve(reply.ids[i])
      if (batch.length) this.options.onCommitted(
        reply.ids,
        batch.map((p) => p.row)
      )
    }
    if (this.queued.length || this.durations.length) this.send()
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
    const error = new HookscopeError('unavailable', `Hookscope's writer stopped (${reason}); please retry.`)
    if (!inFlightUnwritten) for (const p of inFlight) p.reject(error)
    const queued = inFlightUnwritten ? [...inFlight, ...this.queued] : this.queued
    this.queued = []
    for (const p of queued) replacement.write(p.row).then(p.resolve, p.reject)
    // A retention step in flight is simply asked again later by the scheduler.
    for (const p of this.prunes.splice(0)) p.reject(error)
    void this.thread.worker.terminate()
    this.drained?.()
  }
}
