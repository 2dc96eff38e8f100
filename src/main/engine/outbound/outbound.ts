import type { CatalogProvider, DeliveryRecord, EventSampleResult } from '../../../shared/api/outbound'
import type { Header } from '../../../shared/types'
import { PROVIDERS, getProvider } from '../providers/registry'
import type { Provider } from '../providers/types'
import { encodeSample } from '../providers/wire'
import type { EventSink, Log } from '../api-handlers'
import type { Db } from '../store/db'
import type { RequestStore } from '../store/request-store'
import { Deliverer, type RetryPlan } from './deliver'
import type { DeliveryLog } from './delivery-log'
import { Forwarder } from './forwarder'
import type { SecretResolver } from './secrets'
import { resignHeaders, resolveTargetUrl } from './signing'
import { TargetStore } from './targets'
import { HookscopeError } from '../../../shared/errors'

export type { SecretResolver } from './secrets'

export interface OutboundDeps {
  db: Db
  requests: RequestStore
  deliveries: DeliveryLog
  events: EventSink
  /** The secret to sign with when the caller typed none (the signatures feature's vault). */
  secretFor: SecretResolver
  /** The receiver's port, read when a URL is checked (known once it listens). */
  receiverPort: () => number
  log: Log
}

export interface ReplayInput {
  id: number
  url: string
  edit?: { method: string; path?: string; headers: Header[]; bodyText: string }
  resign?: { provider?: string; secret?: string }
  retry?: { provider: string; timeCompression: number }
  timeoutMs?: number
  cancelKey?: string
}

export interface SendInput {
  provider: string
  event?: string
  url: string
  method: string
  headers: Header[]
  bodyText: string
  sign: boolean
  secret?: string
  retry?: { provider: string; timeCompression: number }
  timeoutMs?: number
  cancelKey?: string
}

export function requireProvider(id: string): Provider {
  const provider = getProvider(id)
  if (!provider) throw new HookscopeError('invalid_input', `Unknown provider "${id}". Known: ${PROVIDERS.map((p) => p.id).join(', ')}.`)
  return provider
}

/** Send, replay and forward, composed from small parts over the engine's store and delivery log. */
export class Outbound {
  readonly targets: TargetStore
  readonly deliverer: Deliverer
  readonly forwarder: Forwarder
  /** Sends and replays waiting for an answer, by the cancel key their caller chose. */
  private readonly cancellable = new Map<string, AbortController>()

  /** Forwarding runs from the engine's capture listener: the composition root calls `forwarder.onCaptured`. */
  constructor(private readonly deps: OutboundDeps) {
    const { db, deliveries, events } = deps
    this.targets = new TargetStore(db)
    this.deliverer = new Deliverer(deliveries, (s) => events.emit('deliveryRecorded', s), () => db.open)
    this.forwarder = new Forwarder(
      this.targets,
      this.deliverer,
      () => events.emit('forwardRulesChanged', this.forwarder.rules()),
      deps.log,
      (url) => this.isOwnReceiver(url)
    )
  }

  /** Whether a URL points at this engine's receiver (loopback, same port). */
  isOwnReceiver(url: string): boolean {
    try {
      const u = new URL(url)
      const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80))
      return port === this.deps.receiverPort() && ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0'].includes(u.hostname)
    } catch {
      return false
    }
  }

  stop(): void {
    this.forwarder.flushMatches()
    this.deliverer.stop()
    for (const controller of this.cancellable.values()) controller.abort()
  }

  /** Stops the send or replay started with this key; false when none is waiting. */
  cancel(cancelKey: string): boolean {
    const controller = this.cancellable.get(cancelKey)
    if (!controller) return false
    controller.abort()
    return true
  }

  /** Runs one delivery that its caller may cancel by key while it waits for the answer. */
  private async withCancel<T>(cancelKey: string | undefined, run: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    if (!cancelKey) return run(undefined)
    if (this.cancellable.has(cancelKey)) throw new HookscopeError('conflict', 'A delivery with this cancel key is already under way.')
    const controller = new AbortController()
    this.cancellable.set(cancelKey, controller)
    try {
      return await run(controller.signal)
    } finally {
      this.cancellable.delete(cancelKey)
    }
  }

  catalog(): CatalogProvider[] {
    return PROVIDERS.map((p) => ({
      id: p.id,
      name: p.name,
      signs: p.signs,
      signatureHeaders: p.signatureHeaders,
      methods: p.methods,
      contentType: p.contentType,
      retry: { ...p.retry, disableAfterFailures: p.retry.disableAfterFailures ?? null },
      events: p.events.map((e) => ({ type: e.type, description: e.description }))
    }))
  }

  /**
   * A fresh sample of one catalog event as the provider sends it: form fields for form-posting providers
   * (Twilio), JSON pretty-printed for editing otherwise (the signature covers whatever is sent).
   */
  sample(providerId: string, eventType: string): EventSampleResult {
    const provider = requireProvider(providerId)
    const event = provider.events.find((e) => e.type === eventType)
    if (!event) {
      throw new HookscopeError('invalid_input', `${provider.name} has no event "${eventType}". Its events: ${provider.events.map((e) => e.type).join(', ')}.`)
    }
    return {
      method: provider.methods[0] ?? 'POST',
      headers: [['Content-Type', provider.contentType]],
      bodyText: encodeSample(provider, event.sample(), { pretty: true })
    }
  }

  async replay(input: ReplayInput): Promise<DeliveryRecord> {
    const row = this.deps.requests.getWithBody(input.id)
    if (!row) throw new HookscopeError('not_found', `No captured request with id ${input.id}.`)
    if (row.bodyTruncated && !input.edit) {
      throw new HookscopeError('invalid_input', 'This capture was cut at the body limit, so its exact bytes are not stored; edit it to send what was kept.')
    }
    const edit = input.edit
    const url = edit?.path !== undefined ? new URL(input.url).origin + edit.path : resolveTargetUrl(input.url, row.path)
    const method = edit?.method.toUpperCase() ?? row.method
    const body = edit ? Buffer.from(edit.bodyText, 'utf8') : row.body
    let headers = edit?.headers ?? row.headers
    if (input.resign) {
      const providerId = input.resign.provider ?? row.provider
      if (!providerId) throw new HookscopeError('invalid_input', 'Hookscope does not know which provider sent this capture: pick one to re-sign as.')
      const provider = requireProvider(providerId)
      headers = resignHeaders(provider, headers, body, this.secretFor(provider, input.resign.secret, row.endpoint), {
        url,
        method,
        event: row.eventType
      })
    }
    return this.withCancel(input.cancelKey, (signal) => this.deliverer.deliver(
      { url, method, headers, body, timeoutMs: input.timeoutMs, signal },
      { kind: 'replay', requestId: row.id, label: edit ? (input.resign ? 'edited, re-signed' : 'edited') : null, retry: this.retryPlan(input.retry) }
    ))
  }

  async send(input: SendInput): Promise<DeliveryRecord> {
    const provider = requireProvider(input.provider)
    const body = Buffer.from(input.bodyText, 'utf8')
    const method = input.method.toUpperCase()
    let headers = input.headers.length ? input.headers : ([['Content-Type', provider.contentType]] as Header[])
    if (input.sign && provider.signs) {
      headers = resignHeaders(provider, headers, body, this.secretFor(provider, input.secret, null), { url: input.url, method, event: input.event })
    }
    return this.withCancel(input.cancelKey, (signal) =>
      this.deliverer.deliver(
        { url: input.url, method, headers, body, timeoutMs: input.timeoutMs, signal },
        { kind: 'send', label: input.event ?? null, retry: this.retryPlan(input.retry) }
      )
    )
  }

  private secretFor(provider: Provider, given: string | undefined, endpoint: string | null): string {
    const secret = given ?? this.deps.secretFor(provider.id, endpoint)
    if (!secret) {
      throw new HookscopeError('invalid_input', `${provider.name} signs its deliveries: enter its signing secret (or store one for the endpoint or provider) to sign this one.`)
    }
    return secret
  }

  private retryPlan(retry: { provider: string; timeCompression: number } | undefined): RetryPlan | undefined {
    if (!retry) return undefined
    return { policy: requireProvider(retry.provider).retry, timeCompression: retry.timeCompression }
  }
}
