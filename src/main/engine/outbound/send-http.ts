// Outbound HTTP for replay, send, forward and forge-tests. Built on node:http(s) rather than fetch:
// fetch (undici) lowercases and merges headers and forbids Host/Content-Length, while a webhook
// replay must put the captured header names, case, order and duplicates on the wire as they were.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Header } from '../../../shared/types'

export interface OutboundRequest {
  url: string
  method: string
  /** Sent in this order and case; Host, Content-Length and hop-by-hop headers are recomputed. */
  headers: Header[]
  body: Buffer
  timeoutMs?: number
  /** Keep at most this much of the answer's body. */
  maxResponseBytes?: number
  /** Aborting stops the wait at once: the result says "Cancelled" (errorKind `cancelled`). */
  signal?: AbortSignal
}

export type OutboundErrorKind = 'refused' | 'timeout' | 'dns' | 'tls' | 'reset' | 'invalid-url' | 'cancelled' | 'other'

export interface OutboundResult {
  /** True when an HTTP answer came back (any status). */
  answered: boolean
  status: number | null
  headers: Header[]
  body: Buffer
  bodyTruncated: boolean
  durationMs: number
  /** Plain words for a user when there was no answer. */
  error: string | null
  errorKind: OutboundErrorKind | null
  /** The headers actually put on the wire (after Host / Content-Length rewriting). */
  sentHeaders: Header[]
}

const HOP_BY_HOP = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
  'expect'
])

/** Captured headers ready to resend: Host rewritten in place, hop-by-hop dropped, Content-Length exact. */
export function prepareHeaders(headers: Header[], url: URL, bodyLength: number, method: string): Header[] {
  const out: Header[] = []
  let hostPlaced = false
  for (const [name, value] of headers) {
    const lower = name.toLowerCase()
    if (lower === 'host' && !hostPlaced) {
      out.push([name, url.host])
      hostPlaced = true
      continue
    }
    if (HOP_BY_HOP.has(lower)) continue
    out.push([name, value])
  }
  if (!hostPlaced) out.unshift(['Host', url.host])
  if (bodyLength > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method.toUpperCase())) {
    out.push(['Content-Length', String(bodyLength)])
  }
  return out
}

export function sendHttp(req: OutboundRequest): Promise<OutboundResult> {
  const started = performance.now()
  const timeoutMs = req.timeoutMs ?? 30_000
  const maxBytes = req.maxResponseBytes ?? 10 * 1024 * 1024
  let url: URL
  try {
    url = new URL(req.url)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('only http and https')
  } catch {
    return Promise.resolve(failure(started, 'invalid-url', `"${req.url}" is not an http(s) URL.`, []))
  }
  const sentHeaders = prepareHeaders(req.headers, url, req.body.length, req.method)
  const flat = sentHeaders.flat()
  const cancelled = (): OutboundResult =>
    failure(started, 'cancelled', `Cancelled after ${formatSeconds(Math.round(performance.now() - started))}, before ${url.host} answered.`, sentHeaders)
  if (req.signal?.aborted) return Promise.resolve(cancelled())

  return new Promise((resolve) => {
    let settled = false
    const done = (result: OutboundResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
      resolve(result)
    }
    const onAbort = (): void => {
      done(cancelled())
      client?.destroy()
    }
    const onResponse = (res: IncomingMessage): void => {
      const chunks: Buffer[] = []
      let kept = 0
      let truncated = false
      res.on('data', (chunk: Buffer) => {
        if (kept + chunk.length <= maxBytes) {
          chunks.push(chunk)
          kept += chunk.length
        } else truncated = true
      })
      const finish = (): void =>
        done({
          answered: true,
          status: res.statusCode ?? null,
          headers: pairs(res.rawHeaders),
          body: Buffer.concat(chunks, kept),
          bodyTruncated: truncated,
          durationMs: elapsed(started),
          error: null,
          errorKind: null,
          sentHeaders
        })
      res.on('end', finish)
      res.on('error', finish)
      res.on('aborted', finish)
    }
    let client: ClientRequest | undefined
    try {
      const options = { method: req.method, headers: flat as unknown as Record<string, string>, setHost: false }
      client = url.protocol === 'https:' ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse)
    } catch (error) {
      done(failure(started, 'other', `Could not send: ${(error as Error).message}`, sentHeaders))
      return
    }
    const timer = setTimeout(() => {
      done(failure(started, 'timeout', `No answer from ${url.host} within ${formatSeconds(timeoutMs)}.`, sentHeaders))
      client?.destroy()
    }, timeoutMs)
    req.signal?.addEventListener('abort', onAbort, { once: true })
    client.on('error', (error: NodeJS.ErrnoException) => {
      const { kind, message } = describe(error, url)
      done(failure(started, kind, message, sentHeaders))
    })
    client.end(req.body.length ? req.body : undefined)
  })
}

function describe(error: NodeJS.ErrnoException, url: URL): { kind: OutboundErrorKind; message: string } {
  const code = error.code ?? ''
  if (code === 'ECONNREFUSED') {
    return { kind: 'refused', message: `Connection refused: nothing is listening on ${url.host}. Is your handler running?` }
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', message: `Host ${url.hostname} not found.` }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return { kind: 'reset', message: `${url.host} closed the connection without answering.` }
  }
  if (code === 'ETIMEDOUT') return { kind: 'timeout', message: `Connecting to ${url.host} timed out.` }
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL') || /SSL|TLS/.test(error.message)) {
    return { kind: 'tls', message: `TLS error talking to ${url.host}: ${error.message}` }
  }
  return { kind: 'other', message: `Could not reach ${url.host}: ${error.message}` }
}

function failure(started: number, kind: OutboundErrorKind, message: string, sentHeaders: Header[]): OutboundResult {
  return {
    answered: false,
    status: null,
    headers: [],
    body: Buffer.alloc(0),
    bodyTruncated: false,
    durationMs: elapsed(started),
    error: message,
    errorKind: kind,
    sentHeaders
  }
}

function pairs(raw: string[]): Header[] {
  const out: Header[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]])
  return out
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 1000) / 1000
const formatSeconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`)
