import type { StateCreator } from 'zustand'
import type { ApiInput } from '../../../shared/api'
import type { EndpointInfo, ProviderInfo, SecretStorageInfo, VerificationSnippet } from '../../../shared/api/signatures'
import type { RequestSummary, SignatureReport } from '../../../shared/types'
import { api } from '../services/api'
import type { AppState } from './index'
import { errorInfo, type ErrorInfo } from '../lib/errors'

export interface SignaturesSlice {
  providers: ProviderInfo[]
  endpoints: EndpointInfo[]
  secretStorage: SecretStorageInfo | null
  /** The last endpoint/secret error, in words. */
  endpointsError: ErrorInfo | null
  /** What the last secret change re-verified ("3 captures re-verified"). */
  endpointsNotice: string | null
  snippet: VerificationSnippet | null
  loadSignatures: () => Promise<void>
  onEndpointsChanged: (endpoints: EndpointInfo[]) => void
  createEndpoint: (input: ApiInput<'createEndpoint'>) => Promise<boolean>
  updateEndpoint: (input: ApiInput<'updateEndpoint'>) => Promise<boolean>
  /**
   * Deleting an endpoint takes its secrets with it, so it is only scheduled: the card goes at once and
   * an Undo toast stays for UNDO_DELETE_MS; then (or on "Delete now") the engine really deletes it.
   */
  deleteEndpoint: (id: number) => void
  undoDeleteEndpoint: (id: number) => void
  commitDeleteEndpoint: (id: number) => Promise<void>
  pendingEndpointDeletes: PendingDelete[]
  /** Live arrivals raise their endpoint's capture count (no refetch per delivery). */
  countEndpointCaptures: (batch: RequestSummary[]) => void
  /** Deletions can lower any count: re-read them (only when endpoints are loaded). */
  refreshEndpointCounts: () => void
  addSecret: (input: ApiInput<'addSecret'>) => Promise<boolean>
  removeSecret: (id: string) => Promise<void>
  loadSnippet: (provider: string, generic?: EndpointInfo['generic']) => Promise<void>
  /** The full signature report of one capture (the list only carries the verdict). */
  fetchSignature: (id: number) => Promise<SignatureReport | null>
}

export interface PendingDelete {
  id: number
  path: string
  secrets: number
  dueAt: number
}

export const UNDO_DELETE_MS = 10_000

export const createSignaturesSlice: StateCreator<AppState, [], [], SignaturesSlice> = (set, get) => {
  const attempt = async (fn: () => Promise<unknown>, notice?: (r: unknown) => string | null): Promise<boolean> => {
    set({ endpointsError: null, endpointsNotice: null })
    try {
      const result = await fn()
      set({ endpointsNotice: notice?.(result) ?? null })
      return true
    } catch (error) {
      set({ endpointsError: errorInfo(error) })
      return false
    }
  }
  let snippetKey = ''
  const deleteTimers = new Map<number, ReturnType<typeof setTimeout>>()
  const unschedule = (id: number): void => {
    clearTimeout(deleteTimers.get(id))
    deleteTimers.delete(id)
    set((s) => ({ pendingEndpointDeletes: s.pendingEndpointDeletes.filter((p) => p.id !== id) }))
  }
  let countsTimer: ReturnType<typeof setTimeout> | undefined
  const reverified = (r: unknown): string | null => {
    const n = (r as { reverified?: number }).reverified ?? 0
    return n ? `${n} stored capture${n === 1 ? '' : 's'} re-verified.` : null
  }
  return {
    providers: [],
    endpoints: [],
    secretStorage: null,
    endpointsError: null,
    endpointsNotice: null,
    snippet: null,
    loadSignatures: async () => {
      await attempt(async () => {
        const [providers, endpoints, secretStorage] = await Promise.all([api().listProviders(), api().listEndpoints(), api().getSecretStorage()])
        set({ providers, endpoints, secretStorage })
      })
    },
    onEndpointsChanged: (endpoints) => {
      set({ endpoints })
      void api()
        .getSecretStorage()
        .then((secretStorage) => set({ secretStorage }))
        .catch(() => {})
    },
    createEndpoint: async (input) => {
      // Re-creating a path whose delete is waiting out its Undo window: that delete happens now.
      const pending = get().pendingEndpointDeletes.find((p) => p.path === input.path)
      if (pending) await get().commitDeleteEndpoint(pending.id)
      return attempt(() => api().createEndpoint(input))
    },
    updateEndpoint: (input) => attempt(() => api().updateEndpoint(input)),
    pendingEndpointDeletes: [],
    deleteEndpoint: (id) => {
      const e = get().endpoints.find((x) => x.id === id)
      if (!e || deleteTimers.has(id)) return
      deleteTimers.set(id, setTimeout(() => void get().commitDeleteEndpoint(id), UNDO_DELETE_MS))
      set((s) => ({
        pendingEndpointDeletes: [...s.pendingEndpointDeletes, { id, path: e.path, secrets: e.secrets.length, dueAt: Date.now() + UNDO_DELETE_MS }]
      }))
    },
    undoDeleteEndpoint: (id) => unschedule(id),
    commitDeleteEndpoint: async (id) => {
      if (!deleteTimers.has(id)) return
      unschedule(id)
      await attempt(() => api().deleteEndpoint({ id }))
    },
    countEndpointCaptures: (batch) => {
      const { endpoints } = get()
      if (endpoints.length === 0) return
      const added = new Map<string, number>()
      for (const r of batch) if (r.endpoint !== null) added.set(r.endpoint, (added.get(r.endpoint) ?? 0) + 1)
      if (added.size === 0 || !endpoints.some((e) => added.has(e.path))) return
      set({ endpoints: endpoints.map((e) => (added.has(e.path) ? { ...e, requestCount: e.requestCount + added.get(e.path)! } : e)) })
    },
    refreshEndpointCounts: () => {
      if (get().endpoints.length === 0 || countsTimer) return
      // One re-read for a burst of deletions (Delete held down, a retention sweep).
      countsTimer = setTimeout(() => {
        countsTimer = undefined
        void api()
          .listEndpoints()
          .then((fresh) => {
            const counts = new Map(fresh.map((e) => [e.id, e.requestCount]))
            set((s) => ({ endpoints: s.endpoints.map((e) => ({ ...e, requestCount: counts.get(e.id) ?? e.requestCount })) }))
          })
          .catch(() => {})
      }, 200)
    },
    addSecret: (input) => attempt(() => api().addSecret(input), reverified),
    removeSecret: async (id) => {
      await attempt(() => api().removeSecret({ id }), reverified)
    },
    loadSnippet: async (provider, generic) => {
      const key = JSON.stringify([provider, generic ?? null])
      if (snippetKey === key && get().snippet) return
      snippetKey = key
      await attempt(async () => set({ snippet: await api().getVerificationSnippet({ provider: provider as never, generic: generic ?? undefined }) }))
    },
    fetchSignature: async (id) => {
      try {
        return (await api().getRequest({ id }))?.signature ?? null
      } catch {
        return null
      }
    }
  }
}
