import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './app-slice'
import { createCallsSlice, type CallsSlice } from './calls-slice'
import { createForgeSlice, type ForgeSlice } from './forge-slice'
import { createOutboundSlice, type OutboundSlice } from './outbound-slice'
import { createRequestsSlice, type RequestsSlice } from './requests-slice'
import { createTunnelSlice, type TunnelSlice } from './tunnel-slice'
import { createSignaturesSlice, type SignaturesSlice } from './signatures-slice'

export type AppState = AppSlice & CallsSlice & ForgeSlice & OutboundSlice & RequestsSlice & TunnelSlice & SignaturesSlice

export const useStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createCallsSlice(...a),
  ...createForgeSlice(...a),
  ...createOutboundSlice(...a),
  ...createRequestsSlice(...a),
  ...createSignaturesSlice(...a),
  ...createTunnelSlice(...a)
}))
