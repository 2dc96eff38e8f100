import type { StateCreator } from 'zustand'
import type { EngineInfo, Settings, StorageStatus } from '../../../shared/types'
import { api, onConnectionLost } from '../services/api'
import type { AppState } from './index'
import { errorInfo, type ErrorInfo } from '../lib/errors'

export interface AppSlice {
  ready: boolean
  connected: boolean
  info: EngineInfo | null
  settings: Settings | null
  /** Size against the retention caps, free disk, refused deliveries (Settings polls it while shown). */
  storage: StorageStatus | null
  notice: ErrorInfo | null
  /** Id of the top-level view shown (see components/views.ts). */
  view: string
  setView: (view: string) => void
  init: () => Promise<void>
  setNotice: (notice: ErrorInfo | null) => void
  /** Re-reads engine info (request count changes as deliveries arrive). */
  refreshInfo: () => Promise<void>
  refreshStorage: () => Promise<void>
  /** Null once saved, else why not: the form that saved says so beside its button. */
  updateSettings: (patch: Partial<Settings>) => Promise<ErrorInfo | null>
  onSettingsChanged: (settings: Settings) => void
}

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set, get) => ({
  ready: false,
  connected: false,
  info: null,
  settings: null,
  storage: null,
  notice: null,
  view: 'inspector',
  setView: (view) => set({ view }),

  init: async () => {
    try {
      const [info, settings] = await Promise.all([api().getInfo(), api().getSettings()])
      set({ info, settings, connected: true, totalCount: info.requestCount })
      onConnectionLost(() =>
        set({
          connected: false,
          notice: { code: 'transport', message: 'Lost the connection to the Hookscope engine (was `hookscope serve` stopped?). Start it again and open the ui URL it prints.' }
        })
      )
      await get().loadRequests()
      set({ ready: true })
    } catch (error) {
      set({ notice: errorInfo(error), ready: true })
    }
  },

  setNotice: (notice) => set({ notice }),

  refreshInfo: async () => {
    try {
      set({ info: await api().getInfo() })
    } catch (error) {
      set({ notice: errorInfo(error) })
    }
  },

  refreshStorage: async () => {
    try {
      set({ storage: await api().getStorage() })
    } catch (error) {
      set({ notice: errorInfo(error) })
    }
  },

  updateSettings: async (patch) => {
    try {
      const settings = await api().updateSettings(patch)
      set({ settings })
      return null
    } catch (error) {
      return errorInfo(error)
    }
  },

  onSettingsChanged: (settings) => set({ settings })
})
