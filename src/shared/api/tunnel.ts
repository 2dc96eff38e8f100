// Tunnel control: the public URL through a localtunnel server.
import { z } from 'zod'
import type { TunnelState } from '../types'

/** The public localtunnel server, used when no other is given (an empty server field means this one). */
export const DEFAULT_TUNNEL_HOST = 'https://localtunnel.me'

/** The rule localtunnel servers apply to a requested subdomain, checked here so the user hears it first. */
export const SUBDOMAIN_PATTERN = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/

const subdomain = z
  .string()
  .regex(SUBDOMAIN_PATTERN, 'A subdomain is 4 to 63 lowercase letters, digits or hyphens (not at the ends).')
const host = z
  .string()
  .max(500)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol)
    } catch {
      return false
    }
  }, 'The tunnel server must be an http:// or https:// address, like https://localtunnel.me.')

export const tunnelInputs = {
  getTunnel: z.void(),
  startTunnel: z.object({ subdomain: subdomain.optional(), host: host.optional() }).strict(),
  stopTunnel: z.void(),
  dismissTunnelUrlChange: z.void()
}

export interface TunnelResults {
  getTunnel: TunnelState
  startTunnel: TunnelState
  stopTunnel: TunnelState
  dismissTunnelUrlChange: TunnelState
}
