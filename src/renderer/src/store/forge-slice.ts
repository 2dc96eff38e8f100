import type { StateCreator } from 'zustand'
import type { ForgeProgress, ForgeReport, ForgeRunSummary } from '../../../shared/api/forge'
import type { ProviderInfo } from '../../../shared/api/signatures'
import type { DeliveryRecord } from '../../../shared/api/outbound'
import { api } from '../services/api'
import { downloadText } from '../services/download'
import type { AppState } from './index'
import { errorInfo, localError, type ErrorInfo } from '../lib/errors'
import { HookscopeError } from '../../../shared/errors'

export interface ForgeForm {
  targetUrl: string
  provider: string
  /** Kept in memory only: never persisted by the renderer. */
  secret: string
}

export interface ForgeLive {
  runId: string
  done: number
  total: number
  checks: NonNullable<ForgeProgress['check']>[]
  /** The check running now and the delivery it waits on, and since when (for "waiting 12 s"). */
  current: ForgeProgress['current']
  currentSince: number | null
  cancelling: boolean
}

export interface ForgeSlice {
  forgeProviders: ProviderInfo[]
  forgeForm: ForgeForm
  forgeLive: ForgeLive | null
  forgeReport: ForgeReport | null
  forgeHistory: ForgeRunSummary[]
  forgeError: ErrorInfo | null
  forgeDelivery: DeliveryRecord | null
  loadForge: () => Promise<void>
  setForgeForm: (patch: Partial<ForgeForm>) => void
  startForge: () => Promise<void>
  cancelForge: () => Promise<void>
  onForgeProgress: (p: ForgeProgress) => void
  openForgeRun: (runId: string) => Promise<void>
  exportForge: (format: 'json' | 'markdown') => Promise<void>
  /** The shown report as text (for the clipboard); throws in words when it cannot. */
  forgeReportText: (format: 'json' | 'markdown') => Promise<string>
  openForgeDelivery: (id: number | null) => Promise<void>
}

export const createForgeSlice: StateCreator<AppState, [], [], ForgeSlice> = (set, get) => ({
  forgeProviders: [],
  forgeForm: { targetUrl: '', provider: 'callpaymin', secret: '' },
  forgeLive: null,
  forgeReport: null,
  forgeHistory: [],
  forgeError: null,
  forgeDelivery: null,

  loadForge: async () => {
    try {
      const [forgeProviders, forgeHistory] = await Promise.all([api().listProviders(), api().forgeList({ limit: 50 })])
      set({ forgeProviders, forgeHistory })
    } catch (error) {
      set({ forgeError: errorInfo(error) })
    }
  },

  setForgeForm: (patch) => {
    set({ forgeForm: { ...get().forgeForm, ...patch } })
  },

  startForge: async () => {
    const { targetUrl, provider, secret } = get().forgeForm
    set({ forgeError: null, forgeReport: null, forgeDelivery: null })
    try {
      const { runId } = await api().forgeStart({ targetUrl: targetUrl.trim(), provider, ...(secret ? { secret } : {}) })
      // Progress events may already have arrived for this run; keep them.
      const live = get().forgeLive
      set({ forgeLive: live?.runId === runId ? live : { runId, done: 0, total: 0, checks: [], current: null, currentSince: null, cancelling: false } })
    } catch (error) {
      set({ forgeError: errorInfo(error) })
    }
  },

  cancelForge: async () => {
    const live = get().forgeLive
    if (!live) return
    set({ forgeLive: { ...live, cancelling: true } })
    try {
      await api().forgeCancel({ runId: live.runId })
    } catch (error) {
      set({ forgeError: errorInfo(error) })
    }
  },

  onForgeProgress: (p) => {
    const live = get().forgeLive
    if (live && live.runId !== p.runId) return
    const checks = live?.checks ?? []
    const sameDelivery = live?.current && p.current && live.current.index === p.current.index && live.current.delivery === p.current.delivery
    set({
      forgeLive: {
        runId: p.runId,
        done: p.done,
        total: p.total,
        checks: p.check ? [...checks, p.check] : checks,
        current: p.current,
        currentSince: p.current ? (sameDelivery ? (live?.currentSince ?? Date.now()) : Date.now()) : null,
        cancelling: live?.cancelling ?? false
      }
    })
    if (p.finished) void get().openForgeRun(p.runId)
  },

  openForgeRun: async (runId) => {
    try {
      const report = await api().forgeGet({ runId })
      if (!report) return set({ forgeError: localError('not_found', 'That forge run no longer exists.') })
      const forgeHistory = await api().forgeList({ limit: 50 })
      set({ forgeReport: report, forgeHistory, forgeLive: report.status === 'running' ? get().forgeLive : null, forgeDelivery: null })
    } catch (error) {
      set({ forgeError: errorInfo(error) })
    }
  },

  exportForge: async (format) => {
    const report = get().forgeReport
    if (!report) return
    try {
      const file = await api().forgeExport({ runId: report.id, format })
      downloadText(file.filename, file.mimeType, file.text)
    } catch (error) {
      set({ forgeError: errorInfo(error) })
    }
  },

  forgeReportText: async (format) => {
    const report = get().forgeReport
    if (!report) throw new HookscopeError('not_found', 'No report is shown.')
    return (await api().forgeExport({ runId: report.id, format })).text
  },

  openForgeDelivery: async (id) => {
    if (id === null) return set({ forgeDelivery: null })
    try {
      set({ forgeDelivery: await api().forgeDelivery({ id }) })
    } catch (error) {
      set({ forgeError: errorInfo(error) })
    }
  }
})
