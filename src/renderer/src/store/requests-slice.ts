import type { StateCreator } from 'zustand'
import type { CapturedRequest, RequestQuery, RequestSummary } from '../../../shared/types'
import { api } from '../services/api'
import type { AppState } from './index'
import { errorInfo, localError, type ErrorInfo } from '../lib/errors'

export type RequestFilters = Omit<RequestQuery, 'limit' | 'beforeId'>

export interface RequestsSlice {
  requests: RequestSummary[]
  hasMore: boolean
  /** Where the next older page starts (engine cursor; see RequestPage.nextBeforeId). */
  nextBeforeId: number | undefined
  /** A filtered list is still looking through older requests for matches. */
  scanning: boolean
  /** With a text search: newest captures the search could not see yet (still being indexed). */
  unindexed: number
  /** With a text search: deliveries that arrived since it ran (the engine decides whether they match). */
  newDuringSearch: number
  loading: boolean
  /** Every capture stored, whatever the filters (kept live from pushed events). */
  totalCount: number
  filters: RequestFilters
  /** Bumped by resetFilters, so inputs that hold typed-but-not-yet-applied text empty themselves too. */
  filtersResetCount: number
  selectedId: number | null
  selected: CapturedRequest | null
  selectedError: ErrorInfo | null
  loadRequests: () => Promise<void>
  loadMore: () => Promise<void>
  setFilters: (patch: Partial<RequestFilters>) => void
  resetFilters: () => void
  select: (id: number | null) => Promise<void>
  selectRelative: (delta: number) => void
  deleteRequest: (id: number) => Promise<void>
  /** Pinned captures are never pruned by retention. */
  pinRequest: (id: number, pinned: boolean) => Promise<void>
  clearRequests: () => Promise<void>
  /** Deletes every capture the current filters match (not only the loaded page). */
  deleteFiltered: () => Promise<void>
  onRequestsAdded: (batch: RequestSummary[]) => void
  onRequestsDeleted: (change: { ids: number[] } | { all: true }) => void
  /** Summaries whose provider, event or verdict changed (e.g. re-verified after a secret was added). */
  onRequestsUpdated: (summaries: RequestSummary[]) => void
}

const PAGE = 200

/** Every filter but the text search, which only the engine's index can answer. */
function matchesLocally(r: RequestSummary, f: RequestFilters): boolean {
  if (f.method && r.method !== f.method.toUpperCase()) return false
  if (f.path && !r.path.includes(f.path)) return false
  if (f.responseStatus && r.responseStatus !== f.responseStatus) return false
  if (f.provider && r.provider !== f.provider) return false
  if (f.verdict && r.verdict.status !== f.verdict) return false
  if (f.eventType && !r.eventType?.startsWith(f.eventType)) return false
  return true
}

export const createRequestsSlice: StateCreator<AppState, [], [], RequestsSlice> = (set, get) => {
  let generation = 0

  /**
   * Fetches until a page's worth of matches is shown or history ends. The engine answers a filtered
   * query one bounded window of ids at a time (so capture never waits on a long scan); the rows
   * found so far show at once, and `scanning` says older requests are still being looked through.
   */
  const fillPage = async (gen: number, beforeId: number | undefined, replace: boolean): Promise<void> => {
    const filters = cleanFilters(get().filters)
    let found = 0
    let cursor = beforeId
    let first = replace
    for (;;) {
      const page = await api().listRequests({ ...filters, limit: PAGE - found, ...(cursor ? { beforeId: cursor } : {}) })
      if (gen !== generation) return
      found += page.items.length
      cursor = page.nextBeforeId
      const more = page.hasMore && found < PAGE
      set((s) => ({
        ...(first ? { unindexed: page.unindexed ?? 0, newDuringSearch: 0 } : {}),
        requests: first ? page.items : s.requests.concat(page.items),
        hasMore: page.hasMore,
        nextBeforeId: page.nextBeforeId,
        scanning: more,
        loading: more
      }))
      first = false
      if (!more) return
    }
  }
  return {
    requests: [],
    hasMore: false,
    nextBeforeId: undefined,
    scanning: false,
    unindexed: 0,
    newDuringSearch: 0,
    loading: false,
    totalCount: 0,
    filters: {},
    filtersResetCount: 0,
    selectedId: null,
    selected: null,
    selectedError: null,

    loadRequests: async () => {
      const gen = ++generation
      set({ loading: true })
      try {
        await fillPage(gen, undefined, true)
      } catch (error) {
        if (gen === generation) set({ loading: false, notice: errorInfo(error) })
      }
    },

    loadMore: async () => {
      const { requests, hasMore, loading } = get()
      if (!hasMore || loading || requests.length === 0) return
      const gen = generation
      set({ loading: true })
      try {
        await fillPage(gen, get().nextBeforeId ?? requests[requests.length - 1].id, false)
      } catch (error) {
        set({ loading: false, notice: errorInfo(error) })
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
      set((s) => ({ filters: {}, filtersResetCount: s.filtersResetCount + 1 }))
      void get().loadRequests()
    },

    select: async (id) => {
      set({ selectedId: id, selectedError: null, selected: id === null ? null : get().selected })
      if (id === null) return
      try {
        const request = await api().getRequest({ id })
        if (get().selectedId !== id) return
        set({ selected: request, selectedError: request ? null : localError('not_found', 'This request no longer exists.') })
      } catch (error) {
        if (get().selectedId === id) set({ selectedError: errorInfo(error) })
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
        set({ notice: errorInfo(error, `Could not delete request ${id}`) })
        return
      }
      // The row goes now; the total waits for the engine's requestsDeleted, which counts it once (applying
      // the change here too took two off the total per delete).
      set((s) => ({
        requests: s.requests.filter((r) => r.id !== id),
        ...(s.selectedId === id ? { selectedId: null, selected: null } : {})
      }))
      if (selectedId === id && next && get().selectedId === null) void get().select(next.id)
    },

    pinRequest: async (id, pinned) => {
      try {
        const summary = await api().pinRequest({ id, pinned })
        // The engine also pushes requestsUpdated; applying the answer now makes the toggle immediate.
        if (summary) get().onRequestsUpdated([summary])
      } catch (error) {
        set({ notice: errorInfo(error, `Could not ${pinned ? 'pin' : 'unpin'} request ${id}`) })
      }
    },

    clearRequests: async () => {
      try {
        await api().clearRequests()
        get().onRequestsDeleted({ all: true })
      } catch (error) {
        set({ notice: errorInfo(error, `Could not clear the requests`) })
      }
    },

    deleteFiltered: async () => {
      try {
        await api().deleteMatching({ filters: activeFilters(get().filters) })
        await get().loadRequests()
      } catch (error) {
        set({ notice: errorInfo(error, `Could not delete the filtered requests`) })
      }
    },

    onRequestsAdded: (batch) => {
      set((s) => ({ totalCount: s.totalCount + batch.length }))
      const filters = get().filters
      const fresh = batch.filter((r) => matchesLocally(r, filters)).reverse()
      if (fresh.length === 0) return
      if (filters.search) set((s) => ({ newDuringSearch: s.newDuringSearch + fresh.length }))
      else set((s) => ({ requests: fresh.concat(s.requests) }))
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
        set({ requests: [], hasMore: false, selectedId: null, selected: null, totalCount: 0 })
        return
      }
      const gone = new Set(change.ids)
      set((s) => ({
        totalCount: Math.max(0, s.totalCount - change.ids.length),
        requests: s.requests.filter((r) => !gone.has(r.id)),
        ...(s.selectedId !== null && gone.has(s.selectedId) ? { selectedId: null, selected: null } : {})
      }))
    }
  }
}

/** The filters that narrow the list ({} when none does). */
export function activeFilters(f: RequestFilters): RequestFilters {
  return cleanFilters(f)
}

function cleanFilters(f: RequestFilters): RequestFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as RequestFilters
}
