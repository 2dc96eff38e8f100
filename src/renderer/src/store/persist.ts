// What the window remembers across launches, with zustand's persist middleware: one localStorage
// key, written on change and read (synchronously, so the theme never flashes) when the store is built.
import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware'

export type Theme = 'dark' | 'light'

/** The smallest list width kept (Splitter clamps drags to it); a smaller stored width means "the default". */
export const MIN_LIST_WIDTH = 320

/** The part of the store that is remembered (the prefs slice and the forge form). */
export interface Remembered {
  theme: Theme
  listWidth: number | null
  replayTarget: string
  sendTarget: string
  forgeForm: { targetUrl: string; provider: string; secret: string }
}

/** What is saved: the same, but the forge form without its secret (secrets are never written to disk here). */
type Persisted = Omit<Remembered, 'forgeForm'> & { forgeForm: Omit<Remembered['forgeForm'], 'secret'> }

const STORAGE_KEY = 'hookscope-ui'

/** The keys each choice had before the persist middleware; read once, then removed. */
const LEGACY = {
  theme: 'hookscope-theme',
  listWidth: 'hookscope-list-width',
  replayTarget: 'hookscope-target-replay',
  /** Replay and Send once shared one remembered target; Replay inherited it. */
  sharedTarget: 'hookscope-last-target',
  sendTarget: 'hookscope-target-send',
  forgeForm: 'hookscope-forge-form'
}

/** The choices saved under the old keys, as the middleware's saved shape; null when there are none. */
function legacyState(): string | null {
  const get = (key: string): string | null => localStorage.getItem(key)
  if (Object.values(LEGACY).every((key) => get(key) === null)) return null
  const state: Partial<Persisted> = {}
  if (get(LEGACY.theme) !== null) state.theme = get(LEGACY.theme) === 'light' ? 'light' : 'dark'
  const width = Number(get(LEGACY.listWidth))
  if (get(LEGACY.listWidth) !== null && Number.isFinite(width) && width >= MIN_LIST_WIDTH) state.listWidth = width
  const replay = get(LEGACY.replayTarget) ?? get(LEGACY.sharedTarget)
  if (replay !== null) state.replayTarget = replay
  if (get(LEGACY.sendTarget) !== null) state.sendTarget = get(LEGACY.sendTarget)!
  try {
    const form = JSON.parse(get(LEGACY.forgeForm) ?? 'null') as Partial<Persisted['forgeForm']> | null
    if (form) state.forgeForm = { targetUrl: form.targetUrl ?? '', provider: form.provider ?? 'callpaymin' }
  } catch {
    // An unreadable saved form is dropped, as before.
  }
  return JSON.stringify({ state, version: 0 })
}

let lastWritten: string | null = null

/**
 * localStorage, which on first use reads the old keys and drops them once the new one is written.
 * persist saves after every change of the store (a live burst is many per second): an unchanged
 * value is not written again, so that costs one small JSON.stringify, not a storage write.
 */
const storage: StateStorage = {
  getItem: (name) => (lastWritten = localStorage.getItem(name)) ?? legacyState(),
  setItem: (name, value) => {
    if (value === lastWritten) return
    const first = lastWritten === null
    localStorage.setItem(name, value)
    lastWritten = value
    if (first) for (const key of Object.values(LEGACY)) localStorage.removeItem(key)
  },
  removeItem: (name) => {
    lastWritten = null
    localStorage.removeItem(name)
  }
}

/** Options of the store's `persist` middleware (store/index.ts). */
export const persistOptions = <S extends Remembered>(): PersistOptions<S, Persisted> => ({
  name: STORAGE_KEY,
  version: 0,
  storage: createJSONStorage(() => storage),
  partialize: (s) => ({
    theme: s.theme,
    listWidth: s.listWidth,
    replayTarget: s.replayTarget,
    sendTarget: s.sendTarget,
    forgeForm: { targetUrl: s.forgeForm.targetUrl, provider: s.forgeForm.provider }
  }),
  // The saved forge form has no secret: merge it into the current one rather than replace it.
  merge: (saved, current) => {
    const s = (saved ?? {}) as Partial<Persisted>
    return { ...current, ...s, forgeForm: { ...current.forgeForm, ...s.forgeForm } }
  }
})
