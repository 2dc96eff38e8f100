// URL-signed schemes (Twilio, SignalWire, Plivo V3): the provider signs the URL it called plus the form
// parameters, so the verdict depends on knowing that URL. Hookscope rebuilds it from Host and
// X-Forwarded-Proto; when that fails, the variants below say which URL the provider did sign.
import { createHash } from 'node:crypto'
import { headerValue } from '../headers'
import type { IncomingDelivery } from '../inspect'
import type { PayloadInput, UrlVariant } from './hmac-scheme'

const byName = ([a]: [string, string], [b]: [string, string]): number => (a < b ? -1 : a > b ? 1 : 0)

/** The URL the sender called, as far as the delivery tells: the tunnel's https address when it came through one. */
export function receivedUrl(d: IncomingDelivery): string {
  const proto = headerValue(d.headers, 'x-forwarded-proto')?.split(',')[0].trim() || 'http'
  return `${proto}://${headerValue(d.headers, 'host') ?? 'localhost'}${d.path}`
}

/**
 * Twilio: the URL followed by each POST parameter sorted by name, as name+value. A JSON body is not
 * signed as parameters: Twilio puts bodySHA256=<hex sha256 of the body> in the URL and signs the URL alone.
 */
export function twilioPayload(url: string, body: Buffer): Buffer {
  if (hasBodyHash(url)) return Buffer.from(url)
  const params = [...new URLSearchParams(body.toString('utf8')).entries()].sort(byName)
  return Buffer.from(url + params.map(([k, v]) => k + v).join(''))
}

function hasBodyHash(url: string): boolean {
  const q = url.indexOf('?')
  return q !== -1 && new URLSearchParams(url.slice(q + 1)).has('bodySHA256')
}

/** Twilio's second check for JSON bodies: the body's SHA-256 must be the bodySHA256 the URL carries. */
export function twilioBodyHashCheck(_d: IncomingDelivery, input: PayloadInput): string | null {
  const url = input.url ?? ''
  const q = url.indexOf('?')
  const claimed = q === -1 ? null : new URLSearchParams(url.slice(q + 1)).get('bodySHA256')
  if (claimed === null) return null
  const actual = createHash('sha256').update(input.body).digest('hex')
  return claimed.toLowerCase() === actual
    ? null
    : `The signed URL matches, but the body's SHA-256 (${actual.slice(0, 12)}…) is not the bodySHA256 in the URL (${claimed.slice(0, 12)}…): the body changed after signing.`
}

/** Plivo V3 (plivo-node utils/v3Security.js): URL with sorted query, then sorted POST params as name+value, then ".nonce". */
export function plivoV3Payload(p: PayloadInput): Buffer {
  let url: URL
  try {
    url = new URL(p.url ?? 'http://localhost/')
  } catch {
    // A Host header no URL can hold: sign what arrived, which then fails to match, with a verdict rather than a throw.
    return Buffer.from(`${p.url ?? ''}.${p.timestamp ?? ''}`)
  }
  const base = `${url.protocol}//${url.host}${url.pathname}`
  const sortedPairs = (pairs: [string, string][]): [string, string][] => {
    const keys = [...new Set(pairs.map(([k]) => k))].sort()
    return keys.flatMap((k) => pairs.filter(([n]) => n === k).map(([, v]) => v).sort().map((v): [string, string] => [k, v]))
  }
  const query = [...url.searchParams.entries()]
  const isPost = (p.method ?? 'POST').toUpperCase() !== 'GET'
  const params = isPost ? [...new URLSearchParams(p.body.toString('utf8')).entries()] : []
  const queryString = sortedPairs(query).map(([k, v]) => `${k}=${v}`).join('&')
  let signed = base
  if (queryString || params.length) signed += `?${queryString}`
  if (queryString && params.length) signed += '.'
  signed += sortedPairs(params).map(([k, v]) => k + v).join('')
  return Buffer.from(`${signed}.${p.timestamp ?? ''}`)
}

/**
 * URLs the provider may have signed instead: the other scheme (a tunnel ends TLS, so https arrives as
 * http), with or without a port, with the forwarded host, a trailing slash toggled, no query string.
 */
export function urlVariants(d: IncomingDelivery, received: string): UrlVariant[] {
  let u: URL
  try {
    u = new URL(received)
  } catch {
    return []
  }
  const out = new Map<string, UrlVariant>()
  const forwardedHost = headerValue(d.headers, 'x-forwarded-host')
  const protocols: [string, string | null][] = [[u.protocol, null], [u.protocol === 'https:' ? 'http:' : 'https:', u.protocol === 'https:' ? 'http instead of https' : 'https instead of http']]
  const defaultPort = (proto: string): string => (proto === 'https:' ? '443' : '80')
  for (const [proto, protoChange] of protocols) {
    const hosts: [string, string | null][] = [[u.hostname, null]]
    if (forwardedHost && forwardedHost !== u.host) hosts.push([forwardedHost.replace(/:\d+$/, ''), `host ${forwardedHost}`])
    for (const [host, hostChange] of hosts) {
      const ports: [string, string | null][] = [[u.port, null]]
      if (u.port) ports.push(['', `without the port ${u.port}`])
      ports.push([defaultPort(proto), `with the port ${defaultPort(proto)}`])
      for (const [port, portChange] of ports) {
        const paths: [string, string | null][] = [[u.pathname, null]]
        paths.push(u.pathname.endsWith('/') && u.pathname.length > 1 ? [u.pathname.slice(0, -1), 'without the trailing slash'] : [`${u.pathname}/`, 'with a trailing slash'])
        for (const [path, pathChange] of paths) {
          const queries: [string, string | null][] = [[u.search, null]]
          if (u.search) queries.push(['', 'without the query string'])
          for (const [search, queryChange] of queries) {
            const url = `${proto}//${host}${port ? `:${port}` : ''}${path}${search}`
            const changes = [protoChange, hostChange, portChange, pathChange, queryChange].filter((c): c is string => !!c)
            if (url === received || changes.length === 0 || out.has(url)) continue
            out.set(url, { url, change: changes.join(', '), transport: !pathChange && !queryChange })
          }
        }
      }
    }
  }
  // Fewest changes first, so the simplest explanation is the one given.
  return [...out.values()].sort((a, b) => a.change.split(',').length - b.change.split(',').length)
}
