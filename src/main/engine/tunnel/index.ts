// The tunnel as the engine uses it: state pushed as `tunnelChanged`. The composition root classifies
// deliveries by origin with the manager's relay (tunnel/origin.ts).
import type { EventSink, Log } from '../api-handlers'
import { TunnelManager, type TunnelTimings } from './manager'
import type { ValueStore } from './options'

export interface TunnelFeatureDeps {
  /** The receiver's port (read at construction too: build the tunnel after the receiver). */
  localPort: () => number
  settings: ValueStore
  events: EventSink
  log: Log
  timings?: Partial<TunnelTimings>
}

export function createTunnel(deps: TunnelFeatureDeps): TunnelManager {
  return new TunnelManager({
    localPort: deps.localPort,
    store: deps.settings,
    publish: (state) => deps.events.emit('tunnelChanged', state),
    log: deps.log,
    timings: deps.timings
  })
}
