import type { StateCreator } from 'zustand'
import type { ApiInput } from '../../../shared/api'
import type { CatalogProvider, DeliveryRecord, DeliverySummary, ForwardRule, Target } from '../../../shared/api/outbound'
import { api } from '../services/api'
import type { AppState } from './index'
import type { RequestFilters } from './requests-slice'
import { errorInfo, type ErrorInfo } from '../lib/errors'

export type ReplayInput = ApiInput<'replayRequest'>
export type SendInput = ApiInput<'sendEvent'>
export type RuleInput = ApiInput<'saveForwardRule'>
/** Captures by id, or every capture the filters match ({} is all). */
export type ExportSelection = { ids: number[] } | { filters: RequestFilters }

/** Outcome of a user action: the delivery it produced, or a plain-words reason it could not start. */
export type Outcome = { ok: true; delivery: DeliveryRecord } | { ok: false; error: ErrorInfo }

export interface OutboundSlice {
  catalog: CatalogProvider[]
  targets: Target[]
  rules: ForwardRule[]
  /** Replay/forward history of each capture opened in the Replay tab, newest first. */
  history: Record<number, DeliveryRecord[]>
  sent: DeliveryRecord[]
  forwards: DeliveryRecord[]
  /** Attempt timelines by group id (retry simulation). */
  timelines: Record<string, DeliveryRecord[]>
  /** The newest pushed attempt of each retry group: what comes next (another attempt and when, or the end). */
  retryProgress: Record<string, DeliverySummary>
  loadOutbound: () => Promise<void>
  saveTarget: (url: string, name?: string) => Promise<void>
  deleteTarget: (id: number) => Promise<void>
  loadHistory: (requestId: number) => Promise<void>
  loadSent: () => Promise<void>
  loadForwards: () => Promise<void>
  loadTimeline: (groupId: string) => Promise<void>
  replay: (input: ReplayInput) => Promise<Outcome>
  sendEvent: (input: SendInput) => Promise<Outcome>
  /** Stops a send or replay started with this cancel key (its delivery is recorded as cancelled). */
  cancelOutbound: (cancelKey: string) => Promise<void>
  sample: (provider: string, event: string) => Promise<{ method: string; headers: [string, string][]; bodyText: string } | null>
  /** A reason it was refused, or the saved rule's warning (saved, but it may never match). */
  saveRule: (input: RuleInput) => Promise<{ error: ErrorInfo } | { warning: string | null }>
  deleteRule: (id: number) => Promise<void>
  exportRequests: (
    selection: ExportSelection,
    format: 'har' | 'json' | 'curl'
  ) => Promise<{ text: string; filename: string; mimeType: string; count: number; truncated: boolean } | { error: ErrorInfo }>
  importHar: (text: string) => Promise<{ imported: number; skipped: number } | { error: ErrorInfo }>
  onDeliveryRecorded: (summary: DeliverySummary) => void
  onForwardRulesChanged: (rules: ForwardRule[]) => void
}

const REFRESH_MS = 200

export const createOutboundSlice: StateCreator<AppState, [], [], OutboundSlice> = (set, get) => {
  const attempt = async (run: () => Promise<DeliveryRecord>): Promise<Outcome> => {
    try {
      return { ok: true, delivery: await run() }
    } catch (error) {
      return { ok: false, error: errorInfo(error) }
    }
  }
  // A burst of forwards pushes many events; each list is refetched at most every REFRESH_MS.
  const pending = new Set<string>()
  const later = (key: string, refresh: () => Promise<void>): void => {
    if (pending.has(key)) return
    pending.add(key)
    setTimeout(() => {
      pending.delete(key)
      void refresh()
    }, REFRESH_MS)
  }
  const quietly = async (run: () => Promise<void>): Promise<void> => {
    try {
      await run()
    } catch (error) {
      set({ notice: errorInfo(error) })
    }
  }
  return {
    catalog: [],
    targets: [],
    rules: [],
    history: {},
    sent: [],
    forwards: [],
    timelines: {},
    retryProgress: {},

    loadOutbound: () =>
      quietly(async () => {
        const [catalog, targets, rules] = await Promise.all([api().outboundCatalog(), api().listTargets(), api().listForwardRules()])
        set({ catalog, targets, rules })
      }),
    saveTarget: (url, name) =>
      quietly(async () => {
        await api().saveTarget({ url, name: name ?? '' })
        set({ targets: await api().listTargets() })
      }),
    deleteTarget: (id) =>
      quietly(async () => {
        await api().deleteTarget({ id })
        set({ targets: await api().listTargets() })
      }),
    loadHistory: (requestId) =>
      quietly(async () => {
        const list = await api().listDeliveries({ requestId })
        set({ history: { ...get().history, [requestId]: list } })
      }),
    loadSent: () => quietly(async () => set({ sent: await api().listDeliveries({ kind: 'send', limit: 50 }) })),
    loadForwards: () => quietly(async () => set({ forwards: await api().listDeliveries({ kind: 'forward', limit: 50 }) })),
    loadTimeline: (groupId) =>
      quietly(async () => {
        const list = await api().listDeliveries({ groupId })
        set({ timelines: { ...get().timelines, [groupId]: list } })
      }),
    replay: async (input) => {
      const outcome = await attempt(() => api().replayRequest(input))
      await get().loadHistory(input.id)
      return outcome
    },
    sendEvent: async (input) => {
      const outcome = await attempt(() => api().sendEvent(input))
      await get().loadSent()
      return outcome
    },
    cancelOutbound: (cancelKey) => quietly(async () => void (await api().cancelOutbound({ cancelKey }))),
    sample: async (provider, event) => {
      try {
        return await api().sampleEvent({ provider, event })
      } catch (error) {
        set({ notice: errorInfo(error) })
        return null
      }
    },
    saveRule: async (input) => {
      try {
        const saved = await api().saveForwardRule(input)
        return { warning: saved.warning }
      } catch (error) {
        return { error: errorInfo(error) }
      }
    },
    deleteRule: (id) => quietly(async () => void (await api().deleteForwardRule({ id }))),

    exportRequests: async (selection, format) => {
      try {
        return await api().exportRequests({ ...selection, format })
      } catch (error) {
        return { error: errorInfo(error) }
      }
    },
    importHar: async (text) => {
      try {
        return await api().importHar({ text })
      } catch (error) {
        return { error: errorInfo(error) }
      }
    },

    onDeliveryRecorded: (summary) => {
      if (summary.groupId && summary.retry) {
        const known = get().retryProgress[summary.groupId]
        // Pushed events can overtake each other across transports; keep the latest attempt.
        if (!known || known.attempt <= summary.attempt) set({ retryProgress: { ...get().retryProgress, [summary.groupId]: summary } })
      }
      const { history, timelines } = get()
      if (summary.requestId !== null && history[summary.requestId]) later(`h${summary.requestId}`, () => get().loadHistory(summary.requestId!))
      if (summary.groupId && timelines[summary.groupId]) later(`g${summary.groupId}`, () => get().loadTimeline(summary.groupId!))
      if (summary.kind === 'send') later('sent', () => get().loadSent())
      if (summary.kind === 'forward') later('forwards', () => get().loadForwards())
    },
    onForwardRulesChanged: (rules) => set({ rules })
  }
}
