// `serve --tunnel`: starts the tunnel and waits, bounded, for a public URL to print in the first line.
import { tunnelInputs } from '../../shared/api/tunnel'
import type { TunnelState } from '../../shared/types'
import { callApi, type CliEngine } from './engine-access'
import { HookscopeError } from '../../shared/errors'
import type { OptionSpec, VerbContext } from './verb'

export const tunnelOptions: OptionSpec = {
  tunnel: { type: 'boolean' },
  'tunnel-host': { type: 'string' },
  subdomain: { type: 'string' },
  'tunnel-wait': { type: 'string' }
}

const DEFAULT_WAIT_S = 20

/**
 * Returns the public URL, or null when the tunnel is not online within the wait (the reason goes to
 * stderr; the tunnel keeps retrying in the background). Options are checked before anything starts.
 * The tunnel goes through the Api; its state changes arrive as the engine's `tunnelChanged` events.
 */
export function prepareTunnel(ctx: VerbContext): ((engine: CliEngine) => Promise<string | null>) | null {
  const host = ctx.values['tunnel-host']
  const subdomain = ctx.values.subdomain
  if (!ctx.values.tunnel) {
    if (host !== undefined || subdomain !== undefined) throw new HookscopeError('invalid_input', '--tunnel-host and --subdomain need --tunnel')
    return null
  }
  const parsed = tunnelInputs.startTunnel.safeParse({ host, subdomain })
  if (!parsed.success) throw new HookscopeError('invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const waitS = ctx.values['tunnel-wait'] === undefined ? DEFAULT_WAIT_S : Number(ctx.values['tunnel-wait'])
  if (!Number.isFinite(waitS) || waitS < 0 || waitS > 600) throw new HookscopeError('invalid_input', '--tunnel-wait takes a number of seconds from 0 to 600')

  return async (engine) => {
    const online = waitOnline(engine, waitS * 1000)
    await callApi(engine, 'startTunnel', parsed.data)
    const state = await online
    if (state.status === 'online') return state.url
    process.stderr.write(
      `Tunnel not online after ${waitS} s: ${state.message ?? 'still connecting.'} It keeps retrying in the background.\n`
    )
    return null
  }
}

function waitOnline(engine: CliEngine, timeoutMs: number): Promise<TunnelState> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe()
      resolve(callApi(engine, 'getTunnel', undefined))
    }, timeoutMs)
    const unsubscribe = engine.events.subscribe((event, payload) => {
      if (event !== 'tunnelChanged' || (payload as TunnelState).status !== 'online') return
      clearTimeout(timer)
      unsubscribe()
      resolve(payload as TunnelState)
    })
  })
}
