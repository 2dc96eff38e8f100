import type { ApiHandlers, Engine } from '../engine'

type TunnelMethods = 'getTunnel' | 'startTunnel' | 'stopTunnel' | 'dismissTunnelUrlChange'

/** Tunnel control; `engine.tunnel` is read per call because the Api table is built before it exists. */
export function tunnelApi(engine: Engine): Pick<ApiHandlers, TunnelMethods> {
  return {
    getTunnel: () => engine.tunnel.getState(),
    startTunnel: (options) => engine.tunnel.start(options),
    stopTunnel: () => engine.tunnel.stop(),
    dismissTunnelUrlChange: () => engine.tunnel.dismissUrlChange()
  }
}
