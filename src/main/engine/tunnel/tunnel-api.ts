import type { ApiHandlers } from '../api-handlers'
import type { TunnelManager } from './manager'

type TunnelMethods = 'getTunnel' | 'startTunnel' | 'stopTunnel' | 'dismissTunnelUrlChange'

/** Tunnel control. */
export function tunnelApi(tunnel: TunnelManager): Pick<ApiHandlers, TunnelMethods> {
  return {
    getTunnel: () => tunnel.getState(),
    startTunnel: (options) => tunnel.start(options),
    stopTunnel: () => tunnel.stop(),
    dismissTunnelUrlChange: () => tunnel.dismissUrlChange()
  }
}
