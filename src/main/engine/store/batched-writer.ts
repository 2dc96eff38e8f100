import type { NewRequest } from './rows'
import type { RequestStore } from './request-store'

interface Pending {
  row: NewRequest
  resolve: (id: number) => void
  reject: (error: Error) => void
}

/**
 * Group commit: every request that finishes in one event-loop turn is written in a single
 * transaction, and each caller learns its id only once that transaction has committed.
 * This is what lets the receiver acknowledge after commit without paying a commit per request.
 */
export class BatchedWriter {
  private pending: Pending[] = []
  private scheduled = false

  constructor(
    private readonly store: RequestStore,
    private readonly onCommitted: (ids: number[], rows: NewRequest[]) => void
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

  flush(): void {
    this.scheduled = false
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
