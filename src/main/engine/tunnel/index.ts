// Wires the tunnel into an engine: state pushed as `tunnelChanged`, deliveries classified by origin.
import type { Engine } from '../engine'
import { TunnelManager, type TunnelTimings } from './manager'
import { classifyOrigin } from './origin'

export function attachTunnel(engine: Engine, log: (message: string) => void, timings?: Partial<TunnelTimings>): TunnelManager {
  const manager = new TunnelManager({
    localPort: () => engine.receiver.port,
    store: engine.settings,
    publish: (state) => engine.events.emit('tunnelChanged', state),
    log,
    timings
  })
  engine.setOriginClassifier((req) => classifyOrigin(req, manager.relay))
  return manager
}
