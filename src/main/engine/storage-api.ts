import type { StorageStatus } from '../../shared/types'
import type { ApiHandlers, EventSink } from './api-handlers'
import type { RequestStore } from './store/request-store'

export interface StorageApiDeps {
  requests: RequestStore
  events: EventSink
  storageStatus: () => StorageStatus
}

/** Pins and the database's size against its caps (Settings). */
export function storageApi(engine: StorageApiDeps): Pick<ApiHandlers, 'pinRequest' | 'getStorage'> {
  return {
    pinRequest: ({ id, pinned }) => {
      if (!engine.requests.setPinned(id, pinned)) return null
      const summary = engine.requests.summary(id)
      if (summary) engine.events.emit('requestsUpdated', [summary])
      return summary
    },
    getStorage: () => engine.storageStatus()
  }
}
