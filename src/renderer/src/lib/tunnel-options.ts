import { DEFAULT_TUNNEL_HOST } from '../../../shared/api/tunnel'

/** What the server field shows: empty while the default server is used (its placeholder names it). */
export function hostFieldValue(host: string | undefined): string {
  return !host || host === DEFAULT_TUNNEL_HOST ? '' : host
}

/**
 * Start options from the panel's fields. An empty server field means the default server, sent
 * explicitly: leaving it out would keep whatever server was saved last, so the default could never
 * come back once another server had been used.
 */
export function tunnelStartOptions(subdomain: string, host: string): { subdomain?: string; host: string } {
  return { subdomain: subdomain.trim() || undefined, host: host.trim() || DEFAULT_TUNNEL_HOST }
}
