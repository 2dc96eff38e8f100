import type { ApiEventPayloads } from '../../shared/api'
import type { ApiEvent } from '../../shared/methods'
import type { RequestSummary } from '../../shared/types'

type Listener = (event: ApiEvent, payload: unknown) => void

/**
 * The engine's pushed events. Captured-request summaries are coalesced into ~50 ms batches so a
 * burst of thousands of deliveries per second costs the UI a few messages, not thousands.
 */
export class EngineEvents {
  private readonly listeners = new Set<Listener>()
  private added: RequestSummary[] = []
  private updated: RequestSummary[] = []
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly batchMs = 50) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  requestAdded(summary: RequestSummary): void {
    this.added.push(summary)
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.batchMs)
  }

  /** A stored capture changed in a way the list shows (its answer time); batched like additions, sent after them. */
  requestUpdated(summary: RequestSummary): void {
    // Still waiting in the arrivals batch (the usual case under load): correct it there, no second message.
    for (let i = this.added.length - 1; i >= 0 && i >= this.added.length - 256; i--) {
      if (this.added[i].id === summary.id) {
        this.added[i] = summary
        return
      }
    }
    this.updated.push(summary)
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.batchMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.added.length) {
      const batch = this.added
      this.added = []
      this.emit('requestsAdded', batch)
    }
    if (this.updated.length) {
      const batch = this.updated
      this.updated = []
      this.emit('requestsUpdated', batch)
    }
  }
}
