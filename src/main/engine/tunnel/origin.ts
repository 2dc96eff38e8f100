// Tells tunnel deliveries from local ones, and finds the original client address of tunnel ones.
import { isIP } from 'node:net'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { DeliveryOrigin } from '../receiver'
import type { TunnelRelay } from './relay'

export function classifyOrigin(req: IncomingMessage, relay: TunnelRelay): DeliveryOrigin {
  // Only the socket decides; forwarding headers on local traffic are just headers anyone can send.
  const viaTunnel = relay.owns(req.socket.remoteAddress, req.socket.remotePort)
  if (!viaTunnel) return { viaTunnel, forwardedFor: null, peer: null }
  return { viaTunnel, forwardedFor: originalClient(req.headers), peer: proxyPeer(req.headers) }
}

/**
 * The address the tunnel's edge proxy itself saw: the last X-Forwarded-For entry (a proxy appends the
 * peer it accepted), else X-Real-IP. Unlike the first entry, a sender cannot choose it by sending an
 * X-Forwarded-For of its own, so rate limits key on it.
 */
export function proxyPeer(headers: IncomingHttpHeaders): string | null {
  const entries = first(headers['x-forwarded-for'])?.split(',')
  for (const candidate of [entries?.[entries.length - 1], first(headers['x-real-ip'])]) {
    const address = candidate ? cleanAddress(candidate) : null
    if (address) return address
  }
  return null
}

/**
 * The original client, as the tunnel server's proxy reports it: the first X-Forwarded-For entry
 * (the client, when the sender sits behind its own proxies), else X-Real-IP, else RFC 7239 Forwarded.
 */
export function originalClient(headers: IncomingHttpHeaders): string | null {
  const xff = first(headers['x-forwarded-for'])?.split(',')[0]
  const forwarded = first(headers['forwarded'])?.match(/for=("?)([^";,]+)\1/i)?.[2]
  for (const candidate of [xff, first(headers['x-real-ip']), forwarded]) {
    const address = candidate ? cleanAddress(candidate) : null
    if (address) return address
  }
  return null
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Strips brackets and ports ("[2001:db8::1]:443", "203.0.113.7:5000"); only real IP addresses pass. */
function cleanAddress(raw: string): string | null {
  let value = raw.trim()
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/)
  if (bracketed) value = bracketed[1]
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  return isIP(value) ? value : null
}
