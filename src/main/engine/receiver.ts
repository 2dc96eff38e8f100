// The receiver faces the internet through the tunnel: every byte it reads is hostile input.
// It records what arrived (even when it refuses it) and never lets one request crash the process.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { CapturedResponse, Header, ResponseConfig, Settings } from '../../shared/types'
import { resolveAnswer, type ResolvedAnswer } from './answers/resolve'
import { formatBytes } from '../../shared/format'
import { headerValue } from './headers'
import { InFlight } from './in-flight'
import type { Inspector } from './inspect'
import type { NewRequest } from './store/rows'
import type { Refusal } from './limits/admission'
import { discardRest, drainBoundBytes, type DrainOutcome } from './limits/drain'
import { HookscopeError } from '../../shared/errors'

/** How much of an over-limit body is kept so the user still sees how it started. */
const OVERSIZE_PREVIEW_BYTES = 64 * 1024
/**
 * A stored answer time is corrected when the sender really waited longer than this beyond it. Each
 * correction rewrites a committed row (~10 µs of writer CPU); under a flood nearly every commit waits a
 * millisecond or two, so only waits a person would notice are worth it.
 */
const DURATION_SLACK_MS = 5

export interface DeliveryOrigin {
  viaTunnel: boolean
  /** The original client as the tunnel reports it (shown with the capture). */
  forwardedFor: string | null
  /** The client the tunnel's proxy accepted the connection from (what rate limits count by). */
  peer: string | null
}

/**
 * How long a sender may take. Slowloris-style senders (headers or a body dribbled a byte at a time)
 * are cut off by these; Node checks them every `checkIntervalMs`.
 */
export interface ReceiverTimeouts {
  /** Whole header block, from the first byte. */
  headersMs: number
  /** Whole request including the body (a 25 MiB body over a slow tunnel needs minutes). */
  requestMs: number
  /** Idle keep-alive connection between requests. */
  keepAliveMs: number
  checkIntervalMs: number
  /** At close, how long a delivery whose body is still arriving may take to finish and be answered. */
  closeGraceMs: number
  /** After an over-limit (or refused) body: how long its rest is read and discarded before the connection is cut. */
  drainMs: number
}

export const DEFAULT_TIMEOUTS: ReceiverTimeouts = {
  headersMs: 20_000,
  requestMs: 5 * 60_000,
  keepAliveMs: 30_000,
  checkIntervalMs: 5_000,
  closeGraceMs: 5_000,
  drainMs: 30_000
}

export interface ReceiverDeps {
  timeouts?: Partial<ReceiverTimeouts>
  settings: () => Settings
  inspect: Inspector
  /** Resolves once the row is committed; the acknowledgement waits for it. */
  record: (row: NewRequest) => Promise<number>
  /**
   * The answer went out later than the stored time said (the commit or the event loop took longer than
   * the estimate): the true time the sender waited, to correct the row. Rare when idle, batched under load.
   */
  answeredLate?: (id: number, row: NewRequest, durationMs: number) => void
  /** Decides whether a request came through the tunnel (the tunnel module plugs in here). */
  originOf?: (req: IncomingMessage) => DeliveryOrigin
  /** Refuses a delivery before its body is read (rate limit, disk nearly full); null lets it in. */
  admit?: (req: IncomingMessage, origin: DeliveryOrigin) => Refusal | null
  onError?: (message: string) => void
}

const LOCAL: DeliveryOrigin = { viaTunnel: false, forwardedFor: null, peer: null }

export class Receiver {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  private readonly inFlight = new InFlight()
  private readonly drainMs: number

  constructor(private readonly deps: ReceiverDeps) {
    this.drainMs = deps.timeouts?.drainMs ?? DEFAULT_TIMEOUTS.drainMs
  }

  /** Listens on the given port, or on the next free ones when it is taken (up to 20 tries). */
  async listen(port: number, host = '127.0.0.1', tries = 20): Promise<number> {
    for (let attempt = 0; attempt < tries; attempt++) {
      const candidate = port === 0 ? 0 : port + attempt
      try {
        return await this.listenOnce(candidate, host)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error
      }
    }
    if (tries === 1) throw new HookscopeError('unavailable', `Port ${port} is taken by another program (another \`hookscope serve\` or the desktop app?). Stop it, or choose another port (--port 0 takes any free one).`)
    throw new HookscopeError('unavailable', `No free port between ${port} and ${port + tries - 1}.`)
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0
  }

  /** Deliveries read, stored or answered right now (tests wait on it). */
  get inFlightCount(): number {
    return this.inFlight.size
  }

  /**
   * Stops accepting connections and answers every delivery in flight before closing: one being
   * stored gets its answer once committed, a configured answer delay is cut short, a body still
   * arriving gets `closeGraceMs`. Idle keep-alive connections close at once.
   */
  async close(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    await this.inFlight.drain({ ...DEFAULT_TIMEOUTS, ...this.deps.timeouts }.closeGraceMs)
    // Answered connections are ending by themselves (Connection: close); the rest never sent a whole
    // request in time, or sit idle. A cut delivery still records what arrived (with a note): wait for
    // that too. A peer that never reads its answer is cut after a second.
    for (const socket of this.sockets) if (!socket.writableEnded) socket.destroy()
    const backstop = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy()
    }, 1000)
    await Promise.all([closed, this.inFlight.drain(1000)])
    clearTimeout(backstop)
  }

  private listenOnce(port: number, host: string): Promise<number> {
    const t = { ...DEFAULT_TIMEOUTS, ...this.deps.timeouts }
    const server = createServer(
      {
        // Providers and attackers alike may send many or large headers; keep them all, bounded by size.
        maxHeaderSize: 64 * 1024,
        requireHostHeader: false,
        keepAliveTimeout: t.keepAliveMs,
        headersTimeout: t.headersMs,
        requestTimeout: t.requestMs,
        connectionsCheckingInterval: t.checkIntervalMs
      },
      (req, res) => this.handle(req, res)
    )
    server.maxHeadersCount = 0
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    server.on('clientError', (error, socket) => {
      // Malformed or too slow HTTP: answer when the socket can still take it, otherwise just drop it.
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (socket.writable && !code.startsWith('ECONN')) socket.end(clientErrorReply(code))
      else socket.destroy()
    })
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        server.on('error', (e) => this.deps.onError?.(`Receiver error: ${e.message}`))
        this.server = server
        resolve((server.address() as AddressInfo).port)
      })
    })
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now()
    const receivedAt = Date.now()
    const origin = this.deps.originOf?.(req) ?? LOCAL
    // Refused deliveries are answered at once and never stored: nothing for a stop to wait for.
    const refusal = this.deps.admit?.(req, origin)
    if (refusal) return this.refuse(req, res, refusal)
    // In flight until it is recorded and answered, and the answer flushed or the connection gone.
    this.inFlight.begin()
    let open = 2
    const settle = (): void => {
      if (--open === 0) this.inFlight.end()
    }
    res.once('close', settle)
    const limit = this.deps.settings().bodyLimitBytes
    const hash = createHash('sha256')
    const chunks: Buffer[] = []
    let kept = 0
    let size = 0
    let oversize = false
    let done = false
    // Set once the body is over the limit: the rest is read and discarded, within bounds, before the 413.
    let drained: Promise<DrainOutcome> | null = null

    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) oversize = true

    const finish = (note: string | null): void => {
      if (done) return
      done = true
      this.complete(req, res, origin, drained, {
        receivedAt,
        started,
        body: Buffer.concat(chunks, kept),
        size,
        sha256: hash.digest('hex'),
        oversize,
        limit,
        note
      }).then(settle, (error: unknown) => {
        this.fail(res, error)
        settle()
      })
    }

    if (oversize) {
      // Never stored; metadata is still recorded. A body the drain bound covers is read and discarded
      // so the sender sees the 413; a bigger one is answered at once and its connection closed.
      const bound = drainBoundBytes(limit)
      if (declared <= bound) drained = discardRest(req, bound, this.drainMs)
      else req.resume()
      finish(`Body of ${declared} bytes (Content-Length) exceeds the ${formatBytes(limit)} limit; not read.`)
      return
    }

    req.on('data', (chunk: Buffer) => {
      // After an over-limit cut the rest is drained unread (the hash is already final).
      if (done) return
      size += chunk.length
      hash.update(chunk)
      if (!oversize && kept + chunk.length <= limit) {
        chunks.push(chunk)
        kept += chunk.length
        return
      }
      if (!oversize) {
        oversize = true
        // Keep only a preview of what arrived so far.
        const whole = Buffer.concat(chunks, kept)
        chunks.length = 0
        chunks.push(whole.subarray(0, OVERSIZE_PREVIEW_BYTES))
        kept = chunks[0].length
        drained = discardRest(req, drainBoundBytes(limit) - size, this.drainMs)
        finish(`Body exceeded the ${formatBytes(limit)} limit while arriving; the first ${formatBytes(kept)} are kept.`)
      }
    })
    req.on('end', () => finish(null))
    req.on('error', () => finish('The connection broke before the body was complete; what arrived is kept.'))
    req.on('aborted', () => finish('The client aborted before the body was complete; what arrived is kept.'))
    // A request timeout (slowloris) destroys the socket without 'error' on some paths.
    req.on('close', () => {
      if (!req.complete) finish('The connection closed before the body was complete; what arrived is kept.')
    })
  }

  /** 429 / 503 with Retry-After; nothing is stored. The body, if any, is discarded within bounds. */
  private refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    void discardRest(req, drainBoundBytes(this.deps.settings().bodyLimitBytes), this.drainMs)
    const payload = JSON.stringify({ error: refusal.message })
    res.writeHead(refusal.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      'Retry-After': String(refusal.retryAfterSeconds)
    })
    res.end(payload)
  }

  private async complete(
    req: IncomingMessage,
    res: ServerResponse,
    origin: DeliveryOrigin,
    drained: Promise<DrainOutcome> | null,
    body: {
      receivedAt: number
      started: number
      body: Buffer
      size: number
      sha256: string
      oversize: boolean
      limit: number
      note: string | null
    }
  ): Promise<void> {
    const headers = pairHeaders(req.rawHeaders)
    const contentEncoding = headerValue(headers, 'content-encoding')
    const delivery = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body: body.body, contentEncoding, receivedAt: body.receivedAt }
    const inspection = this.deps.inspect(delivery)
    const resolved: ResolvedAnswer = body.oversize
      ? {
          answer: {
            status: 413,
            headers: [['Content-Type', 'application/json'], ['Connection', 'close']],
            body: JSON.stringify({ error: `Body larger than ${formatBytes(body.limit)}` }),
            delayMs: 0
          },
          note: null
        }
      : resolveAnswer(inspection.response ?? this.deps.settings().response, delivery, inspection)
    const answer = resolved.answer
    const prepared = prepareAnswer(answer)
    // The row is stored before the answer goes out (acknowledge after commit), so its time is the wait so
    // far plus the configured delay; the time after the answer is sent corrects it when the commit took longer.
    const row: NewRequest = {
      receivedAt: body.receivedAt,
      endpoint: inspection.endpoint,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      httpVersion: req.httpVersion,
      headers,
      body: body.body,
      bodySize: body.size,
      bodySha256: body.sha256,
      bodyTruncated: body.oversize,
      contentType: headerValue(headers, 'content-type'),
      contentEncoding,
      remoteAddress: req.socket.remoteAddress ?? null,
      viaTunnel: origin.viaTunnel,
      forwardedFor: origin.forwardedFor,
      provider: inspection.provider,
      eventType: inspection.eventType,
      eventId: inspection.eventId,
      callId: inspection.callId,
      verdict: inspection.verdict,
      signature: inspection.signature,
      response: prepared.captured,
      durationMs: roundMs(performance.now() - body.started + answer.delayMs),
      note: body.note && resolved.note ? `${body.note} ${resolved.note}` : (body.note ?? resolved.note)
    }
    const id = await this.deps.record(row)
    // A sender past the drain bound has been cut off: there is no one left to answer.
    if (drained && (await drained) === 'cut') return
    if (answer.delayMs > 0) await this.inFlight.delay(answer.delayMs)
    if (res.destroyed || res.headersSent) return
    const payload = prepared.payload
    res.statusCode = answer.status
    for (const [name, value] of answer.headers) {
      try {
        res.appendHeader(name, value)
      } catch {
        /* a user-typed header Node refuses is skipped, not fatal */
      }
    }
    res.setHeader('Content-Length', payload.length)
    if (this.inFlight.draining) res.setHeader('Connection', 'close')
    res.end(payload)
    // What the sender waited: from its request to this answer, delay and commit included.
    const waited = roundMs(performance.now() - body.started)
    if (waited - (row.durationMs ?? 0) > DURATION_SLACK_MS) this.deps.answeredLate?.(id, row, waited)
  }

  private fail(res: ServerResponse, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    this.deps.onError?.(`Could not store a delivery: ${message}`)
    if (res.headersSent || res.destroyed) return
    // 503 makes providers retry: the delivery is not lost, just not acknowledged.
    res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5' })
    res.end(JSON.stringify({ error: 'Hookscope could not store this delivery; please retry.' }))
  }
}

interface PreparedAnswer {
  payload: Buffer
  captured: CapturedResponse
}

// Settings and endpoint answers are long-lived objects: encode each once, not once per delivery.
const preparedAnswers = new WeakMap<ResponseConfig, PreparedAnswer>()

function prepareAnswer(answer: ResponseConfig): PreparedAnswer {
  let prepared = preparedAnswers.get(answer)
  if (!prepared) {
    const payload = Buffer.from(answer.body)
    prepared = {
      payload,
      captured: { status: answer.status, headers: answer.headers, bodyBase64: payload.toString('base64'), delayMs: answer.delayMs }
    }
    preparedAnswers.set(answer, prepared)
  }
  return prepared
}

function clientErrorReply(code: string): string {
  const [status, reason] =
    code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large']
      : code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'HPE_HEADER_TIMEOUT'
        ? [408, 'Request Timeout']
        : [400, 'Bad Request']
  return `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
}

export function pairHeaders(raw: string[]): Header[] {
  const headers: Header[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i], raw[i + 1]])
  return headers
}

const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000
