import type { StateCreator } from 'zustand'
import { DEFAULT_MISSING_FINAL_MS, type CallSummary, type RequestDiff } from '../../../shared/api/calls'
import type { RequestSummary } from '../../../shared/types'
import { api } from '../services/api'
import type { AppState } from './index'
import { errorInfo, type ErrorInfo } from '../lib/errors'

export interface CallKey {
  provider: string
  callId: string
}

export const callKey = (provider: string | null, callId: string): string => `${provider ?? ''}\u0000${callId}`

/** How often live arrivals refresh the calls shown (a burst must not refetch per frame). */
const REFRESH_MS = 400
const MAX_CACHED_CALLS = 2000
/** Calls shown at first, and added by each "Show older calls". */
export const CALLS_PAGE = 200
/** The Api's largest listCalls page. */
const API_PAGE_MAX = 500

export interface CallsSlice {
  calls: CallSummary[]
  callsLoaded: boolean
  /** How many of the newest calls the list holds (grows by CALLS_PAGE with each "Show older calls"). */
  callsWanted: number
  /** Older calls exist beyond the ones loaded. */
  callsHasMore: boolean
  showOlderCalls: () => void
  callsProvider: string
  /** A call without a terminal event this long after its last delivery is flagged missing-final. */
  missingFinalMinutes: number
  setMissingFinalMinutes: (minutes: number) => void
  selectedCall: CallKey | null
  /** Calls of rows the request list shows, for its call column and flags; refreshed as deliveries arrive. */
  callCache: Record<string, CallSummary | null>
  loadCalls: () => Promise<void>
  setCallsProvider: (provider: string) => void
  selectCall: (key: CallKey | null) => void
  /** From the request list: the Calls view with this call's timeline open. */
  openCall: (key: CallKey) => void
  /** The request list asks for the calls of its visible rows. */
  ensureCalls: (keys: CallKey[]) => void
  onCallDeliveries: (batch: RequestSummary[]) => void
  /** Captures were deleted: cached calls may have lost deliveries. */
  onCallsInvalidated: () => void

  /** Compare mode: the capture picked first, waiting for the second. */
  compareFrom: number | null
  diff: { a: number; b: number; result: RequestDiff | null; error: ErrorInfo | null } | null
  startCompare: (id: number) => void
  cancelCompare: () => void
  compare: (a: number, b: number) => Promise<void>
  compareWithPrevious: (id: number) => Promise<void>
  /** The capture whose "Previous delivery" found none: said quietly beside the button, not as an error. */
  previousMissing: number | null
  closeDiff: () => void
}

export const createCallsSlice: StateCreator<AppState, [], [], CallsSlice> = (set, get) => {
  let generation = 0
  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  const stale = new Set<string>()
  const inFlight = new Set<string>()

  const fetchCall = async (key: string): Promise<void> => {
    if (inFlight.has(key)) return
    inFlight.add(key)
    const [provider, callId] = key.split('\u0000')
    try {
      const call = await api().getCall({ provider, callId, missingFinalAfterMs: get().missingFinalMinutes * 60_000 })
      set((s) => ({ callCache: { ...s.callCache, [key]: call } }))
    } catch {
      /* the row simply shows no flags */
    } finally {
      inFlight.delete(key)
    }
  }

  const refresh = (): void => {
    refreshTimer = null
    if (get().callsLoaded) void get().loadCalls()
    const keys = [...stale]
    stale.clear()
    for (const key of keys) if (key in get().callCache) void fetchCall(key)
  }

  return {
    calls: [],
    callsLoaded: false,
    callsWanted: CALLS_PAGE,
    callsHasMore: false,
    callsProvider: '',
    missingFinalMinutes: DEFAULT_MISSING_FINAL_MS / 60_000,
    setMissingFinalMinutes: (minutes) => {
      set({ missingFinalMinutes: minutes, callCache: {} })
      void get().loadCalls()
    },
    selectedCall: null,
    callCache: {},

    loadCalls: async () => {
      const gen = ++generation
      try {
        const provider = get().callsProvider || undefined
        const missingFinalAfterMs = get().missingFinalMinutes * 60_000
        const want = get().callsWanted
        // A refresh reloads every call shown, not only the first page, so older ones keep their live state.
        const items: CallSummary[] = []
        let beforeId: number | undefined
        do {
          const limit = Math.min(API_PAGE_MAX, want - items.length)
          const page = await api().listCalls({ limit, missingFinalAfterMs, ...(beforeId ? { beforeId } : {}), ...(provider ? { provider } : {}) })
          if (gen !== generation) return
          items.push(...page.items)
          beforeId = page.nextBeforeId
        } while (beforeId !== undefined && items.length < want)
        set({ calls: items, callsLoaded: true, callsHasMore: beforeId !== undefined })
        const selected = get().selectedCall
        if (!selected && items[0]) set({ selectedCall: { provider: items[0].provider, callId: items[0].callId } })
      } catch (error) {
        if (gen === generation) set({ notice: errorInfo(error) })
      }
    },

    showOlderCalls: () => {
      set((s) => ({ callsWanted: s.callsWanted + CALLS_PAGE }))
      void get().loadCalls()
    },

    setCallsProvider: (provider) => {
      set({ callsProvider: provider, selectedCall: null, callsWanted: CALLS_PAGE })
      void get().loadCalls()
    },

    selectCall: (key) => set({ selectedCall: key }),

    openCall: (key) => {
      set({ selectedCall: key, callsProvider: '', view: 'calls' })
      void get().loadCalls()
    },

    ensureCalls: (keys) => {
      // Only rows on screen need their call; a long session would otherwise keep every call it scrolled past.
      if (Object.keys(get().callCache).length > MAX_CACHED_CALLS) set({ callCache: {} })
      const cache = get().callCache
      for (const k of keys) {
        const key = callKey(k.provider, k.callId)
        if (!(key in cache)) {
          set((s) => ({ callCache: { ...s.callCache, [key]: null } }))
          void fetchCall(key)
        }
      }
    },

    onCallDeliveries: (batch) => {
      let any = false
      for (const r of batch) {
        if (r.callId === null) continue
        any = true
        stale.add(callKey(r.provider, r.callId))
      }
      if (any && !refreshTimer) refreshTimer = setTimeout(refresh, REFRESH_MS)
    },

    onCallsInvalidated: () => {
      set({ callCache: {} })
      if (get().callsLoaded) void get().loadCalls()
    },

    compareFrom: null,
    diff: null,
    previousMissing: null,
    startCompare: (id) => set({ compareFrom: id }),
    cancelCompare: () => set({ compareFrom: null }),

    compare: async (a, b) => {
      set({ compareFrom: null, diff: { a, b, result: null, error: null } })
      try {
        const result = await api().diffRequests({ a, b })
        if (get().diff?.a === a && get().diff?.b === b) set({ diff: { a, b, result, error: null } })
      } catch (error) {
        if (get().diff?.a === a && get().diff?.b === b) set({ diff: { a, b, result: null, error: errorInfo(error) } })
      }
    },

    compareWithPrevious: async (id) => {
      try {
        const previous = await api().previousDelivery({ id })
        set({ previousMissing: previous ? null : id })
        if (!previous) return
        await get().compare(previous.id, id)
      } catch (error) {
        set({ notice: errorInfo(error) })
      }
    },

    closeDiff: () => set({ diff: null })
  }
}
