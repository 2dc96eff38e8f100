import { decodeBody } from './body'
import type { ApiHandlers, Engine } from './engine'

type CoreMethods =
  | 'getInfo'
  | 'listRequests'
  | 'getRequest'
  | 'deleteRequest'
  | 'clearRequests'
  | 'getSettings'
  | 'updateSettings'
  | 'getDecodedBody'

/** Capture core: info, captured requests, global settings. */
export function coreApi(engine: Engine): Pick<ApiHandlers, CoreMethods> {
  return {
    getInfo: () => engine.info(),
    listRequests: (query) => engine.requests.list(query),
    getRequest: ({ id }) => engine.requests.get(id),
    deleteRequest: ({ id }) => {
      const deleted = engine.requests.delete(id)
      if (deleted) engine.events.emit('requestsDeleted', { ids: [id] })
      return { deleted }
    },
    clearRequests: () => {
      const deleted = engine.requests.clear()
      engine.events.emit('requestsDeleted', { all: true })
      return { deleted }
    },
    getSettings: () => engine.settings.get(),
    updateSettings: (patch) => {
      const next = engine.settings.update(patch)
      engine.events.emit('settingsChanged', next)
      return next
    },
    getDecodedBody: ({ id }) => {
      const row = engine.requests.getRaw(id)
      if (!row) return null
      const decoded = decodeBody(row.body, row.content_encoding)
      if (!decoded.ok) return { ok: false, encoding: decoded.encoding, error: decoded.error }
      return { ok: true, encoding: decoded.encoding, bodyBase64: decoded.bytes.toString('base64'), size: decoded.bytes.length }
    }
  }
}
