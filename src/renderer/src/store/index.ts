import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './app-slice'
import { createRequestsSlice, type RequestsSlice } from './requests-slice'

export type AppState = AppSlice & RequestsSlice

export const useStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createRequestsSlice(...a)
}))
