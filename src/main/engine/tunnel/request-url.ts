// Asks a localtunnel server for a public URL. The stock client retries this request forever with no
// timeout (a re-request can hang for minutes); here it is one bounded attempt whose failure is
// described in plain words, and the manager decides when to try again.
import type { TunnelReason } from '../../../shared/types'

export interface TunnelGrant {
  /** The subdomain the server granted (may differ from the one requested). */
  id: string
  url: string
  /** TCP port on the tunnel server that the client's tunnel sockets connect to. */
  port: number
  /** Server IP to connect to, when the server names one. */
  ip: string | null
  maxConn: number
}

export class TunnelFailure extends Error {
  constructor(
    readonly reason: TunnelReason,
    message: string
  ) {
    super(message)
  }
}

const MAX_MESSAGE = 200

export async function requestTunnelUrl(host: string, subdomain: string, timeoutMs: number): Promise<TunnelGrant> {
  const where = new URL(host).host
  let response: Response
  try {
    response = await fetch(new URL(`/${encodeURIComponent(subdomain)}`, host), {
      signal: AbortSignal.timeout(timeoutMs),
      // Redirects are followed, as the stock client (axios) does: the public host may move.
      headers: { accept: 'application/json' }
    })
  } catch (error) {
    throw describeNetworkError(error, where, timeoutMs)
  }
  let body: Record<string, unknown> | null
  try {
    body = (await response.json()) as Record<string, unknown>
  } catch {
    body = null
  }
  if (response.status !== 200) {
    const said = typeof body?.message === 'string' ? body.message.slice(0, MAX_MESSAGE) : `HTTP ${response.status}`
    throw new TunnelFailure('server-refused', `The tunnel server at ${where} refused the tunnel: ${said}`)
  }
  const port = Number(body?.port)
  if (!body || typeof body.url !== 'string' || typeof body.id !== 'string' || !Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new TunnelFailure('server-refused', `The answer from ${where} was not understood; is it a localtunnel server?`)
  }
  return {
    id: body.id,
    url: body.url,
    port,
    ip: typeof body.ip === 'string' ? body.ip : null,
    maxConn: Number(body.max_conn_count) > 0 ? Math.min(Number(body.max_conn_count), 10) : 1
  }
}

function describeNetworkError(error: unknown, where: string, timeoutMs: number): TunnelFailure {
  const e = error as { name?: string; cause?: { code?: string; message?: string } }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new TunnelFailure('timeout', `The tunnel server at ${where} did not answer within ${Math.round(timeoutMs / 1000)} s.`)
  }
  const code = e.cause?.code
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the name does not resolve; is the machine online?'
        : (code ?? e.cause?.message ?? 'network error')
  return new TunnelFailure('server-unreachable', `Cannot reach the tunnel server at ${where} (${why}).`)
}
