import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './app-slice'
import { createRequestsSlice, type RequestsSlice } from './requests-slice'
import { createTunnelSlice, type TunnelSlice } from './tunnel-slice'

export type AppState = AppSlice & RequestsSlice & TunnelSlice

export const useStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createRequestsSlice(...a),
  ...createTunnelSlice(...a)
}))
