import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { createAppSlice, type AppSlice } from './app-slice'
import { createCallsSlice, type CallsSlice } from './calls-slice'
import { createForgeSlice, type ForgeSlice } from './forge-slice'
import { createOutboundSlice, type OutboundSlice } from './outbound-slice'
import { createRequestsSlice, type RequestsSlice } from './requests-slice'
import { createTunnelSlice, type TunnelSlice } from './tunnel-slice'
import { createSignaturesSlice, type SignaturesSlice } from './signatures-slice'
import { createPrefsSlice, type PrefsSlice } from './prefs-slice'
import { persistOptions } from './persist'

export type AppState = AppSlice & CallsSlice & ForgeSlice & OutboundSlice & RequestsSlice & TunnelSlice & SignaturesSlice & PrefsSlice

// Middleware on the combined store only (zustand's slices pattern): `persist` remembers the prefs.
export const useStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createAppSlice(...a),
      ...createCallsSlice(...a),
      ...createForgeSlice(...a),
      ...createOutboundSlice(...a),
      ...createRequestsSlice(...a),
      ...createSignaturesSlice(...a),
      ...createTunnelSlice(...a),
      ...createPrefsSlice(...a)
    }),
    persistOptions<AppState>()
  )
)
