import { decodeBody } from './body'
import { INLINE_BODY_BYTES } from '../../shared/api/core'
import type { EngineInfo } from '../../shared/types'
import type { ApiHandlers, EventSink } from './api-handlers'
import type { SettingsStore } from './settings-store'
import type { RequestStore } from './store/request-store'
import { HookscopeError } from '../../shared/errors'

type CoreMethods =
  | 'getInfo'
  | 'listRequests'
  | 'getRequest'
  | 'deleteRequest'
  | 'clearRequests'
  | 'deleteMatching'
  | 'getSettings'
  | 'updateSettings'
  | 'nextCapture'
  | 'getDecodedBody'
  | 'readBody'

export interface CoreApiDeps {
  requests: RequestStore
  settings: SettingsStore
  events: EventSink
  info: () => EngineInfo
  /** Indexes a small backlog before a search; returns the rows a search cannot see yet. */
  prepareSearch: () => number
  /** Makes every committed capture searchable now, however many (a search with `searchAll`). */
  flushIndex: () => void
  /** Caps and the disk threshold take effect now, not at the next tick. */
  limitsChanged: () => void
}

/** Capture core: info, captured requests, global settings. */
export function coreApi(engine: CoreApiDeps): Pick<ApiHandlers, CoreMethods> {
  // The UI reads a big decoded body in several chunks: decode it once, not once per chunk.
  let lastDecoded: { id: number; bytes: Buffer } | null = null
  const decodedBytes = (id: number): Buffer | null => {
    if (lastDecoded?.id === id) return lastDecoded.bytes
    const row = engine.requests.getWithBody(id)
    if (!row) return null
    const decoded = decodeBody(row.body, row.contentEncoding)
    if (!decoded.ok) throw new HookscopeError('undecodable', decoded.error)
    lastDecoded = { id, bytes: decoded.bytes }
    return decoded.bytes
  }
  const readySearch = (filters: { search?: string; searchAll?: boolean }): number => {
    if (!filters.search) return 0
    if (!filters.searchAll) return engine.prepareSearch()
    engine.flushIndex()
    return 0
  }
  return {
    getInfo: () => engine.info(),
    listRequests: (query) => {
      const unindexed = readySearch(query)
      const page = engine.requests.list(query)
      return unindexed > 0 && query.beforeId === undefined ? { ...page, unindexed } : page
    },
    getRequest: ({ id }) => {
      const request = engine.requests.get(id)
      if (!request || request.bodyBase64.length <= (INLINE_BODY_BYTES * 4) / 3) return request
      return { ...request, bodyBase64: '', bodyOmitted: true }
    },
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
    deleteMatching: ({ filters }) => {
      readySearch(filters)
      const ids = engine.requests.deleteMatching(filters)
      if (ids.length) engine.events.emit('requestsDeleted', { ids })
      return { deleted: ids.length }
    },
    getSettings: () => engine.settings.get(),
    updateSettings: (patch) => {
      const next = engine.settings.update(patch)
      engine.limitsChanged()
      engine.events.emit('settingsChanged', next)
      return next
    },
    nextCapture: ({ afterId, ...match }) => {
      const lastId = engine.requests.maxId()
      const capture = afterId !== undefined && lastId > afterId ? engine.requests.firstAfter(afterId, lastId, match) : null
      return { capture, lastId }
    },
    getDecodedBody: ({ id }) => {
      const row = engine.requests.getWithBody(id)
      if (!row) return null
      const decoded = decodeBody(row.body, row.contentEncoding)
      if (!decoded.ok) return { ok: false, encoding: decoded.encoding, error: decoded.error }
      const size = decoded.bytes.length
      if (size > INLINE_BODY_BYTES) {
        lastDecoded = { id, bytes: decoded.bytes }
        return { ok: true, encoding: decoded.encoding, bodyBase64: '', size, bodyOmitted: true }
      }
      return { ok: true, encoding: decoded.encoding, bodyBase64: decoded.bytes.toString('base64'), size }
    },
    readBody: ({ id, decoded, offset, length }) => {
      const bytes = decoded ? decodedBytes(id) : engine.requests.getWithBody(id)?.body
      if (!bytes) return null
      return { base64: bytes.subarray(offset, offset + length).toString('base64'), total: bytes.length }
    }
  }
}
