import type { StateCreator } from 'zustand'
import type { ApiInput } from '../../../shared/api'
import type { EndpointInfo, ProviderInfo, SecretStorageInfo, VerificationSnippet } from '../../../shared/api/signatures'
import type { SignatureReport } from '../../../shared/types'
import { api } from '../services/api'
import type { AppState } from './index'

export interface SignaturesSlice {
  providers: ProviderInfo[]
  endpoints: EndpointInfo[]
  secretStorage: SecretStorageInfo | null
  /** The last endpoint/secret error, in words. */
  endpointsError: string | null
  /** What the last secret change re-verified ("3 captures re-verified"). */
  endpointsNotice: string | null
  snippet: VerificationSnippet | null
  loadSignatures: () => Promise<void>
  onEndpointsChanged: (endpoints: EndpointInfo[]) => void
  createEndpoint: (input: ApiInput<'createEndpoint'>) => Promise<boolean>
  updateEndpoint: (input: ApiInput<'updateEndpoint'>) => Promise<boolean>
  deleteEndpoint: (id: number) => Promise<void>
  addSecret: (input: ApiInput<'addSecret'>) => Promise<boolean>
  removeSecret: (id: string) => Promise<void>
  loadSnippet: (provider: string, generic?: EndpointInfo['generic']) => Promise<void>
  /** The full signature report of one capture (the list only carries the verdict). */
  fetchSignature: (id: number) => Promise<SignatureReport | null>
}

export const createSignaturesSlice: StateCreator<AppState, [], [], SignaturesSlice> = (set, get) => {
  const attempt = async (fn: () => Promise<unknown>, notice?: (r: unknown) => string | null): Promise<boolean> => {
    set({ endpointsError: null, endpointsNotice: null })
    try {
      const result = await fn()
      set({ endpointsNotice: notice?.(result) ?? null })
      return true
    } catch (error) {
      set({ endpointsError: (error as Error).message })
      return false
    }
  }
  let snippetKey = ''
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
    createEndpoint: (input) => attempt(() => api().createEndpoint(input)),
    updateEndpoint: (input) => attempt(() => api().updateEndpoint(input)),
    deleteEndpoint: async (id) => {
      await attempt(() => api().deleteEndpoint({ id }))
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
