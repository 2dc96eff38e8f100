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

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.added.length === 0) return
    const batch = this.added
    this.added = []
    this.emit('requestsAdded', batch)
  }
}
