import { EXPORT_MAX } from '../../../shared/api/outbound'
import type { CapturedRequest } from '../../../shared/types'
import type { ApiHandlers, Engine } from '../engine'
import { EXPORT_MIME, renderExport } from './export'
import { fromHar } from './har'
import { OutboundError } from './outbound'

type OutboundMethods =
  | 'outboundCatalog'
  | 'sampleEvent'
  | 'listTargets'
  | 'saveTarget'
  | 'deleteTarget'
  | 'replayRequest'
  | 'sendEvent'
  | 'listDeliveries'
  | 'listForwardRules'
  | 'saveForwardRule'
  | 'deleteForwardRule'
  | 'exportRequests'
  | 'importHar'

/** Stores HAR entries as captures (one transaction) and tells the UI; returns the new ids. */
export function importHarText(engine: Engine, text: string): number[] {
  const rows = fromHar(text, engine.settings.get().bodyLimitBytes)
  const ids = engine.requests.insertMany(rows)
  engine.flushIndex()
  const summaries = ids.map((id) => engine.requests.summary(id)).filter((s) => s !== null)
  if (summaries.length) engine.events.emit('requestsAdded', summaries)
  return ids
}

/** Captures by id, in the order given; a missing id is an error rather than a silent gap. */
export function capturesById(engine: Engine, ids: number[]): CapturedRequest[] {
  return ids.map((id) => {
    const r = engine.requests.get(id)
    if (!r) throw new OutboundError(`No captured request with id ${id}.`)
    return r
  })
}

/** Handlers read `engine.outbound` when called: Engine.api is built before the constructor body runs. */
export function outboundApi(engine: Engine): Pick<ApiHandlers, OutboundMethods> {
  return {
    outboundCatalog: () => engine.outbound.catalog(),
    sampleEvent: ({ provider, event }) => engine.outbound.sample(provider, event),
    listTargets: () => engine.outbound.targets.listTargets(),
    saveTarget: (input) => engine.outbound.targets.saveTarget(input),
    deleteTarget: ({ id }) => ({ deleted: engine.outbound.targets.deleteTarget(id) }),
    replayRequest: (input) => engine.outbound.replay(input),
    sendEvent: (input) => engine.outbound.send(input),
    listDeliveries: ({ requestId, groupId, kind, limit }) => {
      if (groupId) return engine.deliveries.forGroup(groupId)
      if (requestId) return engine.deliveries.forRequest(requestId, limit ?? 100)
      return engine.deliveries.list(kind, limit ?? 100)
    },
    listForwardRules: () => engine.outbound.forwarder.rules(),
    saveForwardRule: (input) => {
      if (engine.outbound.isOwnReceiver(input.targetUrl)) {
        throw new OutboundError(`${input.targetUrl} is Hookscope's own receiver: forwarding there would loop. Use your handler's URL.`)
      }
      const rule = engine.outbound.targets.saveRule(input)
      engine.events.emit('forwardRulesChanged', engine.outbound.forwarder.rules())
      return rule
    },
    deleteForwardRule: ({ id }) => {
      const deleted = engine.outbound.targets.deleteRule(id)
      engine.events.emit('forwardRulesChanged', engine.outbound.forwarder.rules())
      return { deleted }
    },
    exportRequests: ({ ids: given, filters, format }) => {
      if (filters?.search) engine.prepareSearch()
      // One more than the cap tells whether the filters matched more than an export holds.
      const found = given ?? engine.requests.matchingIds(filters ?? {}, EXPORT_MAX + 1)
      const ids = found.slice(0, EXPORT_MAX)
      if (ids.length === 0) throw new OutboundError('No captures match: nothing to export.')
      const text = renderExport(format, capturesById(engine, ids), engine.receiverUrl)
      const { ext, mime } = EXPORT_MIME[format]
      const filename = `hookscope-${ids.length === 1 ? ids[0] : `${ids.length}-captures`}.${ext}`
      return { text, filename, mimeType: mime, count: ids.length, truncated: found.length > EXPORT_MAX }
    },
    importHar: ({ text }) => {
      const ids = importHarText(engine, text)
      return { imported: ids.length, ids }
    }
  }
}
