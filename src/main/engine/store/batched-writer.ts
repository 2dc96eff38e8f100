import type { NewRequest } from './rows'
import { pruneOn, type PruneResult, type PruneStep } from './prune'
import type { RequestStore } from './request-store'

/** Learns of rows once they are committed, with their ids, in commit order. */
export type CommitListener = (ids: number[], rows: NewRequest[]) => void

/** Where the receiver hands a capture; the promise resolves with its id once it is committed. */
export interface CaptureWriter {
  write(row: NewRequest): Promise<number>
  /** Sets a committed row's answer time (the sender waited longer than the row said); written with the next batch. */
  correctDuration(id: number, durationMs: number): void
  /** Runs a PRAGMA on the writer's own connection, if it has one (settings like max_page_count are per connection). */
  pragma(statement: string): Promise<unknown>
  /** Runs one retention step on the writer's connection, between two batches of captures. */
  prune(step: PruneStep): Promise<PruneResult>
  /** Commits whatever is pending and releases the writer; later writes fail. */
  close(): Promise<void>
}

interface Pending {
  row: NewRequest
  resolve: (id: number) => void
  reject: (error: Error) => void
}

/**
 * Group commit on the caller's thread: every request that finishes in one event-loop turn is written
 * in a single transaction, and each caller learns its id only once that transaction has committed.
 * This is the fallback (in-memory databases, or when the writer thread cannot run); see WorkerWriter.
 */
export class BatchedWriter implements CaptureWriter {
  private pending: Pending[] = []
  private durations: number[] = []
  private scheduled = false
  /** Prepared on first use: a fail-over may build this writer after its database was closed. */
  private pruneStep: ((step: PruneStep) => PruneResult) | null = null

  constructor(
    private readonly store: RequestStore,
    private readonly onCommitted: CommitListener
  ) {}

  write(row: NewRequest): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  correctDuration(id: number, durationMs: number): void {
    this.durations.push(id, durationMs)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  /** Nothing to do: this writer uses the engine's own connection, which its owner configures. */
  async pragma(_statement: string): Promise<unknown> {
    return undefined
  }

  async prune(step: PruneStep): Promise<PruneResult> {
    // Whatever is pending goes first, as on the writer thread.
    this.flush()
    this.pruneStep ??= pruneOn(this.store.db)
    return this.pruneStep(step)
  }

  async close(): Promise<void> {
    this.flush()
  }

  flush(): void {
    this.scheduled = false
    if (this.durations.length) {
      const durations = this.durations
      this.durations = []
      try {
        this.store.updateDurations(durations)
      } catch {
        // Only a display time is lost; the capture itself is committed.
      }
    }
    const batch = this.pending
    if (batch.length === 0) return
    this.pending = []
    const rows = batch.map((p) => p.row)
    let ids: number[]
    try {
      ids = this.store.insertMany(rows)
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error))
      for (const p of batch) p.reject(err)
      return
    }
    batch.forEach((p, i) => p.resolve(ids[i]))
    this.onCommitted(ids, rows)
  }
}
