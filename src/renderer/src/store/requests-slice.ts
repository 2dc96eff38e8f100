import type { StateCreator } from 'zustand'
import type { CapturedRequest, RequestQuery, RequestSummary } from '../../../shared/types'
import { api } from '../services/api'
import type { AppState } from './index'

export type RequestFilters = Omit<RequestQuery, 'limit' | 'beforeId'>

export interface RequestsSlice {
  requests: RequestSummary[]
  hasMore: boolean
  loading: boolean
  filters: RequestFilters
  selectedId: number | null
  selected: CapturedRequest | null
  selectedError: string | null
  loadRequests: () => Promise<void>
  loadMore: () => Promise<void>
  setFilters: (patch: Partial<RequestFilters>) => void
  resetFilters: () => void
  select: (id: number | null) => Promise<void>
  selectRelative: (delta: number) => void
  deleteRequest: (id: number) => Promise<void>
  clearRequests: () => Promise<void>
  onRequestsAdded: (batch: RequestSummary[]) => void
  onRequestsDeleted: (change: { ids: number[] } | { all: true }) => void
  /** Summaries whose provider, event or verdict changed (e.g. re-verified after a secret was added). */
  onRequestsUpdated: (summaries: RequestSummary[]) => void
}

const PAGE = 200

function matchesLocally(r: RequestSummary, f: RequestFilters): boolean {
  if (f.search) return false // text search is the engine's job; new arrivals wait for a refresh
  if (f.method && r.method !== f.method.toUpperCase()) return false
  if (f.path && !r.path.includes(f.path)) return false
  if (f.responseStatus && r.responseStatus !== f.responseStatus) return false
  if (f.provider && r.provider !== f.provider) return false
  if (f.verdict && r.verdict.status !== f.verdict) return false
  if (f.eventType && r.eventType !== f.eventType) return false
  return true
}

export const createRequestsSlice: StateCreator<AppState, [], [], RequestsSlice> = (set, get) => {
  let generation = 0
  return {
    requests: [],
    hasMore: false,
    loading: false,
    filters: {},
    selectedId: null,
    selected: null,
    selectedError: null,

    loadRequests: async () => {
      const gen = ++generation
      set({ loading: true })
      try {
        const page = await api().listRequests({ ...cleanFilters(get().filters), limit: PAGE })
        if (gen !== generation) return
        set({ requests: page.items, hasMore: page.hasMore, loading: false })
      } catch (error) {
        if (gen === generation) set({ loading: false, notice: (error as Error).message })
      }
    },

    loadMore: async () => {
      const { requests, hasMore, loading, filters } = get()
      if (!hasMore || loading || requests.length === 0) return
      const gen = generation
      set({ loading: true })
      try {
        const page = await api().listRequests({
          ...cleanFilters(filters),
          limit: PAGE,
          beforeId: requests[requests.length - 1].id
        })
        if (gen !== generation) return
        set((s) => ({ requests: s.requests.concat(page.items), hasMore: page.hasMore, loading: false }))
      } catch (error) {
        set({ loading: false, notice: (error as Error).message })
      }
    },

    setFilters: (patch) => {
      const current = get().filters
      // Debounced inputs re-send unchanged values; reloading for those would only flicker the list.
      if (Object.entries(patch).every(([k, v]) => current[k as keyof RequestFilters] === v)) return
      set((s) => ({ filters: { ...s.filters, ...patch } }))
      void get().loadRequests()
    },

    resetFilters: () => {
      set({ filters: {} })
      void get().loadRequests()
    },

    select: async (id) => {
      set({ selectedId: id, selectedError: null, selected: id === null ? null : get().selected })
      if (id === null) return
      try {
        const request = await api().getRequest({ id })
        if (get().selectedId !== id) return
        set({ selected: request, selectedError: request ? null : 'This request no longer exists.' })
      } catch (error) {
        if (get().selectedId === id) set({ selectedError: (error as Error).message })
      }
    },

    selectRelative: (delta) => {
      const { requests, selectedId } = get()
      if (requests.length === 0) return
      const index = selectedId === null ? -1 : requests.findIndex((r) => r.id === selectedId)
      const next = Math.max(0, Math.min(requests.length - 1, index + delta))
      void get().select(requests[next].id)
    },

    deleteRequest: async (id) => {
      // Keep the user's place: the neighbour below (older) takes the selection, else the one above.
      const { requests, selectedId } = get()
      const index = requests.findIndex((r) => r.id === id)
      const next = requests[index + 1] ?? requests[index - 1]
      try {
        await api().deleteRequest({ id })
      } catch (error) {
        set({ notice: `Could not delete request ${id}: ${(error as Error).message}` })
        return
      }
      get().onRequestsDeleted({ ids: [id] })
      if (selectedId === id && next && get().selectedId === null) void get().select(next.id)
    },

    clearRequests: async () => {
      try {
        await api().clearRequests()
        get().onRequestsDeleted({ all: true })
      } catch (error) {
        set({ notice: `Could not clear the requests: ${(error as Error).message}` })
      }
    },

    onRequestsAdded: (batch) => {
      const filters = get().filters
      const fresh = batch.filter((r) => matchesLocally(r, filters)).reverse()
      if (fresh.length === 0) return
      set((s) => ({ requests: fresh.concat(s.requests) }))
    },

    onRequestsUpdated: (summaries) => {
      const byId = new Map(summaries.map((r) => [r.id, r]))
      set((s) => ({
        requests: s.requests.some((r) => byId.has(r.id)) ? s.requests.map((r) => byId.get(r.id) ?? r) : s.requests,
        selected: s.selected && byId.has(s.selected.id) ? { ...s.selected, ...byId.get(s.selected.id) } : s.selected
      }))
    },

    onRequestsDeleted: (change) => {
      if ('all' in change) {
        set({ requests: [], hasMore: false, selectedId: null, selected: null })
        return
      }
      const gone = new Set(change.ids)
      set((s) => ({
        requests: s.requests.filter((r) => !gone.has(r.id)),
        ...(s.selectedId !== null && gone.has(s.selectedId) ? { selectedId: null, selected: null } : {})
      }))
    }
  }
}

function cleanFilters(f: RequestFilters): RequestFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as RequestFilters
}
