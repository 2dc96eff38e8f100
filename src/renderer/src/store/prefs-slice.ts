import type { StateCreator } from 'zustand'
import type { AppState } from './index'
import type { Theme } from './persist'

/** Choices remembered across launches: the store's `persist` middleware saves these (see ./persist.ts). */
export interface PrefsSlice {
  theme: Theme
  /** The list pane's width in px; null: the default share. */
  listWidth: number | null
  /** The last URL replayed to and sent to: separate, so a replay target does not leak into Send. */
  replayTarget: string
  sendTarget: string
  setTheme: (theme: Theme) => void
  setListWidth: (px: number | null) => void
  setReplayTarget: (url: string) => void
  setSendTarget: (url: string) => void
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  theme: 'dark',
  listWidth: null,
  replayTarget: '',
  sendTarget: '',
  setTheme: (theme) => set({ theme }),
  setListWidth: (px) => set({ listWidth: px === null ? null : Math.round(px) }),
  setReplayTarget: (replayTarget) => set({ replayTarget }),
  setSendTarget: (sendTarget) => set({ sendTarget })
})
