import { EXPORT_MAX } from '../../../shared/api/outbound'
import type { CapturedRequest } from '../../../shared/types'
import type { ApiHandlers, EventSink } from '../api-handlers'
import type { RequestStore } from '../store/request-store'
import type { DeliveryLog } from './delivery-log'
import { EXPORT_MIME, renderExport } from './export'
import { importHarText, type HarImportDeps } from './har-import'
import type { Outbound } from './outbound'
import { HookscopeError } from '../../../shared/errors'
import { checkRule, type RuleCheckDeps } from './rule-checks'

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
  | 'cancelOutbound'

/** Captures by id, in the order given; a missing id is an error rather than a silent gap. */
export function capturesById(requests: RequestStore, ids: number[]): CapturedRequest[] {
  return ids.map((id) => {
    const r = requests.get(id)
    if (!r) throw new HookscopeError('not_found', `No captured request with id ${id}.`)
    return r
  })
}

export interface OutboundApiDeps extends HarImportDeps, RuleCheckDeps {
  outbound: Outbound
  deliveries: DeliveryLog
  requests: RequestStore
  events: EventSink
  /** Indexes a small backlog before a search (exports by filter). */
  prepareSearch: () => number
  /** The receiver's URL, for cURL exports. */
  receiverUrl: () => string
}

export function outboundApi(engine: OutboundApiDeps): Pick<ApiHandlers, OutboundMethods> {
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
      const { rule, warning } = checkRule(engine, input)
      const saved = engine.outbound.targets.saveRule(rule)
      engine.events.emit('forwardRulesChanged', engine.outbound.forwarder.rules())
      return { ...saved, warning }
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
      if (ids.length === 0) throw new HookscopeError('not_found', 'No captures match: nothing to export.')
      const text = renderExport(format, capturesById(engine.requests, ids), engine.receiverUrl())
      const { ext, mime } = EXPORT_MIME[format]
      const filename = `hookscope-${ids.length === 1 ? ids[0] : `${ids.length}-captures`}.${ext}`
      return { text, filename, mimeType: mime, count: ids.length, truncated: found.length > EXPORT_MAX }
    },
    importHar: ({ text }) => {
      const { ids, skipped } = importHarText(engine, text)
      return { imported: ids.length, ids, skipped }
    },
    cancelOutbound: ({ cancelKey }) => ({ cancelled: engine.outbound.cancel(cancelKey) })
  }
}
