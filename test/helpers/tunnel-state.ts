import type { Engine } from '../../src/main/engine/engine'
import type { TunnelState } from '../../src/shared/types'

/** Resolves with the first tunnel state (current or pushed) that matches; rejects after timeoutMs. */
export function waitForTunnel(
  engine: Engine,
  predicate: (state: TunnelState) => boolean,
  timeoutMs = 30_000,
  what = 'tunnel state'
): Promise<TunnelState> {
  return new Promise((resolve, reject) => {
    const seen: string[] = []
    const check = (state: TunnelState): boolean => {
      seen.push(`${state.status}${state.reason ? `/${state.reason}` : ''}`)
      if (!predicate(state)) return false
      clearTimeout(timer)
      unsubscribe()
      resolve(state)
      return true
    }
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`Timed out waiting for ${what}; saw ${seen.join(' -> ')}`))
    }, timeoutMs)
    const unsubscribe = engine.events.subscribe((event, payload) => {
      if (event === 'tunnelChanged') check(payload as TunnelState)
    })
    check(engine.tunnel.getState())
  })
}
