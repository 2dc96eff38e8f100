import { beforeEach, describe, expect, it } from 'vitest'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/** A real Storage's behaviour over a Map (Node has no localStorage): what the renderer's persist reads and writes. */
class MemoryStorage {
  private items = new Map<string, string>()
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value))
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  keys(): string[] {
    return [...this.items.keys()]
  }
}

const storage = new MemoryStorage()
Object.assign(globalThis, { localStorage: storage })
const { persistOptions } = await import('../../src/renderer/src/store/persist')
type Remembered = import('../../src/renderer/src/store/persist').Remembered
type State = Remembered & { setTheme: (theme: Remembered['theme']) => void }

/** The remembered part of the app's store, under the same persist options. */
function makeStore() {
  return create<State>()(
    persist(
      (set) => ({
        theme: 'dark',
        listWidth: null,
        replayTarget: '',
        sendTarget: '',
        forgeForm: { targetUrl: '', provider: 'callpaymin', secret: '' },
        setTheme: (theme) => set({ theme })
      }),
      persistOptions<State>()
    )
  )
}

describe('remembered choices (persist middleware)', () => {
  beforeEach(() => {
    for (const key of storage.keys()) storage.removeItem(key)
  })

  it('reads the choices saved under the old keys, then keeps them under one key and drops the old ones', () => {
    storage.setItem('hookscope-theme', 'light')
    storage.setItem('hookscope-list-width', '480')
    storage.setItem('hookscope-last-target', 'http://127.0.0.1:3000/shared')
    storage.setItem('hookscope-target-send', 'http://127.0.0.1:3000/send')
    storage.setItem('hookscope-forge-form', JSON.stringify({ targetUrl: 'http://127.0.0.1:4000/hooks', provider: 'topcalls' }))
    const store = makeStore()
    expect(store.getState()).toMatchObject({
      theme: 'light',
      listWidth: 480,
      replayTarget: 'http://127.0.0.1:3000/shared',
      sendTarget: 'http://127.0.0.1:3000/send',
      forgeForm: { targetUrl: 'http://127.0.0.1:4000/hooks', provider: 'topcalls', secret: '' }
    })
    store.getState().setTheme('dark')
    expect(storage.keys()).toEqual(['hookscope-ui'])
    expect(makeStore().getState()).toMatchObject({ theme: 'dark', listWidth: 480, sendTarget: 'http://127.0.0.1:3000/send' })
  })

  it('never writes the forge secret, and a width below the minimum reads as the default', () => {
    storage.setItem('hookscope-list-width', '12')
    const store = makeStore()
    expect(store.getState().listWidth).toBeNull()
    store.setState({ forgeForm: { targetUrl: 'http://127.0.0.1:4000/x', provider: 'callpaymin', secret: 'whsec_do-not-store' } })
    expect(storage.getItem('hookscope-ui')).not.toContain('whsec_do-not-store')
    expect(makeStore().getState().forgeForm).toEqual({ targetUrl: 'http://127.0.0.1:4000/x', provider: 'callpaymin', secret: '' })
  })

  it('starts from the defaults when nothing was saved', () => {
    expect(makeStore().getState()).toMatchObject({ theme: 'dark', listWidth: null, replayTarget: '', sendTarget: '' })
  })
})
