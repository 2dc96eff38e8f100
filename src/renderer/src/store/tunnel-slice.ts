import type { StateCreator } from 'zustand'
import type { TunnelState } from '../../../shared/types'
import { api } from '../services/api'
import type { AppState } from './index'
import { errorInfo, type ErrorInfo } from '../lib/errors'

export interface TunnelSlice {
  tunnel: TunnelState | null
  /** A start/stop call is in flight. */
  tunnelBusy: boolean
  /** The last start/stop error (bad subdomain, bad host...), in words. */
  tunnelError: ErrorInfo | null
  tunnelPanelOpen: boolean
  /** Path appended to the public URL to show the full webhook URL to paste into a provider. */
  webhookPath: string
  loadTunnel: () => Promise<void>
  onTunnelChanged: (state: TunnelState) => void
  startTunnel: (options: { subdomain?: string; host?: string }) => Promise<void>
  stopTunnel: () => Promise<void>
  dismissTunnelUrlChange: () => Promise<void>
  setTunnelPanelOpen: (open: boolean) => void
  setWebhookPath: (path: string) => void
}

export const createTunnelSlice: StateCreator<AppState, [], [], TunnelSlice> = (set) => {
  const call = async (fn: () => Promise<TunnelState>): Promise<void> => {
    set({ tunnelBusy: true, tunnelError: null })
    try {
      set({ tunnel: await fn() })
    } catch (error) {
      set({ tunnelError: errorInfo(error) })
    } finally {
      set({ tunnelBusy: false })
    }
  }
  return {
    tunnel: null,
    tunnelBusy: false,
    tunnelError: null,
    tunnelPanelOpen: false,
    webhookPath: '/',
    loadTunnel: () => call(() => api().getTunnel()),
    onTunnelChanged: (tunnel) => set({ tunnel }),
    startTunnel: (options) => call(() => api().startTunnel(options)),
    stopTunnel: () => call(() => api().stopTunnel()),
    dismissTunnelUrlChange: () => call(() => api().dismissTunnelUrlChange()),
    setTunnelPanelOpen: (tunnelPanelOpen) => set({ tunnelPanelOpen }),
    setWebhookPath: (webhookPath) => set({ webhookPath })
  }
}

/** The URL to paste into a provider's dashboard: public URL + path (a leading slash is added). */
export function webhookUrl(publicUrl: string, path: string): string {
  const clean = path.trim()
  return publicUrl.replace(/\/+$/, '') + (clean.startsWith('/') ? clean : `/${clean}`)
}
