import type { ApiHandlers, Engine } from './engine'

/** Pins and the database's size against its caps (Settings). */
export function storageApi(engine: Engine): Pick<ApiHandlers, 'pinRequest' | 'getStorage'> {
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
